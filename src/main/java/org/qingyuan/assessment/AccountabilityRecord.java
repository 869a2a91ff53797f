package org.qingyuan.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An accountability record (通报批评, 约谈, 问责, 表彰), never deleted: a correction is a new record that supersedes it.
 *
 * @param id its id
 * @param district the district whose office made it
 * @param quarter the quarter it belongs to, or null
 * @param kind what was decided
 * @param unitCode the unit: a town's 9-digit code or a department's code
 * @param unitName the unit's name
 * @param persons the persons concerned, as written
 * @param reason why (required)
 * @param ground 漏报, 瞒报, 假报, 工作不力 or other
 * @param decidedOn the day of the decision
 * @param documentId the decision document in the evidence store, or null
 * @param evidence the records it rests on (at least one)
 * @param supersedes the record this one corrects, or null
 * @param supersededBy the record correcting this one, or null
 * @param createdAt when it was recorded
 * @param createdBy who recorded it
 */
public record AccountabilityRecord(long id, String district, QuarterKey quarter, AccountabilityKind kind, String unitCode,
                                   String unitName, String persons, String reason, AccountabilityGround ground,
                                   LocalDate decidedOn, Long documentId, List<EvidenceLink> evidence, Long supersedes,
                                   Long supersededBy, Instant createdAt, String createdBy) {

    public static final String OWNER_TYPE = "AccountabilityRecord";

    public AccountabilityRecord {
        evidence = List.copyOf(evidence);
    }

    public boolean current() {
        return supersededBy == null;
    }
}
