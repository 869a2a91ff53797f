package org.qingyuan.rectification;

import java.time.Instant;
import java.util.List;

/**
 * The work recorded for one required item.
 *
 * @param evidenceIds dossier attachments that prove it
 * @param utilityConfirmationId the utility's confirmation document, where the item needs one
 * @param permit the permit obtained, where the item is 补办手续
 * @param flags why the evidence needs review (photo time outside the case period, photo far from the site); empty when clean
 * @param reviewedBy who confirmed flagged evidence after looking at it, or null
 */
public record ItemRecord(Requirement requirement, String recordedBy, Instant recordedAt, String note, List<Long> evidenceIds,
                         Long utilityConfirmationId, Permit permit, List<String> flags, String reviewedBy, Instant reviewedAt) {

    public ItemRecord {
        evidenceIds = List.copyOf(evidenceIds);
        flags = List.copyOf(flags);
    }

    /** Done: evidenced, and any flag reviewed. */
    public boolean complete() {
        return !evidenceIds.isEmpty() && (!requirement.needsUtilityConfirmation() || utilityConfirmationId != null)
                && (!requirement.needsPermit() || permit != null && permit.complete())
                && (flags.isEmpty() || reviewedBy != null);
    }

    /** Flagged evidence nobody has reviewed yet. */
    public boolean awaitingReview() {
        return !flags.isEmpty() && reviewedBy == null;
    }

    ItemRecord reviewed(String by, Instant at) {
        return new ItemRecord(requirement, recordedBy, recordedAt, note, evidenceIds, utilityConfirmationId, permit, flags, by, at);
    }
}
