package org.qingyuan.rectification;

import java.time.Instant;
import java.util.List;

/**
 * A case with what the page and the API show beside it.
 *
 * @param timeline every step since the case opened, oldest first
 * @param overdue past its main deadline today and not closed out
 */
public record CaseView(RectificationCase rectificationCase, String enterpriseName, String address, Double longitude,
                       Double latitude, List<TimelineStep> timeline, List<Long> evidenceIds, boolean overdue) {

    /** One stored step of the timeline. */
    public record TimelineStep(long id, String kind, String kindLabel, String actor, Instant at, String detail, int caseVersion) {
    }
}
