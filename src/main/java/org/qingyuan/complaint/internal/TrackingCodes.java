package org.qingyuan.complaint.internal;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking codes (查询码) the reporter keeps: {@code JB-XXXXX-XXXXX} from 31 letters and digits that are not mistaken for
 * one another (no 0/O, 1/I/L), about 50 random bits, so that codes cannot be guessed or walked.
 */
final class TrackingCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {
    }

    static String next() {
        StringBuilder s = new StringBuilder("JB-");
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                s.append('-');
            }
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** The code as typed (lower case, spaces, missing dashes) in its canonical form, or null when it cannot be one. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
        if (s.startsWith("JB")) {
            s = s.substring(2);
        }
        if (s.length() != 10 || !s.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0)) {
            return null;
        }
        return "JB-" + s.substring(0, 5) + "-" + s.substring(5);
    }

    /** JB-K7M2Q-****A when published: enough for the reporter to recognise his own, not enough to look it up. */
    static String masked(String code) {
        return code.substring(0, 8) + "-****" + code.substring(code.length() - 1);
    }
}
