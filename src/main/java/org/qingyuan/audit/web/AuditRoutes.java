package org.qingyuan.audit.web;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** The auditor's viewer (permission by name: audit does not depend on access). */
@Component
class AuditRoutes implements RouteRules {

    @Override
    public String module() {
        return "audit";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("GET", "/audit/**", "AUDIT_READ"),
                RouteRule.of("GET", "/audit", "AUDIT_READ"),
                RouteRule.of("GET", "/api/v1/audit/**", "AUDIT_READ"));
    }
}
