package org.qingyuan.reporting.internal;

import org.qingyuan.shared.InvalidInputException;

/** The sealed scan's type, told from its first bytes (not its name): PDF, JPEG or PNG. */
final class ScanTypes {

    private ScanTypes() {
    }

    static String mediaType(byte[] b) {
        if (b == null || b.length < 8) {
            throw new InvalidInputException("scan", "请上传加盖公章的扫描件（PDF、JPG 或 PNG）");
        }
        if (b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') {
            return "application/pdf";
        }
        if ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if ((b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        throw new InvalidInputException("scan", "扫描件应为 PDF、JPG 或 PNG 文件（按文件内容识别）");
    }

    static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            default -> ".png";
        };
    }
}
