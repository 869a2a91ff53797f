package org.qingyuan.supervision.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.shared.InvalidInputException;
import org.springframework.web.multipart.MultipartFile;

/** Request parameters of the supervision forms and API: uploaded files, versions, numbers. */
final class Uploads {

    private Uploads() {
    }

    record File(String name, byte[] content) {
    }

    static List<File> files(List<MultipartFile> parts) {
        List<File> files = new ArrayList<>();
        for (MultipartFile part : parts == null ? List.<MultipartFile>of() : parts) {
            if (part == null || part.isEmpty()) {
                continue;
            }
            try {
                files.add(new File(part.getOriginalFilename() == null ? "file" : part.getOriginalFilename(), part.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static int version(Integer version) {
        if (version == null) {
            throw new InvalidInputException("version", "缺少版本号 version（请刷新页面后重试）");
        }
        return version;
    }

    static Double number(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, label + "应为数字，实际为“" + value + "”");
        }
    }

    static java.time.LocalDate date(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, label + "应为日期（如 2026-12-31），实际为“" + value + "”");
        }
    }
}
