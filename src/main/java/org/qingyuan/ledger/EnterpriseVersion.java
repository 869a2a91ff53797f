package org.qingyuan.ledger;

import java.time.Instant;
import java.util.List;

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
