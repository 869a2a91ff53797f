package org.qingyuan.audit.web;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auditor's viewer (permission by name: audit does not depend on access). */
@Configuration(proxyBeanMethods = false)
class AuditRoutes {

    @Bean
    RouteRules auditRouteRules() {
        return RouteRules.of("audit",
                RouteRule.of("GET", "/audit/**", "AUDIT_READ"),
                RouteRule.of("GET", "/audit", "AUDIT_READ"),
                RouteRule.of("GET", "/api/v1/audit/**", "AUDIT_READ"));
    }
}
