package org.qingyuan.sheets.web;

import static org.qingyuan.access.Permission.*;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** Excel import and export. */
@Component
class SheetsRoutes implements RouteRules {

    @Override
    public String module() {
        return "sheets";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("GET,POST", "/imports/leads", LEAD_REPORT),
                RouteRule.of("POST", "/api/v1/imports/leads", LEAD_REPORT),
                // the supervision tracking ledger (001 附件2): read by whoever reads supervision, recorded by 督查组 and 区办
                RouteRule.of("GET", "/api/v1/exports/supervision-ledger.xlsx", SUPERVISION_READ),
                RouteRule.of("GET", "/exports/supervision-ledger", SUPERVISION_READ),
                RouteRule.of("POST", "/api/v1/imports/supervision-ledger", SUPERVISION_INSPECT),
                RouteRule.of("GET,POST", "/imports/supervision-ledger", SUPERVISION_INSPECT),
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
