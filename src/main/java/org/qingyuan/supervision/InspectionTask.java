package org.qingyuan.supervision;

import java.time.Instant;
import java.util.List;

/** An enterprise drawn in a round, and its inspection once done. */
public record InspectionTask(long id, long roundId, String roundName, long enterpriseId, String enterpriseName, String address,
                             String townCode, String divisionCode, Stratum stratum, String rankKey, boolean covert,
                             Long caseId, String state, Instant inspectedAt, String inspectedBy, Double latitude,
                             Double longitude, Integer distanceM, List<String> flags, String outcome, List<ItemFinding> findings,
                             String note, List<Long> photoIds, int version) {

    public boolean done() {
        return "DONE".equals(state);
    }

    public boolean heldUp() {
        return "HELD_UP".equals(outcome);
    }

    public String outcomeLabel() {
        return outcome == null ? "待检查" : heldUp() ? "属实" : "发现问题";
    }
}
