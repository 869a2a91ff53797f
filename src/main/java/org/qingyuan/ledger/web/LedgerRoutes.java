package org.qingyuan.ledger.web;

import static org.qingyuan.access.Permission.*;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** The ledger's routes: reading needs LEDGER_READ, changes LEDGER_EDIT; classification settings as noted. */
@Component
class LedgerRoutes implements RouteRules {

    @Override
    public String module() {
        return "ledger";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
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
