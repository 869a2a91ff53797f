package org.qingyuan.patrol;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A revisit (回头看) of a closed-out enterprise: due on a day after its close-out, done by a check-in at the site
 * (within the geofence, with a photo), or cancelled when the case reopened.
 *
 * @param seq the place in the plan's schedule (1, 2, 3 …), 0 for one a town added
 * @param finding what the check-in found (NOTHING, REBOUND), when done
 */
public record Revisit(long id, long caseId, long enterpriseId, String divisionCode, LocalDate closedOutOn, int seq, LocalDate dueOn,
                      String origin, String reason, String state, Long checkInId, String finding, Instant doneAt, String doneBy,
                      String cancelledWhy, int version) {

    public boolean due() {
        return "DUE".equals(state);
    }

    /** Not done by its day. */
    public boolean overdue(LocalDate today) {
        return due() && dueOn.isBefore(today);
    }

    public String stateLabel(LocalDate today) {
        return switch (state) {
            case "DONE" -> "REBOUND".equals(finding) ? "已回访 · 发现反弹" : "已回访";
            case "CANCELLED" -> "已取消";
            default -> overdue(today) ? "逾期未回访" : "待回访";
        };
    }
}
