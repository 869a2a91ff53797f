package org.qingyuan.referral.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.referral.ReferralState;
import org.qingyuan.referral.internal.ReferralService;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.RequestValues;
import org.springframework.web.multipart.MultipartFile;

/** Request parameters of the referral forms and API: files, versions, dates, numbers. */
final class Forms {

    private Forms() {
    }

    static List<ReferralService.Upload> files(List<MultipartFile> parts) {
        List<ReferralService.Upload> files = new ArrayList<>();
        for (MultipartFile part : parts == null ? List.<MultipartFile>of() : parts) {
            if (part == null || part.isEmpty()) {
                continue;
            }
            try {
                files.add(new ReferralService.Upload(part.getOriginalFilename() == null ? "file" : part.getOriginalFilename(), part.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static int version(Object version) {
        return RequestValues.version(version == null ? null : version.toString());
    }

    static Long id(String value, String field, String label) {
        return RequestValues.id(field, label, value);
    }

    static LocalDate date(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, label + "应为日期（如 2026-12-31），实际为“" + value + "”");
        }
    }

    static ReferralState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return ReferralState.valueOf(state.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "移交状态应为 SENT、ACCEPTED、ANSWERED 或 CONFIRMED");
        }
    }

    /** Enterprise ids from a list of numbers or a text with one per line, comma or space. */
    static List<Long> ids(String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null) {
            return ids;
        }
        for (String part : text.split("[\\s,，、]+")) {
            if (!part.isBlank()) {
                ids.add(id(part, "enterpriseIds", "企业编号"));
            }
        }
        return ids;
    }
}
