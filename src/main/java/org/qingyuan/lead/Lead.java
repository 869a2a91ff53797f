package org.qingyuan.lead;

import java.time.Instant;
import java.util.List;

import org.qingyuan.ledger.Discovery;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.ValidationException;

/**
 * A lead (线索): a possible 散乱污 site waiting in its town's queue. It is decided once — confirmed into the ledger,
 * merged into an enterprise already there, or dismissed with a reason — and a decided lead never changes again; the
 * methods below are the only way to decide one and refuse anything else.
 *
 * @param town the town whose queue it waits in
 * @param division the village (or the town) where the site is
 * @param enterpriseId the enterprise it became or was merged into (confirmed and merged leads)
 * @param version the optimistic lock: a decision names the version it saw
 */
public record Lead(long id, DivisionCode town, DivisionCode division, Discovery source, String sourceRef, String name,
                   String address, Double longitude, Double latitude, String description, Instant reportedAt,
                   String reportedBy, String reporterName, LeadState state, Long enterpriseId, String decisionReason,
                   Instant decidedAt, String decidedBy, int version) {

    /** The object type in the audit trail and the dossier. */
    public static final String OWNER_TYPE = "Lead";

    public boolean open() {
        return state == LeadState.OPEN;
    }

    public boolean located() {
        return longitude != null && latitude != null;
    }

    /** Registered as a new enterprise of the ledger. */
    public Lead confirmed(long enterprise, String reason, Instant at, String by) {
        return decided(LeadState.CONFIRMED, enterprise, reason, at, by);
    }

    /** The site is an enterprise already in the ledger. */
    public Lead merged(long enterprise, String reason, Instant at, String by) {
        return decided(LeadState.MERGED, enterprise, reason, at, by);
    }

    /** Not a 散乱污 site (or not one at all); the reason is required and kept. */
    public Lead dismissed(String reason, Instant at, String by) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException(List.of(new FieldError("reason", "请填写排除理由")));
        }
        return decided(LeadState.DISMISSED, null, reason, at, by);
    }

    private Lead decided(LeadState to, Long enterprise, String reason, Instant at, String by) {
        if (!open()) {
            throw new ConflictException("该线索已处理（" + state.label() + "），不能再次处理");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        return new Lead(id, town, division, source, sourceRef, name, address, longitude, latitude, description, reportedAt,
                reportedBy, reporterName, to, enterprise, why, at, by, version + 1);
    }
}
