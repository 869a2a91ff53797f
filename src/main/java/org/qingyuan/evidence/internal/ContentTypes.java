package org.qingyuan.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.qingyuan.evidence.EvidenceKind;

/**
 * Decides what a file is from its first bytes (magic numbers), never from its name: photos
 * (JPEG, PNG, GIF, WebP, HEIC), videos (MP4, QuickTime, 3GP, AVI) and documents (PDF, OFD,
 * Office). Anything else, such as a script renamed to .jpg, is not recognised.
 */
final class ContentTypes {

    /** A recognised type. */
    record Detected(EvidenceKind kind, String mediaType, String extension) {
    }

    private ContentTypes() {
    }

    static Optional<Detected> detect(Path file) throws IOException {
        byte[] head = new byte[64];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n < 8) {
            return Optional.empty();
        }
        if (starts(head, 0xFF, 0xD8, 0xFF)) {
            return photo("image/jpeg", "jpg");
        }
        if (starts(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return photo("image/png", "png");
        }
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return photo("image/gif", "gif");
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return photo("image/webp", "webp");
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "AVI ")) {
            return video("video/x-msvideo", "avi");
        }
        if (ascii(head, 4, "ftyp")) {
            String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
            return switch (brand) {
                case "heic", "heix", "heim", "heis", "mif1", "msf1", "hevc", "hevx" -> photo("image/heic", "heic");
                case "qt  " -> video("video/quicktime", "mov");
                case "3gp4", "3gp5", "3gp6", "3g2a" -> video("video/3gpp", "3gp");
                default -> video("video/mp4", "mp4");
            };
        }
        if (ascii(head, 0, "%PDF-")) {
            return document("application/pdf", "pdf");
        }
        if (starts(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return document("application/x-ole-storage", "doc");
        }
        if (starts(head, 'P', 'K', 3, 4)) {
            return zipDocument(file);
        }
        return Optional.empty();
    }

    private static Optional<Detected> zipDocument(Path file) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (name.startsWith("word/")) {
                    return document("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
                }
                if (name.startsWith("xl/")) {
                    return document("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
                }
                if (name.startsWith("ppt/")) {
                    return document("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx");
                }
                if (name.equalsIgnoreCase("OFD.xml")) {
                    return document("application/ofd", "ofd");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Detected> photo(String type, String ext) {
        return Optional.of(new Detected(EvidenceKind.PHOTO, type, ext));
    }

    private static Optional<Detected> video(String type, String ext) {
        return Optional.of(new Detected(EvidenceKind.VIDEO, type, ext));
    }

    private static Optional<Detected> document(String type, String ext) {
        return Optional.of(new Detected(EvidenceKind.DOCUMENT, type, ext));
    }

    private static boolean starts(byte[] head, int... bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int offset, String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < b.length; i++) {
            if (head[offset + i] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
