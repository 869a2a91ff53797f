package org.qingyuan.complaint.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.complaint.internal.Intake;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.RequestValues;
import org.springframework.web.multipart.MultipartFile;

/** Reading the complaint forms' values once, with a Chinese 400 naming the field. */
final class Forms {

    private Forms() {
    }

    static List<Intake.Photo> photos(List<MultipartFile> parts) {
        List<Intake.Photo> photos = new ArrayList<>();
        for (MultipartFile part : parts == null ? List.<MultipartFile>of() : parts) {
            if (part == null || part.isEmpty()) {
                continue;
            }
            try {
                photos.add(new Intake.Photo(part.getOriginalFilename() == null ? "photo" : part.getOriginalFilename(), part.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return photos;
    }

    static int version(String version) {
        return RequestValues.version(version);
    }

    static Long id(String value, String field, String label) {
        return RequestValues.id(field, label, value);
    }

    static Double coordinate(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "经纬度应为数字，实际为“" + value + "”");
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
