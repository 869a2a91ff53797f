package org.qingyuan.statistics.web;

import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterprisePanels;
import org.springframework.stereotype.Component;

/** The strip of month ends on every enterprise's history tab. */
@Component
class StatisticsPanels implements EnterprisePanels {

    @Override
    public List<EnterprisePanel> panelsFor(EnterpriseId id, Scope scope) {
        return List.of(new EnterprisePanel("按期状态（每月末，按历史重建）", "/statistics/enterprises/" + id.value() + "/periods"));
    }
}
