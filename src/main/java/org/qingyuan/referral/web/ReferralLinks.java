package org.qingyuan.referral.web;

import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseLinks;
import org.qingyuan.referral.internal.ReferralService;
import org.springframework.stereotype.Component;

/** The enterprise page's links to the referrals about it (移交 #3 · 公安 · 办理中 · 逾期). */
@Component
class ReferralLinks implements EnterpriseLinks {

    private final ReferralService referrals;

    ReferralLinks(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public List<EnterpriseLink> linksFor(EnterpriseId id, Scope scope) {
        var today = referrals.today();
        return referrals.ofEnterprise(id.value(), scope).stream()
                .map(r -> new EnterpriseLink("移交 #" + r.id() + " · " + referrals.departmentName(r.departmentCode()), "/referrals/" + r.id(),
                        r.state().label() + (r.overdue(today) ? " · 逾期" : ""), r.overdue(today)))
                .toList();
    }
}
