package org.qingyuan.policy;

import java.util.List;

/**
 * A disposal measure of a category in a zone.
 *
 * @param kind shutdown, relocation, remediation or supervision
 * @param subKinds what it involves in detail
 * @param label a short Chinese name, e.g. 停产整治、限期补办手续
 * @param text the plan's own words
 * @param production whether production must stop meanwhile
 * @param deadlines the deadlines it sets
 * @param clearances the 两断三清 items it requires
 * @param acceptance what must be accepted (验收) before production may resume or the case close
 * @param escalations what it becomes when it fails
 * @param source the section of the document it encodes
 */
public record Measure(MeasureKind kind, List<MeasureSubKind> subKinds, String label, String text, Production production,
                      List<DeadlineRule> deadlines, List<Clearance> clearances, List<String> acceptance,
                      List<Escalation> escalations, String source) {

    /** True when production must stop while the measure runs. */
    public boolean stopProduction() {
        return production.stops();
    }
}
