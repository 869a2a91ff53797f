package org.qingyuan.audit;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes sure every state-changing request leaves one audit record: when the handler recorded
 * nothing itself (a refused or failed request, or a change without its own record), this writes
 * {@code HTTP <method> <path>} with the outcome read from the status code. Placed inside the
 * security chain, so the actor is known and refusals (403) are seen.
 */
public class AuditFilter extends OncePerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    static final String RECORDED = "org.qingyuan.audit.internal.RequestAuditMarker.recorded";

    private final AuditTrail trail;
    private final Set<String> handledElsewhere;

    /** @param handledElsewhere paths whose audit records are written by their own handlers (login, logout) */
    public AuditFilter(AuditTrail trail, Set<String> handledElsewhere) {
        this.trail = trail;
        this.handledElsewhere = handledElsewhere;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !STATE_CHANGING.contains(request.getMethod())
                || handledElsewhere.contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean crashed = false;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            crashed = true;
            throw e;
        } finally {
            if (request.getAttribute(RECORDED) == null) {
                int status = crashed ? 500 : response.getStatus();
                var event = new AuditEvent("HTTP " + request.getMethod() + " " + request.getRequestURI(), "Request", null, null,
                        Map.of("status", status));
                if (status < 400) {
                    trail.record(event);
                } else {
                    trail.recordFailure(event, status == 401 || status == 403 || status == 404
                            ? AuditTrail.Outcome.DENIED : AuditTrail.Outcome.FAILURE);
                }
            }
        }
    }
}
