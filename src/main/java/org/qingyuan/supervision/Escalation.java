package org.qingyuan.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.qingyuan.policy.SupervisionRules.StepKind;

/** One step of a problem's escalation ladder: a notice (通报) or a summons (约谈), with its record once held. */
public record Escalation(long id, long problemId, int level, StepKind kind, String action, LocalDate issuedOn, String issuedBy,
                         LocalDate deadline, String documentNo, List<Long> documentIds, LocalDate heldOn, String attendees,
                         String minutes, String commitments, String recordedBy, Instant recordedAt, int version) {

    public boolean held() {
        return heldOn != null;
    }
}
