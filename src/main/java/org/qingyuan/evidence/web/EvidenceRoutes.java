package org.qingyuan.evidence.web;

import static org.qingyuan.access.Permission.*;

import java.util.List;

import org.qingyuan.shared.RouteRule;
import org.qingyuan.shared.RouteRules;
import org.springframework.stereotype.Component;

/** Attachments are read with the ledger's permission (their owner checks the jurisdiction). */
@Component
class EvidenceRoutes implements RouteRules {

    @Override
    public String module() {
        return "evidence";
    }

    @Override
    public List<RouteRule> rules() {
        return List.of(
                RouteRule.of("GET", "/api/v1/attachments/**", LEDGER_READ));
    }
}
