package org.qingyuan.ledger.internal;

import java.time.Instant;
import java.util.List;

import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.FieldChange;
import org.qingyuan.ledger.VersionAction;

/**
 * One entry of an enterprise's history: who did what, when, why, and which fields changed.
 *
 * @param enterpriseId the record the version belongs to (after a merge, the history shows both records)
 * @param username who, as signed in
 * @param displayName who, as shown
 */
public record EnterpriseVersion(EnterpriseId enterpriseId, int version, VersionAction action, Instant at, String username,
                                String displayName, String reason, List<FieldChange> changes) {
}
