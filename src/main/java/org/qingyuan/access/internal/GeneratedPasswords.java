package org.qingyuan.access.internal;

import java.security.SecureRandom;

/** One-time passwords: 12 characters with an upper- and a lower-case letter, a digit and a symbol, none that look alike. */
final class GeneratedPasswords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedPasswords() {
    }

    static String next() {
        String lower = "abcdefghijkmnpqrstuvwxyz";
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String digits = "23456789";
        String symbols = "@#%+=!";
        String all = lower + upper + digits + symbols;
        char[] out = new char[12];
        out[0] = upper.charAt(RANDOM.nextInt(upper.length()));
        out[1] = lower.charAt(RANDOM.nextInt(lower.length()));
        out[2] = digits.charAt(RANDOM.nextInt(digits.length()));
        out[3] = symbols.charAt(RANDOM.nextInt(symbols.length()));
        for (int i = 4; i < out.length; i++) {
            out[i] = all.charAt(RANDOM.nextInt(all.length()));
        }
        for (int i = out.length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return new String(out);
    }
}
