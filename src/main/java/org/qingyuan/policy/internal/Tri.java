package org.qingyuan.policy.internal;

/** A truth value that may be unknown (Kleene's three-valued logic). */
enum Tri {
    TRUE, FALSE, UNKNOWN;

    static Tri of(boolean value) {
        return value ? TRUE : FALSE;
    }

    Tri not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** 1, 0 or -1, as test results are stored. */
    byte code() {
        return switch (this) {
            case TRUE -> 1;
            case FALSE -> 0;
            case UNKNOWN -> -1;
        };
    }
}
