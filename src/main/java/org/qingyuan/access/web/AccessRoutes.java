package org.qingyuan.access.web;

import static org.qingyuan.access.Permission.*;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access module's routes: sign-in, one's own account, and the administrators' pages. */
@Configuration(proxyBeanMethods = false)
class AccessRoutes {

    @Bean
    RouteRules accessRouteRules() {
        return RouteRules.of("access",
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
