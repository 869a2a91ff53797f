package org.qingyuan.rectification;

import java.time.Instant;
import java.util.List;

/**
 * The work recorded for one required item.
 *
 * @param evidenceIds dossier attachments that prove it
 * @param utilityConfirmationId the utility's confirmation document, where the item needs one
 * @param flags why the evidence needs review (photo time outside the case period, photo far from the site); empty when clean
 * @param reviewedBy who confirmed flagged evidence after looking at it, or null
 */
public record ItemRecord(Requirement requirement, String recordedBy, Instant recordedAt, String note, List<Long> evidenceIds,
                         Long utilityConfirmationId, List<String> flags, String reviewedBy) {

    public ItemRecord {
        evidenceIds = List.copyOf(evidenceIds);
        flags = List.copyOf(flags);
    }

    /** Done: evidenced, and any flag reviewed. */
    public boolean complete() {
        return !evidenceIds.isEmpty() && (!requirement.needsUtilityConfirmation() || utilityConfirmationId != null)
                && (flags.isEmpty() || reviewedBy != null);
    }

    ItemRecord reviewed(String by) {
        return new ItemRecord(requirement, recordedBy, recordedAt, note, evidenceIds, utilityConfirmationId, flags, by);
    }
}
