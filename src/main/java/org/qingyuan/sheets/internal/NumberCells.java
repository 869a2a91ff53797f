package org.qingyuan.sheets.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qingyuan.sheets.internal.Cells.Negative;
import org.qingyuan.sheets.internal.Cells.Parsed;
import org.qingyuan.sheets.internal.Cells.Unreadable;

/** Counts and amounts as towns write them: 约20人, ２０余人, 12.5万, 125000元 (converted to 万元, flagged), 二十人. */
final class NumberCells {

    private NumberCells() {
    }

    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)");
    private static final Pattern APPROX = Pattern.compile("约|大约|左右|余|多|上下|近|估|\\+|以上|~|～|-|至");
    private static final Pattern NEGATIVE = Pattern.compile("^(-|负|减)\\s*[\\d零〇一二两三四五六七八九十百千]");

    /**
     * Reads a count of people: 8, 8人, 三人, 一百二十人, 约20人, 20余人, 十余人, 10-15人 (the first, flagged).
     *
     * @throws Unreadable when there is no number
     * @throws Negative when the number is negative
     */
    static Parsed<Integer> count(Object value) {
        if (value instanceof BigDecimal number) {
            return Parsed.exact(nonNegative(number).setScale(0, RoundingMode.HALF_UP).intValueExact());
        }
        Found f = found(value, "人数");
        if (f == null) {
            return null;
        }
        BigDecimal n = f.number();
        if (f.text().contains("万")) {
            n = n.multiply(BigDecimal.valueOf(10_000));
        }
        int v = n.setScale(0, RoundingMode.HALF_UP).intValue();
        String digits = f.digits();
        boolean exact = f.text().equals(digits) || f.text().equals(digits + "人") || f.text().equals(digits + "名");
        return exact ? Parsed.exact(v) : new Parsed<>(v, "“" + f.raw() + "”为约数，按 " + v + " 读入");
    }

    /**
     * Reads an amount in 万元 (10,000 yuan): a plain number is already in 万元; 12.5万, 125000元,
     * 1.2亿 are converted; 约 / 左右 / 余 are flagged.
     *
     * @throws Unreadable when there is no number
     */
    static Parsed<BigDecimal> tenThousandYuan(Object value) {
        if (value instanceof BigDecimal number) {
            return Parsed.exact(nonNegative(number).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros());
        }
        Found f = found(value, "金额");
        if (f == null) {
            return null;
        }
        BigDecimal n = f.number();
        String t = f.text();
        String raw = f.raw();
        String unit = t.substring(f.end());
        BigDecimal wan;
        if (unit.startsWith("亿")) {
            wan = n.multiply(BigDecimal.valueOf(10_000));
        } else if (unit.startsWith("万")) {
            wan = n;
        } else if (unit.startsWith("千元") || unit.startsWith("千")) {
            wan = n.divide(BigDecimal.TEN, 6, RoundingMode.HALF_UP);
        } else if (unit.startsWith("元")) {
            wan = n.divide(BigDecimal.valueOf(10_000), 6, RoundingMode.HALF_UP);
        } else {
            wan = n;
        }
        wan = wan.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (wan.scale() < 0) {
            wan = wan.setScale(0);
        }
        boolean approximate = APPROX.matcher(t).find();
        boolean converted = !unit.isEmpty() && !unit.startsWith("万元") && !unit.equals("万");
        String warning = approximate ? "“" + raw + "”为约数，按 " + wan.toPlainString() + " 万元读入"
                : converted ? "“" + raw + "”已换算为 " + wan.toPlainString() + " 万元" : null;
        return new Parsed<>(wan, warning);
    }

    /** A number found in a cell's text: the text as typed, the text read (half-width, digits), the number and where it ends. */
    private record Found(String raw, String text, String digits, BigDecimal number, int end) {
    }

    /** The first number of a text cell; null for a blank cell; a negative one or none at all is refused. */
    private static Found found(Object value, String what) {
        String raw = Cells.text(value);
        if (raw == null) {
            return null;
        }
        String t = ChineseNumerals.toDigits(Cells.plain(raw).replace(",", ""));
        if (NEGATIVE.matcher(t).find()) {
            throw new Negative(raw);
        }
        Matcher m = NUMBER.matcher(t);
        if (!m.find()) {
            throw new Unreadable("“" + raw + "”中没有" + what);
        }
        return new Found(raw, t, m.group(1), new BigDecimal(m.group(1)), m.end());
    }

    private static BigDecimal nonNegative(BigDecimal number) {
        if (number.signum() < 0) {
            throw new Negative(Cells.text(number));
        }
        return number;
    }
}
