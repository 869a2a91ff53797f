package org.qingyuan.access;

import java.util.Optional;

import org.qingyuan.access.internal.AccountDetails;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Who is calling. */
public final class CurrentUsers {

    /** The request attribute holding the caller with his scope narrowed to his grids (a grid member's). */
    public static final String NARROWED = CurrentUsers.class.getName() + ".narrowed";

    private CurrentUsers() {
    }

    /** The user of the current request, if signed in; a grid member's scope narrowed to his grids. */
    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountDetails account) {
            CurrentUser user = account.user();
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request != null && request.getAttribute(NARROWED, RequestAttributes.SCOPE_REQUEST) instanceof CurrentUser narrowed
                    && narrowed.id() == user.id() && narrowed.username().equals(user.username())) {
                return Optional.of(narrowed);
            }
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in user; only call where the route table already requires a signed-in caller. */
    public static CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
}
