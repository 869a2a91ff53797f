package org.qingyuan.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Request parameters read once, the same way everywhere: blank means absent, values are stripped, and a value that
 * does not parse is refused with a Chinese message naming the parameter ({@link InvalidInputException} → 400).
 */
public final class RequestValues {

    private RequestValues() {
    }

    public static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }

    /** The stripped text, or null when blank. */
    public static String text(String raw) {
        return blank(raw) ? null : raw.strip();
    }

    /** An ISO date ({@code 2026-03-01}), or null when blank. */
    public static LocalDate date(String field, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "参数 " + field + " 应为日期，如 2026-03-01，实际为“" + raw.strip() + "”");
        }
    }

    /** A constant by its name, or null when blank. */
    public static <E extends Enum<E>> E enumOf(Class<E> type, String field, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "参数 " + field + " 的值“" + raw + "”无效");
        }
    }

    /** {@code true|1|yes} or {@code false|0|no}, or null when blank. */
    public static Boolean bool(String field, String raw) {
        if (blank(raw)) {
            return null;
        }
        return switch (raw.strip()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidInputException(field, "参数 " + field + " 应为 true 或 false");
        };
    }

    /** A whole number ≥ 0, or {@code fallback} when blank. */
    public static int nonNegative(String field, String raw, int fallback) {
        if (blank(raw)) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "参数 " + field + " 应为非负整数");
        }
    }

    /** The version a form was read at (optimistic locking): required, a whole number. */
    public static int version(String raw) {
        if (blank(raw)) {
            throw new InvalidInputException("version", "缺少版本号 version（请刷新页面后重试）");
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "版本号无效，请刷新页面后重试");
        }
    }

    /** A numeric id named {@code label} in the message, or null when blank. */
    public static Long id(String field, String label, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, label + "应为数字编号，实际为“" + raw + "”");
        }
    }
}
