package org.qingyuan.evidence.web;

import static org.qingyuan.access.Permission.*;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Attachments are read with the ledger's permission (their owner checks the jurisdiction). */
@Configuration(proxyBeanMethods = false)
class EvidenceRoutes {

    @Bean
    RouteRules evidenceRouteRules() {
        return RouteRules.of("evidence",
                RouteRule.of("GET", "/api/v1/attachments/**", LEDGER_READ));
    }
}
