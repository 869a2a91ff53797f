package org.qingyuan.access.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qingyuan.audit.AuditActor;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditRecording;
import org.qingyuan.audit.AuditTrail.Outcome;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * What a sign-in sets on the (new) session: the idle timeout of the login policy and the
 * sign-in time for the absolute timeout; and the audit record of a sign-out.
 */
@Component
class SignInSession extends SavedRequestAwareAuthenticationSuccessHandler implements LogoutHandler {

    private final LoginPolicies policies;
    private final AuditRecording audit;
    private final Clock clock;

    SignInSession(LoginPolicies policies, AuditRecording audit, Clock clock) {
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        var session = request.getSession();
        session.setMaxInactiveInterval(policies.current().idleTimeoutMinutes() * 60);
        session.setAttribute(SignInGate.SIGNED_IN_AT, Instant.now(clock));
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof AccountDetails account) {
            var user = account.user();
            audit.recordAs(new AuditActor(user.username(), user.roleCode(), user.division().value(), request.getRemoteAddr()),
                    new AuditEvent("LOGOUT", "User", String.valueOf(user.id()), null, Map.of()), Outcome.SUCCESS);
        }
    }
}
