package org.qingyuan.audit;

import java.time.LocalDate;
import java.util.List;

/** Reading the trail: the auditor's viewer, the verifier and the anchors. */
public interface AuditLog {

    List<AuditEntry> search(AuditQuery query);

    long count(AuditQuery query);

    AuditVerification verify();

    /** Writes the anchor for a day now (normally done by the daily job); false when already anchored or empty. */
    boolean anchor(LocalDate date);

    /** The audit records of one object, newest first (for history tabs of business modules). */
    List<AuditEntry> forObject(String objectType, String objectId);
}
