package org.qingyuan.access.internal;

import java.time.Instant;

/** What a phone authenticator would show, for tests. */
public final class TotpCodes {

    private TotpCodes() {
    }

    public static String now(String base32Secret, Instant at) {
        return Totp.code(Totp.decode(base32Secret), at.getEpochSecond() / 30, 6);
    }
}
