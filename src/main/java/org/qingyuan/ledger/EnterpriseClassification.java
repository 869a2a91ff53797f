package org.qingyuan.ledger;

import java.time.Instant;
import java.time.LocalDate;

import org.qingyuan.policy.EffectiveClassification;

/**
 * An enterprise's classification as the ledger keeps it.
 *
 * @param id the enterprise
 * @param divisionCode where it lies
 * @param version of the per-enterprise settings (zone, notice date, override); a change names it
 * @param zoneOverride the enterprise's own zone (一企一策), or null to take the zone of its division
 * @param noticeDate the notice date (告知日期) set by an official, or null
 * @param effectiveNoticeDate the date the deadlines run from: the notice date, else the date the enterprise was reported (上报时间)
 * @param applies what applies now (computed and override), or null before the first classification
 * @param recordId the stored classification it comes from, or null
 * @param pending true while a recomputation is waiting (after an import or a policy activation)
 * @param computedAt when the current classification was computed
 * @param computedBy by whom ({@code system} for the background worker)
 * @param reason why it was computed, e.g. 登记、事实变更、启用实施方案 huiji-2017 第1版
 */
public record EnterpriseClassification(EnterpriseId id, String divisionCode, int version, String zoneOverride,
                                       LocalDate noticeDate, LocalDate effectiveNoticeDate,
                                       EffectiveClassification applies, Long recordId, boolean pending, Instant computedAt,
                                       String computedBy, String reason) {

    /** True when no notice date was set and the deadlines run from the reporting date. */
    public boolean noticeDateAssumed() {
        return noticeDate == null;
    }

    public boolean classified() {
        return applies != null;
    }

    /** True when an override exists and the facts or policy changed since it was decided. */
    public boolean needsReview() {
        return applies != null && applies.needsReview();
    }
}
