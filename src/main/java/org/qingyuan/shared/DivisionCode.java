package org.qingyuan.shared;

import java.util.Objects;

/**
 * A statistical division code (统计用区划代码) in its significant form: 2, 4, 6, 9 or 12
 * digits. The 12-digit padded form ("410108001000") is accepted and shortened, so the
 * same division always has the same code. A code contains another when it is its prefix.
 */
public record DivisionCode(String value) implements Comparable<DivisionCode>, java.io.Serializable {

    public DivisionCode {
        Objects.requireNonNull(value, "division code");
        if (DivisionLevel.ofDigits(value.length()) == null || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("区划代码应为 2、4、6、9 或 12 位数字：" + value);
        }
    }

    /** Parses a code, trimming the zero padding of the 12-digit form. */
    public static DivisionCode of(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("区划代码不能为空");
        }
        String code = raw.strip();
        if (code.length() == 12) {
            code = trimZeroGroups(code);
        }
        return new DivisionCode(code);
    }

    /** True when the text is a well-formed code in any accepted form. */
    public static boolean isValid(String raw) {
        try {
            of(raw);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trimZeroGroups(String code) {
        if (code.endsWith("000")) {
            code = code.substring(0, 9);
            if (code.endsWith("000")) {
                code = code.substring(0, 6);
                if (code.endsWith("00")) {
                    code = code.substring(0, 4);
                    if (code.endsWith("00")) {
                        code = code.substring(0, 2);
                    }
                }
            }
        }
        return code;
    }

    public DivisionLevel level() {
        return DivisionLevel.ofDigits(value.length());
    }

    /** The division directly above, or null for a province. */
    public DivisionCode parent() {
        return switch (level()) {
            case PROVINCE -> null;
            case CITY -> new DivisionCode(value.substring(0, 2));
            case COUNTY -> new DivisionCode(value.substring(0, 4));
            case TOWN -> new DivisionCode(value.substring(0, 6));
            case VILLAGE -> new DivisionCode(value.substring(0, 9));
        };
    }

    /** True when {@code other} is this division or lies inside it. */
    public boolean contains(DivisionCode other) {
        return other.value.startsWith(value);
    }

    /** The prefix to use in {@code LIKE :prefix || '%'} scope queries. */
    public String prefix() {
        return value;
    }

    /** The 12-digit zero-padded form used in official tables. */
    public String padded() {
        return (value + "000000000000").substring(0, 12);
    }

    @Override
    public int compareTo(DivisionCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
