package org.qingyuan.access.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before any other request of a signed-in user: ends sessions past the absolute timeout, and
 * holds users with a pending step (password change, second factor) on that step's page.
 */
@Component
class SignInGate extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = SignInGate.class.getName() + ".signedInAt";
    /** The shortest absolute timeout a policy may set (login_policy's CHECK, the security page's bounds). */
    static final Duration MIN_ABSOLUTE_TIMEOUT = Duration.ofHours(1);
    static final String PASSWORD_PAGE = "/account/password";
    static final String SECOND_FACTOR_PAGE = "/account/second-factor";
    private static final Set<String> ALWAYS = Set.of("/logout", "/error", "/login");
    private static final Set<String> STATIC = Set.of("/css/", "/js/", "/img/", "/webjars/", "/actuator/");

    private final LoginPolicies policies;
    private final Clock clock;
    private final ProblemAuthenticationEntryPoint problems;

    SignInGate(LoginPolicies policies, Clock clock, ProblemAuthenticationEntryPoint problems) {
        this.policies = policies;
        this.clock = clock;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountDetails account)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpSession session = request.getSession(false);
        if (session != null && pastAbsoluteTimeout(session)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            if (ProblemAuthenticationEntryPoint.isApi(request)) {
                problems.write(response, 401, "登录已超过最长时限，请重新登录", request.getRequestURI());
            } else {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            }
            return;
        }
        String page = switch (account.pendingStep()) {
            case NONE -> null;
            case CHANGE_PASSWORD -> PASSWORD_PAGE;
            case SECOND_FACTOR -> SECOND_FACTOR_PAGE;
        };
        if (page == null || path.equals(page) || ALWAYS.contains(path) || STATIC.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        if (ProblemAuthenticationEntryPoint.isApi(request)) {
            problems.write(response, 403, page.equals(PASSWORD_PAGE) ? "请先修改密码" : "请先完成双因素认证",
                    request.getRequestURI());
        } else {
            response.sendRedirect(request.getContextPath() + page);
        }
    }

    private boolean pastAbsoluteTimeout(HttpSession session) {
        Object signedInAt = session.getAttribute(SIGNED_IN_AT);
        if (!(signedInAt instanceof Instant at)) {
            return false;
        }
        Instant now = Instant.now(clock);
        // the policy allows no limit below one hour (login_policy's CHECK): a younger session needs no read of it
        if (at.plus(MIN_ABSOLUTE_TIMEOUT).isAfter(now)) {
            return false;
        }
        return at.plus(Duration.ofHours(policies.current().absoluteTimeoutHours())).isBefore(now);
    }
}
