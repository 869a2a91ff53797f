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
            if (number.signum() < 0) {
                throw new Negative(Cells.text(number));
            }
            return Parsed.exact(number.setScale(0, RoundingMode.HALF_UP).intValueExact());
        }
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
            throw new Unreadable("“" + raw + "”中没有人数");
        }
        BigDecimal n = new BigDecimal(m.group(1));
        if (t.contains("万")) {
            n = n.multiply(BigDecimal.valueOf(10_000));
        }
        int v = n.setScale(0, RoundingMode.HALF_UP).intValue();
        boolean exact = t.equals(m.group(1)) || t.equals(m.group(1) + "人") || t.equals(m.group(1) + "名");
        return exact ? Parsed.exact(v) : new Parsed<>(v, "“" + raw + "”为约数，按 " + v + " 读入");
    }

    /**
     * Reads an amount in 万元 (10,000 yuan): a plain number is already in 万元; 12.5万, 125000元,
     * 1.2亿 are converted; 约 / 左右 / 余 are flagged.
     *
     * @throws Unreadable when there is no number
     */
    static Parsed<BigDecimal> tenThousandYuan(Object value) {
        if (value instanceof BigDecimal number) {
            if (number.signum() < 0) {
                throw new Negative(Cells.text(number));
            }
            return Parsed.exact(number.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros());
        }
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
            throw new Unreadable("“" + raw + "”中没有金额");
        }
        BigDecimal n = new BigDecimal(m.group(1));
        String unit = t.substring(m.end());
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
}
