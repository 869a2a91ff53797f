package org.qingyuan.access.web;

import static org.qingyuan.access.Permission.*;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** The access module's routes: sign-in, one's own account, and the administrators' pages. */
@Component
class AccessRoutes implements RouteRules {

    @Override
    public String module() {
        return "access";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.open("/login"),
                RouteRule.signedIn("POST", "/logout"),
                RouteRule.signedIn("GET,POST", "/account/**"),
                RouteRule.of("*", "/admin/users/**", USER_MANAGE),
                RouteRule.of("*", "/admin/users", USER_MANAGE),
                RouteRule.of("GET,POST", "/accounts/handovers/**", CREDENTIAL_COLLECT),
                RouteRule.of("GET", "/accounts/handovers", CREDENTIAL_COLLECT),
                RouteRule.of("GET,POST", "/tokens/requests/**", TOKEN_REQUEST),
                RouteRule.of("GET,POST", "/tokens/requests", TOKEN_REQUEST),
                RouteRule.of("*", "/admin/tokens/**", TOKEN_MANAGE),
                RouteRule.of("*", "/admin/tokens", TOKEN_MANAGE),
                RouteRule.of("*", "/security/roles/**", ROLE_MANAGE),
                RouteRule.of("*", "/security/roles", ROLE_MANAGE),
                RouteRule.of("*", "/security/locks/**", ACCOUNT_UNLOCK),
                RouteRule.of("*", "/security/locks", ACCOUNT_UNLOCK),
                RouteRule.of("*", "/security/account-requests/**", ADMIN_ACCOUNT_APPROVE),
                RouteRule.of("*", "/security/account-requests", ADMIN_ACCOUNT_APPROVE),
                RouteRule.of("*", "/security/policy/**", SECURITY_POLICY_MANAGE),
                RouteRule.of("*", "/security/policy", SECURITY_POLICY_MANAGE));
    }
}
