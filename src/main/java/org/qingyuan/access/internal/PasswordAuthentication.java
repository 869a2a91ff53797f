package org.qingyuan.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.qingyuan.access.LoginPolicy;
import org.qingyuan.audit.AuditActor;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditRecording;
import org.qingyuan.audit.AuditTrail.Outcome;
import org.qingyuan.platform.Deployment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Form sign-in with the login policy: consecutive failures lock the account, many failures from
 * one client address stop that address for a while, and every outcome answers the same message
 * after the same password-hash work, so nobody learns whether a user name exists or is locked.
 * Every attempt, lock, throttle, error and success is audited.
 */
@Component
class PasswordAuthentication implements AuthenticationProvider {

    static final String FAILED = "用户名或密码错误，或账号已被锁定";
    /** A BCrypt hash to compare against for unknown users, so they take as long as known ones. */
    private static final String DUMMY_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BqKMz0xDz0yaHTzhDCn5wIRPrVLS";

    private final Accounts accounts;
    private final LoginPolicies policies;
    private final PasswordEncoder encoder;
    private final AuditRecording audit;
    private final Deployment deployment;
    private final Clock clock;
    private final AddressThrottle throttle;

    PasswordAuthentication(Accounts accounts, LoginPolicies policies, PasswordEncoder encoder, AuditRecording audit,
                           Deployment deployment, Clock clock, AddressThrottle throttle) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.policies = policies;
        this.encoder = encoder;
        this.audit = audit;
        this.deployment = deployment;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getPrincipal()).strip();
        try {
            return check(username, String.valueOf(authentication.getCredentials()));
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            // a sign-in that breaks (500) is a refusal too: it leaves its record before the error goes on
            // keyed by address, not by the (attacker-chosen) user name, so that varying names cannot flood the trail
            audit.recordRefusalAs(new AuditActor(null, null, null, AccessAuditActors.clientAddress()),
                    new AuditEvent("LOGIN_ERROR", "User", null, null, Map.of("error", e.getClass().getSimpleName(),
                            "username", shortened(username))), Outcome.FAILURE);
            throw e;
        }
    }

    private Authentication check(String username, String password) {
        Instant now = Instant.now(clock);
        LoginPolicy policy = policies.current();
        String address = AccessAuditActors.clientAddress();
        if (throttle.blocked(address, policy, now)) {
            // the same work and the same answer as any failure: the caller learns nothing
            encoder.matches(password, DUMMY_HASH);
            audit.recordRefusalAs(new AuditActor(null, null, null, address), new AuditEvent("LOGIN_THROTTLED", "ClientAddress",
                    address, null, Map.of("limit", policy.addressMaxFailures(), "minutes", policy.addressWindowMinutes(),
                            "username", shortened(username))), Outcome.DENIED);
            throw new BadCredentialsException(FAILED);
        }
        var found = accounts.find(username);
        if (found.isEmpty()) {
            encoder.matches(password, DUMMY_HASH);
            fail(username, null, "unknown user", policy, now);
        }
        var account = found.get();
        var user = account.user();
        AuditActor actor = new AuditActor(user.username(), user.roleCode(), user.division().value(), address);
        // a locked account runs the hash as well, so that its answer takes as long as any other
        boolean matches = encoder.matches(password, account.passwordHash());
        if (account.lockedAt(now)) {
            fail(username, actor, "locked", policy, now);
        }
        if (!matches) {
            int failures = accounts.recordFailure(user.id());
            if (failures >= policy.maxFailures()) {
                accounts.lock(user.id(), now.plus(Duration.ofMinutes(policy.lockMinutes())));
                audit.recordAs(actor, new AuditEvent("ACCOUNT_LOCKED", "User", String.valueOf(user.id()), null,
                        Map.of("failures", failures, "minutes", policy.lockMinutes())), Outcome.SUCCESS);
            }
            fail(username, actor, "wrong password", policy, now);
        }
        if (!account.enabled()) {
            fail(username, actor, "disabled", policy, now);
        }
        accounts.recordSuccess(user.id(), now);
        audit.recordAs(actor, AuditEvent.of("LOGIN", "User", user.id()), Outcome.SUCCESS);
        var principal = new AccountDetails(user, null, pendingStep(account, policy, now));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private static String shortened(String username) {
        return username.length() > 64 ? username.substring(0, 64) + "…" : username;
    }

    private AccountDetails.PendingStep pendingStep(Accounts.Account account, LoginPolicy policy, Instant now) {
        boolean expired = !deployment.demo() && policy.passwordMaxAgeDays() > 0
                && account.passwordChangedAt().plus(Duration.ofDays(policy.passwordMaxAgeDays())).isBefore(now);
        if (account.mustChangePassword() || expired) {
            return AccountDetails.PendingStep.CHANGE_PASSWORD;
        }
        if (policy.totpRoles().contains(account.user().role())) {
            return AccountDetails.PendingStep.SECOND_FACTOR;
        }
        return AccountDetails.PendingStep.NONE;
    }

    private void fail(String username, AuditActor actor, String why, LoginPolicy policy, Instant now) {
        throttle.recordFailure(AccessAuditActors.clientAddress(), policy, now);
        AuditActor who = actor != null ? actor : new AuditActor(username, null, null, AccessAuditActors.clientAddress());
        audit.recordAs(who, new AuditEvent("LOGIN_FAILED", "User", null, null, Map.of("cause", why)), Outcome.FAILURE);
        throw new BadCredentialsException(FAILED);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
