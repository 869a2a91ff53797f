package org.qingyuan.access.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * API callers ({@code /api/**}) get 401 / 403 as problem+json; everyone else is sent to the
 * login page, whatever their {@code Accept} header says. Every refusal is an audit record
 * (rate-limited): {@code CSRF_REFUSED}, {@code ACCESS_DENIED}, and {@code AUTHENTICATION_REQUIRED}
 * for an API call or a state-changing request without sign-in (a page visited before signing in
 * just leads to the login page).
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
    private final AccessDeniedHandler pageDenied = new AccessDeniedHandlerImpl();
    private final AuditTrail audit;

    ProblemAuthenticationEntryPoint(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        if (isApi(request) || !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            refused(request, "AUTHENTICATION_REQUIRED", 401);
        }
        if (!isApi(request)) {
            loginPage.commence(request, response, e);
            return;
        }
        write(response, HttpStatus.UNAUTHORIZED, "未登录或登录已过期，请先登录", request.getRequestURI());
    }

    /** Writes the (rate-limited) audit record of a refused request. */
    void refused(HttpServletRequest request, String action, int status) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.length() > 300) {
            path = path.substring(0, 300) + "…";
        }
        audit.recordRefusal(new AuditEvent(action, "Request", request.getMethod() + " " + path, null, Map.of("status", status)));
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        refused(request, e instanceof CsrfException ? "CSRF_REFUSED" : "ACCESS_DENIED", 403);
        if (!isApi(request)) {
            pageDenied.handle(request, response, e);
            return;
        }
        write(response, HttpStatus.FORBIDDEN, "无权执行此操作", request.getRequestURI());
    }

    void write(HttpServletResponse response, int status, String detail, String instance) throws IOException {
        write(response, HttpStatus.valueOf(status), detail, instance);
    }

    private static void write(HttpServletResponse response, HttpStatus status, String detail, String instance) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\"" + instance.replace("\"", "").replace("\\", "") + "\"}");
    }
}
