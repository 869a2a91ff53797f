package org.qingyuan.access;

import java.util.Optional;

import org.qingyuan.access.internal.AccountDetails;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling. */
public final class CurrentUsers {

    private CurrentUsers() {
    }

    /** The user of the current request, if signed in. */
    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountDetails account) {
            return Optional.of(account.user());
        }
        return Optional.empty();
    }

    /** The signed-in user; only call where the route table already requires a signed-in caller. */
    public static CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
}
