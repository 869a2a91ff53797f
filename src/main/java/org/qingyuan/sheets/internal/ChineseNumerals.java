package org.qingyuan.sheets.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese numerals in counts and amounts as digits: 三人 → 3人, 一百二十人 → 120人, 十余人 → 10余人,
 * 二十多人 → 20多人, 三万元 → 3万元, 十二点五万元 → 12.5万元, 三四人 → 3-4人 (a range, read as approximate).
 * Only a text that is a number with its unit is touched (一般 stays 一般).
 */
final class ChineseNumerals {

    private ChineseNumerals() {
    }

    private static final String DIGITS = "零一二三四五六七八九";
    private static final String N = "[零〇一二两三四五六七八九十百千]";
    private static final Pattern WHOLE = Pattern.compile(
            "^(约|大约|近|估计|共)?(" + N + "+(点[零〇一二三四五六七八九]+)?)(余|多|来)?(人|名|个|万元|万|元|亿元|亿|千元)?(左右|以上|上下)?$");

    /** The text with its numeral in digits, or the text unchanged when it is no number written in Chinese. */
    static String toDigits(String text) {
        Matcher m = WHOLE.matcher(text);
        if (!m.matches()) {
            return text;
        }
        String numeral = m.group(2);
        String digits;
        int point = numeral.indexOf('点');
        if (point >= 0) {
            digits = integer(numeral.substring(0, point)) + "." + sequence(numeral.substring(point + 1));
        } else {
            digits = integer(numeral);
        }
        return text.substring(0, m.start(2)) + digits + text.substring(m.end(2));
    }

    /** 十 → 10, 十六 → 16, 四十四 → 44, 一百二十 → 120, 一百零五 → 105, 二〇一七 → 2017, 三四 → 3-4. */
    private static String integer(String s) {
        if (s.isEmpty()) {
            return "0";
        }
        if (s.chars().noneMatch(c -> c == '十' || c == '百' || c == '千')) {
            if (s.length() == 2 && s.indexOf('零') < 0 && s.indexOf('〇') < 0 && digit(s.charAt(1)) == digit(s.charAt(0)) + 1) {
                return digit(s.charAt(0)) + "-" + digit(s.charAt(1)); // 三四人: three or four
            }
            return sequence(s);
        }
        int total = 0;
        int current = 0;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                current = d;
            } else {
                int unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                total += (current == 0 ? 1 : current) * unit;
                current = 0;
            }
        }
        return Integer.toString(total + current);
    }

    private static String sequence(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(digit(c));
        }
        return out.toString();
    }

    private static int digit(char c) {
        if (c == '两') {
            return 2;
        }
        if (c == '〇') {
            return 0;
        }
        return DIGITS.indexOf(c);
    }
}
