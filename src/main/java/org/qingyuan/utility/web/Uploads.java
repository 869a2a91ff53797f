package org.qingyuan.utility.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.utility.LicenceActionKind;
import org.qingyuan.utility.SupplyAction;
import org.qingyuan.utility.Utility;
import org.qingyuan.utility.internal.UtilityOrderService.Upload;
import org.springframework.web.multipart.MultipartFile;

/** Request parameters of the forms and the API: files, enums, dates, numbers, each refused naming its field. */
final class Uploads {

    private Uploads() {
    }

    static Upload file(MultipartFile part) {
        if (part == null || part.isEmpty()) {
            return null;
        }
        try {
            return new Upload(part.getOriginalFilename() == null ? "file" : part.getOriginalFilename(), part.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Utility utility(String value) {
        return parse(Utility.class, value, "utility", "供应单位应为 WATER、POWER 或 GAS");
    }

    static SupplyAction action(String value) {
        return parse(SupplyAction.class, value, "action", "指令应为 CUT（断）、LIMIT（限）或 RESTORE（恢复）");
    }

    static LicenceActionKind kind(String value) {
        return parse(LicenceActionKind.class, value, "kind", "处理方式应为 CHANGE（变更）、DEREGISTRATION（注销）或 REVOCATION（吊销）");
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, message + "，实际为“" + value + "”");
        }
    }

    static Long id(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip().replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "应为编号（数字），实际为“" + value + "”");
        }
    }

    static Integer version(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "版本号应为数字");
        }
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "应为日期（如 2026-11-02），实际为“" + value + "”");
        }
    }

    /** {@code 2026-11-02T09:30} or {@code 2026-11-02 09:30}, China time. */
    static LocalDateTime dateTime(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "应为时间（如 2026-11-02T09:30），实际为“" + value + "”");
        }
    }
}
