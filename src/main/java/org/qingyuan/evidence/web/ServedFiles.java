package org.qingyuan.evidence.web;

import java.util.Map;
import java.util.Set;

/**
 * How a dossier file is handed to the browser: under a name whose extension matches the type its content was
 * checked to be ({@code p.html} that is a JPEG is served as {@code p.jpg}), and inline only for photos and videos;
 * documents, which can carry script (PDF) or macros, are always downloads.
 */
final class ServedFiles {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/jpeg", "jpg"), Map.entry("image/png", "png"), Map.entry("image/gif", "gif"),
            Map.entry("image/webp", "webp"), Map.entry("image/heic", "heic"), Map.entry("video/mp4", "mp4"),
            Map.entry("video/quicktime", "mov"), Map.entry("video/3gpp", "3gp"), Map.entry("video/x-msvideo", "avi"),
            Map.entry("application/pdf", "pdf"), Map.entry("application/x-ole-storage", "doc"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
            Map.entry("application/ofd", "ofd"));

    private static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/heic",
            "video/mp4", "video/quicktime", "video/3gpp", "video/x-msvideo");

    private ServedFiles() {
    }

    /** The uploaded name with its extension replaced by the one of the checked type. */
    static String fileName(String uploaded, String mediaType) {
        String extension = EXTENSIONS.getOrDefault(mediaType, "bin");
        String name = uploaded == null || uploaded.isBlank() ? "file" : uploaded.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return (base.isBlank() ? "file" : base) + "." + extension;
    }

    /** True when the browser may show the file itself (photos and videos only). */
    static boolean inline(String mediaType) {
        return INLINE.contains(mediaType);
    }
}
