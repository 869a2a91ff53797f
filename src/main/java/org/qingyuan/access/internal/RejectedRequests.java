package org.qingyuan.access.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qingyuan.audit.AuditActor;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditRecording;
import org.qingyuan.audit.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request the firewall refuses before anything else runs (an encoded {@code ;}, {@code %2F} or {@code ..} in the
 * path, a forbidden method): 400 as problem+json, and a rate-limited audit record keyed by the client's address, the
 * only actor known at that point. Without this handler such refusals left no trace.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    private final AuditRecording audit;

    RejectedRequests(AuditRecording audit) {
        this.audit = audit;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) throws IOException {
        String path = request.getRequestURI();
        if (path.length() > 300) {
            path = path.substring(0, 300) + "…";
        }
        audit.recordRefusalAs(new AuditActor(null, null, null, request.getRemoteAddr()),
                new AuditEvent("REQUEST_REJECTED", "Request", request.getMethod() + " " + path, null, Map.of("status", 400)),
                AuditTrail.Outcome.DENIED);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"请求地址含有不允许的字符（如编码的分号、斜杠或 ..），已拒绝\"}");
    }
}
