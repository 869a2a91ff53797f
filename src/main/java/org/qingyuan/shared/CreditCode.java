package org.qingyuan.shared;

import java.text.Normalizer;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
 * {@code 0-9A-HJ-NPQRTUWXY}; positions 3–8 are the area code of the registering authority and
 * the 18th is a check character (weights 3^(i-1) mod 31).
 *
 * <p>Some early-pilot regions issued codes whose check character does not follow the standard.
 * Such a code is {@link Status#LEGACY}: accepted with a warning. It is recognised by a body
 * (positions 9–17) that the registering authority assigned itself (it contains letters) rather
 * than a numeric organisation code, whose own check digit lets a typo be told apart.
 *
 * @param value the code in its canonical form: upper case, half-width, no spaces
 * @param status whether the check character conforms
 */
public record CreditCode(String value, Status status) {

    /** How far a code conforms to GB 32100. */
    public enum Status {
        /** Well-formed and the check character is right. */
        VALID,
        /** Well-formed, check character wrong, but of the kind early pilots issued: accepted with a warning. */
        LEGACY
    }

    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Parses a code; throws {@link IllegalArgumentException} with a Chinese message when it must be rejected. */
    public static CreditCode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("统一社会信用代码不能为空");
        }
        String code = canonical(raw);
        if (code.length() != 18) {
            throw new IllegalArgumentException("统一社会信用代码应为 18 位，现为 " + code.length() + " 位");
        }
        for (int i = 0; i < code.length(); i++) {
            if (CHARS.indexOf(code.charAt(i)) < 0) {
                throw new IllegalArgumentException("统一社会信用代码第 " + (i + 1) + " 位“" + code.charAt(i)
                        + "”不是允许的字符（不使用 I、O、S、V、Z）");
            }
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("统一社会信用代码第 3–8 位应为登记管理机关的行政区划码（6 位数字）");
        }
        char expected = checkCharacter(code);
        if (expected == code.charAt(17)) {
            return new CreditCode(code, Status.VALID);
        }
        if (organisationCodeBody(code.substring(8, 17))) {
            throw new IllegalArgumentException("统一社会信用代码校验位不正确：第 18 位应为“" + expected + "”，请核对");
        }
        return new CreditCode(code, Status.LEGACY);
    }

    /** The check character (position 18) that GB 32100 gives the first 17 characters. */
    public static char checkCharacter(String code) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(code.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        int check = 31 - sum % 31;
        return CHARS.charAt(check == 31 ? 0 : check);
    }

    /** Upper case, half-width, without spaces or dashes. */
    public static String canonical(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("[\\s\\-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** The warning to show for a legacy code, else null. */
    public String warning() {
        return status == Status.LEGACY
                ? "统一社会信用代码校验位与国家标准不符（按标准应为“" + checkCharacter(value) + "”）；早期试点地区曾发放此类代码，已接受，请对照营业执照核实"
                : null;
    }

    /** Positions 3–8: the area code of the registering authority. */
    public String areaCode() {
        return value.substring(2, 8);
    }

    /** A numeric organisation code (GB 11714: eight digits and a check digit or X) derived the body. */
    private static boolean organisationCodeBody(String body) {
        return body.substring(0, 8).chars().allMatch(Character::isDigit)
                && (Character.isDigit(body.charAt(8)) || body.charAt(8) == 'X');
    }

    @Override
    public String toString() {
        return value;
    }
}
