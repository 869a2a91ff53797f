package org.qingyuan.policy.web;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** The plans' and the working-day calendar's routes (permissions by name: policy does not depend on access). */
@Component
class PolicyRoutes implements RouteRules {

    @Override
    public String module() {
        return "policy";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("GET", "/policies", "POLICY_READ"),
                RouteRule.of("GET", "/policies/**", "POLICY_READ"),
                RouteRule.of("POST", "/policies/*/try", "POLICY_READ"),
                RouteRule.of("POST", "/policies", "POLICY_MANAGE"),
                RouteRule.of("POST", "/policies/**", "POLICY_MANAGE"),
                RouteRule.of("GET", "/api/v1/policies", "POLICY_READ"),
                RouteRule.of("GET", "/api/v1/policies/**", "POLICY_READ"),
                RouteRule.of("POST", "/api/v1/policies/*/evaluations", "POLICY_READ"),
                RouteRule.of("POST,PUT", "/api/v1/policies", "POLICY_MANAGE"),
                RouteRule.of("POST,PUT", "/api/v1/policies/**", "POLICY_MANAGE"),
                RouteRule.signedIn("GET", "/calendar"),
                RouteRule.signedIn("GET", "/calendar/**"),
                RouteRule.signedIn("GET", "/api/v1/calendar/**"),
                RouteRule.of("POST", "/calendar/**", "CONFIG_MANAGE"),
                RouteRule.of("POST", "/api/v1/calendar/**", "CONFIG_MANAGE"));
    }
}
