package org.qingyuan.access.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * API callers ({@code /api/**}) get 401 / 403 as problem+json; everyone else is sent to the
 * login page, whatever their {@code Accept} header says.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
    private final AccessDeniedHandler pageDenied = new AccessDeniedHandlerImpl();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        if (!isApi(request)) {
            loginPage.commence(request, response, e);
            return;
        }
        write(response, HttpStatus.UNAUTHORIZED, "未登录或登录已过期，请先登录", request.getRequestURI());
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
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
