package org.qingyuan.shared;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Chinese telephone number in a canonical form: a mobile number ({@code 13812345678}), a
 * landline with area code ({@code 0371-63639577}, optionally {@code -123} extension), a local
 * landline without area code as the forms often give it ({@code 63639577}), or a 400/800
 * service number. A leading {@code +86} is dropped; spaces, dashes and brackets are tolerated.
 */
public record PhoneNumber(String value, Kind kind) {

    /** What sort of number. */
    public enum Kind {
        /** 11-digit mobile number. */
        MOBILE,
        /** Landline with area code. */
        LANDLINE,
        /** Landline without area code (7 or 8 digits). */
        LOCAL,
        /** 400 / 800 service number. */
        SERVICE
    }

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SERVICE = Pattern.compile("[48]00\\d{7}");
    private static final Pattern LOCAL = Pattern.compile("[2-9]\\d{6,7}");
    private static final Pattern EXTENSION = Pattern.compile("(?:转|ext\\.?|x)\\s*(\\d{1,6})$");

    /** Parses a number; throws {@link IllegalArgumentException} with a Chinese message when it is not one. */
    public static PhoneNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("电话号码不能为空");
        }
        String shown = raw.strip();
        String s = Normalizer.normalize(shown, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        String extension = null;
        Matcher ext = EXTENSION.matcher(s);
        if (ext.find()) {
            extension = ext.group(1);
            s = s.substring(0, ext.start());
        }
        if (s.startsWith("+86") || s.startsWith("0086")) {
            s = s.substring(s.indexOf("86") + 2);
        }
        List<String> groups = Arrays.stream(s.split("[\\s\\-()]+")).filter(g -> !g.isEmpty()).toList();
        if (groups.isEmpty() || !groups.stream().allMatch(g -> g.chars().allMatch(Character::isDigit))) {
            throw new IllegalArgumentException("电话号码只能包含数字、空格、括号和“-”：" + shown);
        }
        String digits = String.join("", groups);
        if (digits.length() == 13 && digits.startsWith("86") && MOBILE.matcher(digits.substring(2)).matches()) {
            digits = digits.substring(2);
        }
        if (MOBILE.matcher(digits).matches() && extension == null) {
            return new PhoneNumber(digits, Kind.MOBILE);
        }
        if (SERVICE.matcher(digits).matches() && extension == null) {
            return new PhoneNumber(digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6), Kind.SERVICE);
        }
        if (digits.startsWith("0")) {
            String area;
            String number;
            if (groups.size() >= 2 && groups.get(0).matches("0\\d{2,3}")) {
                area = groups.get(0);
                number = groups.get(1);
                if (groups.size() == 3 && extension == null) {
                    extension = groups.get(2);
                } else if (groups.size() > 2) {
                    number = null;
                }
            } else if (groups.size() == 1) {
                area = digits.startsWith("01") || digits.startsWith("02") ? digits.substring(0, 3) : digits.substring(0, 4);
                number = digits.substring(area.length());
            } else {
                number = null;
                area = null;
            }
            if (number == null || !number.matches("[1-9]\\d{6,7}") || (extension != null && extension.length() > 6)) {
                throw new IllegalArgumentException("固定电话应为“区号-号码”，如 0371-63639577：" + shown);
            }
            return new PhoneNumber(area + "-" + number + (extension == null ? "" : "-" + extension), Kind.LANDLINE);
        }
        if (LOCAL.matcher(digits).matches()) {
            return new PhoneNumber(digits + (extension == null ? "" : "-" + extension), Kind.LOCAL);
        }
        if (digits.startsWith("1")) {
            throw new IllegalArgumentException("手机号码应为 1 开头的 11 位数字：" + shown);
        }
        throw new IllegalArgumentException("不是有效的电话号码（手机 11 位，固话如 0371-63639577）：" + shown);
    }

    @Override
    public String toString() {
        return value;
    }
}
