package org.qingyuan.access.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on {@code /api/**}: a valid, unrevoked token acts with its
 * role and division for this request only (no session), limited to the permissions it carries ({@link TokenGrant},
 * the authentication's details); an unknown or revoked one answers 401
 * and leaves a (rate-limited) audit record.
 */
@Component
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ProblemAuthenticationEntryPoint problems;

    BearerTokenFilter(ApiTokens tokens, ProblemAuthenticationEntryPoint problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader("Authorization").substring(7).strip();
        var principal = tokens.authenticate(token);
        if (principal.isEmpty()) {
            problems.refused(request, "BEARER_TOKEN_REFUSED", 401);
            problems.write(response, 401, "接口令牌无效或已吊销", request.getRequestURI());
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal.get().details(), null,
                principal.get().details().getAuthorities());
        authentication.setDetails(principal.get().grant());
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static boolean isBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
