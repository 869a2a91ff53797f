package org.qingyuan.shell.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request refused by a filter, before Spring MVC: problem+json for the API and any client that does not
 * ask for HTML; the shell's error page (with the same Chinese reason) for a browser's page request.
 */
final class RequestProblems {

    private static final JsonMapper JSON = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
            .characterEscapes(new HtmlSafeJson.Escapes()).build()).build();

    private RequestProblems() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail, String field)
            throws IOException {
        String accept = request.getHeader("Accept");
        if (!ProblemDetails.isApi(request) && accept != null && accept.contains("text/html")) {
            request.setAttribute(ProblemDetails.PAGE_ERROR_MESSAGE, detail);
            response.sendError(status.value());
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        if (field != null) {
            problem.put("field", field);
            problem.put("errors", List.of(Map.of("field", field, "message", detail)));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
