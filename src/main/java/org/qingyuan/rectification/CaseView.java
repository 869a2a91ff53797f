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
                       Double latitude, List<TimelineStep> timeline, List<Long> evidenceIds, boolean overdue,
                       java.util.Map<String, String> displayNames) {

    /** How a user name the case keeps is shown (新城街道 张伟); the user name itself when the account is unknown. */
    public String name(String username) {
        return username == null ? null : displayNames.getOrDefault(username, username);
    }

    /**
     * One stored step of the timeline.
     *
     * @param actor the user name of who did it
     * @param actorName how that user is shown
     */
    public record TimelineStep(long id, StepKind kind, String actor, String actorName, Instant at, String detail,
                               int caseVersion) {
    }
}
