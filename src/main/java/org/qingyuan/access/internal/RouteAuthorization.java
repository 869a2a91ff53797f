package org.qingyuan.access.internal;

import java.util.function.Supplier;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.access.RouteTable;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/** Decides every request by the route table, the current role permissions and, for an API token, the permissions it carries. */
@Component
class RouteAuthorization implements AuthorizationManager<RequestAuthorizationContext>, RouteAccess {

    private final RolePermissions rolePermissions;
    private final RouteTable routes;

    RouteAuthorization(RolePermissions rolePermissions, RouteTable routes) {
        this.rolePermissions = rolePermissions;
        this.routes = routes;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        var request = context.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        CurrentUser user = authentication.get() != null && authentication.get().getPrincipal() instanceof AccountDetails a
                ? a.user() : null;
        TokenGrant grant = authentication.get() != null && authentication.get().getDetails() instanceof TokenGrant g ? g : null;
        return new AuthorizationDecision(decide(user, grant, request.getMethod(), path));
    }

    @Override
    public boolean allows(CurrentUser user, String method, String path) {
        return decide(user, null, method, path);
    }

    /** A token (grant not null) may use a permission only when it carries it and its role still holds it. */
    private boolean decide(CurrentUser user, TokenGrant grant, String method, String path) {
        return routes.find(method, path).map(route -> switch (route.access()) {
            case PUBLIC -> true;
            case SIGNED_IN -> user != null;
            case PERMISSION -> user != null && rolePermissions.has(user.role(), route.permission())
                    && (grant == null || grant.allows(route.permission()));
        }).orElse(false);
    }
}
