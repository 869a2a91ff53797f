package org.qingyuan.access;

import java.util.Optional;

/**
 * Who acts in the current request or job, for services that stamp their changes with a name (versions, history,
 * uploads). Injected, so that services do not read the security context themselves.
 */
public interface ActingUsers {

    /** The signed-in user, or empty for the platform itself (start-up, scheduled jobs, demo data). */
    Optional<CurrentUser> current();

    /** The user name to stamp: the signed-in user's, or {@code system}. */
    default String username() {
        return current().map(CurrentUser::username).orElse("system");
    }

    /** The display name to stamp: the signed-in user's, or 系统. */
    default String displayName() {
        return current().map(CurrentUser::displayName).orElse("系统");
    }
}
