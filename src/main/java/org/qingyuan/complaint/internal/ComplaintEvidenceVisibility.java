package org.qingyuan.complaint.internal;

import org.qingyuan.access.Scope;
import org.qingyuan.complaint.Complaint;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.evidence.EvidenceVisibility;
import org.springframework.stereotype.Component;

/** A complaint's photos (the reporter's and the check-in's) are not for scopes narrowed to grids: grid members handle no complaints. */
@Component
class ComplaintEvidenceVisibility implements EvidenceVisibility {

    @Override
    public boolean hides(EvidenceOwner owner, Scope scope) {
        return scope.gridLimited() && Complaint.OWNER_TYPE.equals(owner.type());
    }
}
