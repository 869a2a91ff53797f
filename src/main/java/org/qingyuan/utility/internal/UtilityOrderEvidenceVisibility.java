package org.qingyuan.utility.internal;

import org.qingyuan.access.Scope;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.evidence.EvidenceVisibility;
import org.springframework.stereotype.Component;

/** The files of utility orders (the order's document, a receipt kept on the order) are not for scopes narrowed to grids. */
@Component
class UtilityOrderEvidenceVisibility implements EvidenceVisibility {

    @Override
    public boolean hides(EvidenceOwner owner, Scope scope) {
        return scope.gridLimited() && UtilityOrderService.OWNER_TYPE.equals(owner.type());
    }
}
