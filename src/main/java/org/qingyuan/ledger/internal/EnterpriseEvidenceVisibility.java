package org.qingyuan.ledger.internal;

import org.qingyuan.access.Scope;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.evidence.EvidenceVisibility;
import org.springframework.stereotype.Component;

/** An enterprise's dossier is hidden where the enterprise is: from a grid member of another grid. */
@Component
class EnterpriseEvidenceVisibility implements EvidenceVisibility {

    private static final String ENTERPRISE = EvidenceOwner.enterprise(0).type();

    private final JdbcEnterprises enterprises;

    EnterpriseEvidenceVisibility(JdbcEnterprises enterprises) {
        this.enterprises = enterprises;
    }

    @Override
    public boolean hides(EvidenceOwner owner, Scope scope) {
        return scope.gridLimited() && ENTERPRISE.equals(owner.type()) && enterprises.hidden(scope).contains(owner.id());
    }
}
