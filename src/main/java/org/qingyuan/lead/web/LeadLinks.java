package org.qingyuan.lead.web;

import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.lead.internal.LeadService;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseLinks;
import org.springframework.stereotype.Component;

/** The enterprise page's links to the leads it came from or absorbed (线索 #12 · 巡查发现 · 已登记入账). */
@Component
class LeadLinks implements EnterpriseLinks {

    private final LeadService leads;

    LeadLinks(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public List<EnterpriseLink> linksFor(EnterpriseId id, Scope scope) {
        return leads.ofEnterprise(id.value(), scope).stream()
                .map(l -> new EnterpriseLink("线索 #" + l.id(), "/leads/" + l.id(), l.source().label() + " · " + l.state().label(), false))
                .toList();
    }
}
