package org.qingyuan.policy;

import java.time.LocalDate;

/**
 * A computed deadline.
 *
 * @param kind what it is for
 * @param label how the plan names it
 * @param date the day by which it must be done, or null when it is decided per case or no notice date is set
 * @param rule how the plan states it, e.g. 自告知之日起2个月内
 * @param note a remark, e.g. that it had already passed at notice, or null
 * @param source the section of the document
 */
public record Deadline(DeadlineKind kind, String label, LocalDate date, String rule, String note, String source) {
}
