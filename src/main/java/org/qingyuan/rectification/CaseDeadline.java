package org.qingyuan.rectification;

import java.time.LocalDate;

import org.qingyuan.policy.Deadline;
import org.qingyuan.policy.DeadlineKind;

/**
 * One deadline of a case as the policy (or the official's 一企一策 decision) sets it; every one stays visible.
 *
 * @param date null when the plan leaves it to the case (责令限期) and nobody has set it yet
 * @param rule how the plan states it
 */
public record CaseDeadline(DeadlineKind kind, String label, LocalDate date, String rule, String note) {

    public static CaseDeadline of(Deadline d) {
        return new CaseDeadline(d.kind(), d.label(), d.date(), d.rule(), d.note());
    }
}
