package org.qingyuan.ledger;

/** 厂房性质 (004 附件2): whose building the workshop uses. */
public enum Premises {
    /** 租赁: rented; the landlord is recorded (REQUIREMENTS N2). */
    RENTED("租赁"),
    /** 自建: built by the operator. */
    SELF_BUILT("自建");

    private final String label;

    Premises(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
