package org.qingyuan.patrol;

import java.time.Instant;
import java.util.List;

/**
 * A patrol found a suspected site that is not in the ledger (or not at the enterprise checked in): the lead queue (issue
 * 16 §4) registers it as a lead with its photos and position.
 *
 * @param photoIds dossier attachments of the check-in (owner {@link CheckIn#OWNER_TYPE})
 */
public record SuspectedSiteReported(long checkInId, long patrolId, String divisionCode, Long gridId, Double latitude,
                                    Double longitude, String note, List<Long> photoIds, String reportedBy, Instant at) {
}
