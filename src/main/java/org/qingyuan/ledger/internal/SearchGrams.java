package org.qingyuan.ledger.internal;

import java.text.Normalizer;
import java.util.TreeSet;

/**
 * The search tokens of an enterprise, computed in Java for the bulk paths (the Excel import COPYs
 * them with the rows): the same set as the SQL {@code qy_bigrams(name || ' ' || coalesce(address, ''))
 * || qy_scope_tokens(division_code)} that the {@code enterprise_search_grams} trigger computes for
 * a row inserted without them or edited. Computing them in the database costs more than the rest of
 * the insert (the SQL function runs once per row), hence this copy; SearchGramsTests keeps the two equal.
 */
final class SearchGrams {

    private static final int[] SCOPE_LENGTHS = {2, 4, 6, 9, 12};

    private SearchGrams() {
    }

    /** The stored value of {@code search_grams}: the bigrams, sorted by code point, then the scope tokens. */
    static String[] of(String name, String address, String divisionCode) {
        TreeSet<String> grams = bigrams(name + " " + (address == null ? "" : address));
        int scopes = 0;
        for (int n : SCOPE_LENGTHS) {
            if (n <= divisionCode.length()) {
                scopes++;
            }
        }
        String[] out = new String[grams.size() + scopes];
        int i = 0;
        for (String g : grams) {
            out[i++] = g;
        }
        for (int n : SCOPE_LENGTHS) {
            if (n <= divisionCode.length()) {
                out[i++] = "@" + divisionCode.substring(0, n);
            }
        }
        return out;
    }

    /**
     * {@code qy_bigrams}: NFKC of the lower-cased text, every two adjacent characters (code points)
     * that include no white space, distinct, in code-point order (the C collation's order).
     */
    static TreeSet<String> bigrams(String text) {
        String s = Normalizer.normalize(lower(text), Normalizer.Form.NFKC);
        TreeSet<String> out = new TreeSet<>(SearchGrams::compareCodePoints);
        int i = 0;
        int n = s.length();
        while (i < n) {
            int a = s.codePointAt(i);
            int next = i + Character.charCount(a);
            if (next >= n) {
                break;
            }
            int b = s.codePointAt(next);
            if (!space(a) && !space(b)) {
                out.add(s.substring(i, next + Character.charCount(b)));
            }
            i = next;
        }
        return out;
    }

    /** PostgreSQL's {@code lower()}: simple (one to one) case mapping of every code point. */
    private static String lower(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            char c = text.charAt(i);
            ascii = c < 0x80 && !(c >= 'A' && c <= 'Z');
        }
        if (ascii) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> b.appendCodePoint(Character.toLowerCase(cp)));
        return b.toString();
    }

    /** The regular expression class {@code \s}. */
    private static boolean space(int cp) {
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0d) || cp == 0x85 || cp == 0xa0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f
                || cp == 0x3000;
    }

    private static int compareCodePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }

    /** The array as a COPY text-format value (before COPY's own escaping): every element quoted. */
    static String literal(String[] grams) {
        StringBuilder b = new StringBuilder(grams.length * 8 + 2).append('{');
        for (int i = 0; i < grams.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"');
            String g = grams[i];
            for (int k = 0; k < g.length(); k++) {
                char c = g.charAt(k);
                if (c == '"' || c == '\\') {
                    b.append('\\');
                }
                b.append(c);
            }
            b.append('"');
        }
        return b.append('}').toString();
    }
}
