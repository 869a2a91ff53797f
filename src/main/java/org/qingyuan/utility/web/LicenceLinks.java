package org.qingyuan.utility.web;

import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseLinks;
import org.qingyuan.utility.internal.LicenceService;
import org.springframework.stereotype.Component;

/** The enterprise page's line on its business licence: 营业执照：已吊销（2026-11-02，文号 …）, once market regulation acted. */
@Component
class LicenceLinks implements EnterpriseLinks {

    private final LicenceService licences;

    LicenceLinks(LicenceService licences) {
        this.licences = licences;
    }

    @Override
    public List<EnterpriseLink> linksFor(EnterpriseId id, Scope scope) {
        return licences.current(id.value(), scope)
                .map(a -> new EnterpriseLink(a.licenceState(), "/licence-actions?enterprise=" + id.value(), "市场监管部门记录",
                        a.kind().ends()))
                .stream().toList();
    }
}
