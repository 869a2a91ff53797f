package org.qingyuan.reporting.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.qingyuan.reporting.Submissions;

/** Sends a stored file as an attachment with its Chinese name. */
final class Downloads {

    private Downloads() {
    }

    static void send(Submissions.StoredFile f, HttpServletResponse response) throws IOException {
        send(f.fileName(), f.mediaType(), f.content(), response);
    }

    static void send(String fileName, String mediaType, byte[] content, HttpServletResponse response) throws IOException {
        response.setContentType(mediaType);
        response.setContentLength(content.length);
        response.setHeader("Content-Disposition", "attachment; filename=\"report\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        response.getOutputStream().write(content);
    }
}
