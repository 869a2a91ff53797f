package org.qingyuan.sheets.internal;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How people write values in the towns' sheets, read into values: full-width digits and
 * punctuation, dates as Excel serials or Chinese text, yes/no marks, numbers with units and
 * approximations. Each parse answers the value and, where it had to guess, a warning.
 */
final class Cells {

    private Cells() {
    }

    /** A parsed value with a warning when the text was vague or approximate (null when exact). */
    record Parsed<T>(T value, String warning) {

        static <T> Parsed<T> exact(T value) {
            return new Parsed<>(value, null);
        }
    }

    /** Thrown for a text that is not the kind of value its column needs; the message is the Chinese reason. */
    static class Unreadable extends RuntimeException {

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** A negative count or amount: a typing error, not an unknown, so the row is rejected. */
    static final class Negative extends Unreadable {

        Negative(String raw) {
            super("“" + raw + "”不能为负数");
        }
    }

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u3000\\u200b\\ufeff]+");

    /** Trimmed text (also of full-width and no-break spaces), or null when blank. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s;
        if (value instanceof BigDecimal number) {
            s = number.stripTrailingZeros().toPlainString();
        } else {
            s = value.toString();
        }
        s = halfWidthAlphanumerics(strip(s));
        if (s.length() > 1 && s.charAt(0) == '\'' && "=+-@".indexOf(s.charAt(1)) >= 0) {
            s = s.substring(1); // neutralised by an export of ours (see neutralised)
        }
        return s.isEmpty() ? null : s;
    }

    /**
     * Full-width digits and Latin letters as ASCII (金河路１８号 → 金河路18号, Ａ座 → A座); Chinese punctuation
     * (，（）) is left as written.
     */
    static String halfWidthAlphanumerics(String s) {
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ') {
                if (chars == null) {
                    chars = s.toCharArray();
                }
                chars[i] = (char) (c - 0xFEE0);
            }
        }
        return chars == null ? s : new String(chars);
    }

    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0' || c == '\u3000' || c == '\u200b' || c == '\ufeff';
    }

    /** Half-width, without any spaces: the form numbers, dates and marks are read from. */
    static String plain(String text) {
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
    }

    // ---------------------------------------------------------------- dates

    private static final Pattern YMD = Pattern.compile("(\\d{4})[.\\-/年](\\d{1,2})[.\\-/月](\\d{1,2})[日号]?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern YM = Pattern.compile("(\\d{4})[.\\-/年](\\d{1,2})月?(底|末|初|中旬|上旬|下旬|前|份)?");
    private static final Pattern MD = Pattern.compile("(\\d{1,2})月(\\d{1,2})[日号]?(前)?");
    private static final Pattern M_VAGUE = Pattern.compile("(\\d{1,2})月(底|末|初|中旬|上旬|下旬|前|份)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** A date that is either exact or only text (e.g. 3月底), which is kept and flagged. */
    record DateValue(LocalDate date, String text, String warning) {
    }

    /**
     * Reads a date: an Excel serial number, 2017.2.28, 2017年3月1日, 2017/3/5, 2017-03-05,
     * 20170305; a date without a year (3月1日) takes {@code yearHint}'s year with a warning;
     * a vague one (3月底, 2017年3月) is kept as text with a warning.
     *
     * @throws Unreadable when it is no date at all
     */
    static DateValue date(Object value, Integer yearHint) {
        if (value instanceof BigDecimal number) {
            double serial = number.doubleValue();
            if (serial >= 1 && serial < 2958466) {
                LocalDate d = EXCEL_EPOCH.plusDays((long) Math.floor(serial));
                if (d.getYear() >= 1990 && d.getYear() <= 2100) {
                    return new DateValue(d, null, null);
                }
            }
            String asText = text(number);
            if (asText != null && asText.length() == 8) {
                return date(asText, yearHint);
            }
            throw new Unreadable("“" + text(number) + "”不是日期");
        }
        if (value instanceof LocalDate d) {
            return new DateValue(d, null, null);
        }
        String raw = text(value);
        if (raw == null) {
            return null;
        }
        String t = plain(raw).replace('．', '.').replace('。', '.');
        try {
            Matcher m = YMD.matcher(t);
            if (m.matches()) {
                return new DateValue(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))), null, null);
            }
            m = COMPACT.matcher(t);
            if (m.matches()) {
                return new DateValue(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))), null, null);
            }
            m = MD.matcher(t);
            if (m.matches() && m.group(3) == null && yearHint != null) {
                LocalDate d = LocalDate.of(yearHint, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return new DateValue(d, null, "“" + raw + "”未写年份，按 " + yearHint + " 年读作 " + d);
            }
        } catch (DateTimeException e) {
            throw new Unreadable("“" + raw + "”不是有效日期");
        }
        if (YM.matcher(t).matches() || M_VAGUE.matcher(t).matches() || MD.matcher(t).matches()) {
            return new DateValue(null, raw, "“" + raw + "”不是确切日期，已按原文保留");
        }
        throw new Unreadable("“" + raw + "”不是日期（应如 2017.2.28、2017年3月1日 或 2017/3/5）");
    }

    // ---------------------------------------------------------------- yes / no

    private static final Set<String> YES = Set.of("是", "有", "√", "✓", "✔", "☑", "y", "yes", "true", "1", "对", "已办", "已办理",
            "已取得", "具备", "齐全", "超标", "符合", "存在", "涉及", "纳入", "已纳入");
    private static final Set<String> NO = Set.of("否", "无", "×", "✗", "✘", "☒", "x", "n", "no", "false", "0", "不", "没有", "未",
            "未办", "未办理", "未取得", "不具备", "不全", "不超标", "达标", "不符合", "不存在", "不涉及", "未纳入", "不纳入");

    /**
     * Reads a yes/no answer: 是/否, 有/无, √/×, Y/N, and the usual words (已办理, 未办理, 不符合 …);
     * a longer text starting with one of them (“有，2016年办理”) counts as that answer.
     *
     * @throws Unreadable when it is neither
     */
    static Boolean yesNo(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String raw = text(value);
        if (raw == null) {
            return null;
        }
        String t = plain(raw).toLowerCase(Locale.ROOT);
        if (YES.contains(t)) {
            return true;
        }
        if (NO.contains(t)) {
            return false;
        }
        if (t.startsWith("不") || t.startsWith("无") || t.startsWith("未") || t.startsWith("没") || t.startsWith("否")
                || t.startsWith("×")) {
            return false;
        }
        if (t.startsWith("有") || t.startsWith("是") || t.startsWith("已") || t.startsWith("√")) {
            return true;
        }
        throw new Unreadable("“" + raw + "”应为是/否、有/无、√/× 或 Y/N");
    }

    // ---------------------------------------------------------------- numbers

    /** Removes the formula trigger from a value that a spreadsheet would otherwise evaluate (CSV/formula injection). */
    static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '＝' || c == '＋' || c == '－'
                || c == '＠') {
            return "'" + value;
        }
        return value;
    }
}
