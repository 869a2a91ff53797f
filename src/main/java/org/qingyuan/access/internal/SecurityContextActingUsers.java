package org.qingyuan.access.internal;

import java.util.Optional;

import org.qingyuan.access.ActingUsers;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.springframework.stereotype.Component;

/** The acting user from the signed-in session or API token of the current thread. */
@Component
class SecurityContextActingUsers implements ActingUsers {

    @Override
    public Optional<CurrentUser> current() {
        return CurrentUsers.current();
    }
}
