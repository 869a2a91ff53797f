package org.qingyuan.ledger;

import java.time.LocalDate;
import java.util.Map;

import org.qingyuan.access.Scope;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.MeasureKind;

/**
 * The classification of the ledger's enterprises under the active policy: computed in the
 * transaction of a registration or an edit, in the background after an import or an activation; one
 * policy per enterprise (一企一策) by an official's override, the computed value staying beside it.
 * Every method takes the caller's jurisdiction (out of it: not found); every change names the
 * {@link EnterpriseClassification#version()} it starts from (else a 409 conflict), is audited and,
 * when what applies changes, publishes {@link EnterprisesClassified} in its transaction.
 */
public interface Classifications {

    /** What applies to the enterprise now, with the computed value, the override and the per-enterprise settings. */
    EnterpriseClassification current(EnterpriseId id, Scope scope);

    /**
     * Decides another measure and/or other deadlines than computed (一企一策), replacing an earlier decision.
     *
     * @param measureKind the measure decided instead, or null to keep the computed one
     * @param measureLabel its name, or null
     * @param deadlines decided dates by kind (may be empty)
     * @param reason why, required
     */
    EnterpriseClassification override(EnterpriseId id, int version, MeasureKind measureKind, String measureLabel,
                                      Map<DeadlineKind, LocalDate> deadlines, String reason, Scope scope);

    /** Withdraws the 一企一策 decision: the computed classification applies again. */
    EnterpriseClassification clearOverride(EnterpriseId id, int version, String reason, Scope scope);

    /** Sets (or, with null, removes) the enterprise's own zone, then classifies it again at once. */
    EnterpriseClassification setZone(EnterpriseId id, int version, String zone, String reason, Scope scope);

    /** Sets (or, with null, removes) the notice date (告知日期) the deadlines run from, then classifies it again at once. */
    EnterpriseClassification setNoticeDate(EnterpriseId id, int version, LocalDate noticeDate, String reason, Scope scope);
}
