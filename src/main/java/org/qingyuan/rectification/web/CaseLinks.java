package org.qingyuan.rectification.web;

import java.util.List;

import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseLinks;
import org.qingyuan.rectification.Cases;
import org.qingyuan.access.Scope;
import org.springframework.stereotype.Component;

/** The enterprise page's link to its rectification case. */
@Component
class CaseLinks implements EnterpriseLinks {

    private final Cases cases;

    CaseLinks(Cases cases) {
        this.cases = cases;
    }

    @Override
    public List<EnterpriseLink> linksFor(EnterpriseId id, Scope scope) {
        return cases.ofEnterprise(id.value(), scope)
                .map(c -> new EnterpriseLink("整治任务 #" + c.id(), "/cases/" + c.id(),
                        c.state().label() + (c.overdue() ? " · 逾期" : "") + " · 事项 " + c.itemsDone() + "/" + c.itemsTotal(),
                        c.overdue()))
                .stream().toList();
    }
}
