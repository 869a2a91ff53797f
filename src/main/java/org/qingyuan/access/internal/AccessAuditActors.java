package org.qingyuan.access.internal;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.audit.AuditActor;
import org.qingyuan.audit.AuditActorProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The audit trail's actor: the signed-in user (or API token) and the client address of the request. */
@Component
class AccessAuditActors implements AuditActorProvider {

    @Override
    public AuditActor current() {
        String address = clientAddress();
        return CurrentUsers.current()
                .map(u -> new AuditActor(u.username(), u.roleCode(), u.division().value(), address))
                .orElse(address == null ? AuditActor.SYSTEM : new AuditActor(null, null, null, address));
    }

    static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
