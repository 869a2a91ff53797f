package org.qingyuan.patrol;

import java.time.Instant;
import java.util.List;

/** A patrol found illegal production at a closed-out site; the case was reopened and these people alerted. */
public record ReboundFound(long checkInId, long enterpriseId, long caseId, String divisionCode, List<String> alerted,
                           String reportedBy, Instant at) {
}
