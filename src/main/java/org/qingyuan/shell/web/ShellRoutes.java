package org.qingyuan.shell.web;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** The shell's routes: static resources, error page, health, the home page and the API documentation. */
@Component
class ShellRoutes implements RouteRules {

    @Override
    public String module() {
        return "shell";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.open("/css/**"),
                RouteRule.open("/js/**"),
                RouteRule.open("/img/**"),
                RouteRule.open("/webjars/**"),
                RouteRule.open("/favicon.ico"),
                RouteRule.open("/error"),
                RouteRule.open("/actuator/health"),
                RouteRule.open("/actuator/health/**"),
                RouteRule.open("/actuator/info"),
                RouteRule.signedIn("GET", "/"),
                RouteRule.signedIn("GET", "/v3/api-docs/**"),
                RouteRule.signedIn("GET", "/v3/api-docs"),
                RouteRule.signedIn("GET", "/v3/api-docs.yaml"),
                RouteRule.signedIn("GET", "/swagger-ui/**"),
                RouteRule.signedIn("GET", "/swagger-ui.html"));
    }
}
