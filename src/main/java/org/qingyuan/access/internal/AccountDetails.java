package org.qingyuan.access.internal;

import java.util.Collection;
import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal of a signed-in user or API token, with what is still due before full access. */
public final class AccountDetails implements UserDetails, CredentialsContainer {

    /** What a signed-in user must still do before anything else. */
    public enum PendingStep {
        /** Nothing: full access by role. */
        NONE,
        /** An initial, reset or expired password must be changed. */
        CHANGE_PASSWORD,
        /** The role requires a second factor: enrol or enter a TOTP code. */
        SECOND_FACTOR
    }

    private final CurrentUser user;
    private String passwordHash;
    private final PendingStep pendingStep;

    AccountDetails(CurrentUser user, String passwordHash, PendingStep pendingStep) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.pendingStep = pendingStep;
    }

    public CurrentUser user() {
        return user;
    }

    public PendingStep pendingStep() {
        return pendingStep;
    }

    AccountDetails withPendingStep(PendingStep step) {
        return new AccountDetails(user, null, step);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + user.roleCode()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
