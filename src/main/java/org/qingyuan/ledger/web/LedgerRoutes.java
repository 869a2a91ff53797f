package org.qingyuan.ledger.web;

import static org.qingyuan.access.Permission.*;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger's routes: reading needs LEDGER_READ, changes LEDGER_EDIT; classification settings as noted. */
@Configuration(proxyBeanMethods = false)
class LedgerRoutes {

    @Bean
    RouteRules ledgerRouteRules() {
        return RouteRules.of("ledger",
                // classification: the notice date is the ledger's; zone and 一企一策 belong to those who manage the plan
                RouteRule.of("POST", "/enterprises/*/classification/notice-date", LEDGER_EDIT),
                RouteRule.of("POST", "/enterprises/*/classification/**", POLICY_MANAGE),
                RouteRule.of("PUT", "/api/v1/enterprises/*/classification/notice-date", LEDGER_EDIT),
                RouteRule.of("PUT,DELETE", "/api/v1/enterprises/*/classification/**", POLICY_MANAGE),
                RouteRule.of("GET", "/enterprises/new", LEDGER_EDIT),
                RouteRule.of("GET", "/enterprises/*/edit", LEDGER_EDIT),
                RouteRule.of("GET", "/enterprises/**", LEDGER_READ),
                RouteRule.of("GET", "/enterprises", LEDGER_READ),
                RouteRule.of("POST", "/enterprises/**", LEDGER_EDIT),
                RouteRule.of("POST", "/enterprises", LEDGER_EDIT),
                RouteRule.of("GET", "/api/v1/enterprises/**", LEDGER_READ),
                RouteRule.of("GET", "/api/v1/enterprises", LEDGER_READ),
                RouteRule.of("POST,PATCH", "/api/v1/enterprises/**", LEDGER_EDIT),
                RouteRule.of("POST", "/api/v1/enterprises", LEDGER_EDIT));
    }
}
