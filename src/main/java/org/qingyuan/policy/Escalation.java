package org.qingyuan.policy;

import java.util.List;

/**
 * What a measure becomes when it fails (C5): e.g. a relocation not finished by its deadline becomes a shutdown.
 *
 * @param after the deadline whose passing triggers it, or null when an event triggers it (e.g. 非法生产)
 * @param trigger the trigger as the plan says it, e.g. 逾期未能迁入工业园区
 * @param becomes the measure it turns into, or null when the same measure is enforced harder (e.g. 从重处罚)
 * @param action what is then done, as the plan says it
 * @param clearances the 两断三清 items the escalation requires
 * @param source the section of the document it encodes
 */
public record Escalation(DeadlineKind after, String trigger, MeasureKind becomes, String action,
                         List<Clearance> clearances, String source) {
}
