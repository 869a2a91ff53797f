package org.qingyuan.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's own password and second factor. */
@Service
public class AccountSecurity {

    private final Accounts accounts;
    private final LoginPolicies policies;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;

    AccountSecurity(Accounts accounts, LoginPolicies policies, PasswordEncoder encoder, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.policies = policies;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** Changes the password; answers what the user must still do (a second factor, or nothing). */
    @Transactional
    public AccountDetails.PendingStep changePassword(CurrentUser user, String current, String next, String confirm) {
        var account = accounts.find(user.username()).orElseThrow();
        if (current == null || !encoder.matches(current, account.passwordHash())) {
            audit.recordFailure(AuditEvent.of("PASSWORD_CHANGE_FAILED", "User", user.id()), AuditTrail.Outcome.FAILURE);
            throw new InvalidInputException("currentPassword", "当前密码不正确");
        }
        if (next == null || !next.equals(confirm)) {
            throw new InvalidInputException("confirmPassword", "两次输入的新密码不一致");
        }
        if (encoder.matches(next, account.passwordHash())) {
            throw new InvalidInputException("newPassword", "新密码不能与当前密码相同");
        }
        var policy = policies.current();
        PasswordRules.check("newPassword", next, user.username(), policy);
        accounts.changePassword(user.id(), encoder.encode(next), false, Instant.now(clock));
        audit.record(AuditEvent.of("PASSWORD_CHANGED", "User", user.id()));
        return policy.totpRoles().contains(user.role()) ? AccountDetails.PendingStep.SECOND_FACTOR : AccountDetails.PendingStep.NONE;
    }

    /** The enrolled TOTP secret of the user, or null when none is set up yet. */
    public String totpSecret(CurrentUser user) {
        return accounts.find(user.username()).orElseThrow().totpSecret();
    }

    public String newTotpSecret() {
        return Totp.newSecret();
    }

    public String otpauthUri(CurrentUser user, String secret) {
        return Totp.otpauthUri("Qingyuan", user.username(), secret);
    }

    /**
     * Checks a code: against the enrolled secret, or, when enrolling, against the new secret,
     * which is then kept. Failures are audited.
     */
    @Transactional
    public void verifySecondFactor(CurrentUser user, String enrollingSecret, String code) {
        String enrolled = totpSecret(user);
        String secret = enrolled != null ? enrolled : enrollingSecret;
        if (secret == null || !Totp.verify(secret, code, Instant.now(clock))) {
            audit.recordFailure(new AuditEvent("SECOND_FACTOR_FAILED", "User", String.valueOf(user.id()), null, Map.of()),
                    AuditTrail.Outcome.FAILURE);
            throw new InvalidInputException("code", "动态验证码不正确或已过期");
        }
        if (enrolled == null) {
            accounts.setTotpSecret(user.id(), secret);
            audit.record(AuditEvent.of("SECOND_FACTOR_ENROLLED", "User", user.id()));
        } else {
            audit.record(AuditEvent.of("SECOND_FACTOR_PASSED", "User", user.id()));
        }
    }
}
