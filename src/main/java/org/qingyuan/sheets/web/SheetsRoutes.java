package org.qingyuan.sheets.web;

import static org.qingyuan.access.Permission.*;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Excel import and export. */
@Configuration(proxyBeanMethods = false)
class SheetsRoutes {

    @Bean
    RouteRules sheetsRouteRules() {
        return RouteRules.of("sheets",
                RouteRule.of("GET", "/imports/**", LEDGER_IMPORT),
                RouteRule.of("GET", "/imports", LEDGER_IMPORT),
                RouteRule.of("POST", "/imports", LEDGER_IMPORT),
                RouteRule.of("POST", "/api/v1/imports", LEDGER_IMPORT),
                RouteRule.of("GET", "/api/v1/imports/**", LEDGER_IMPORT),
                RouteRule.of("GET", "/api/v1/imports", LEDGER_IMPORT),
                RouteRule.of("GET", "/exports", LEDGER_EXPORT),
                RouteRule.of("GET", "/api/v1/exports/**", LEDGER_EXPORT));
    }
}
