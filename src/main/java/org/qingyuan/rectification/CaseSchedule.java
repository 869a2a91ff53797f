package org.qingyuan.rectification;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;

/**
 * A case's main deadline, whether it was marked overdue, and which of its plan's escalations were applied: the
 * deadline rules of the case, which asks this in the state it is in.
 */
final class CaseSchedule {

    private LocalDate deadline;
    private LocalDate overdueSince;
    private final Set<String> appliedEscalations = new LinkedHashSet<>();

    CaseSchedule(LocalDate deadline, LocalDate overdueSince, List<String> appliedEscalations) {
        this.deadline = deadline;
        this.overdueSince = overdueSince;
        this.appliedEscalations.addAll(appliedEscalations);
    }

    /** Sets the main deadline with the basis an official gives (责令限期 notice); answers the one before. */
    LocalDate set(LocalDate date, String reason) {
        if (date == null) {
            throw new InvalidInputException("deadline", "请填写期限");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请写明设定期限的依据（如责令限期通知书文号）");
        }
        return move(date);
    }

    /** A new main deadline lifts the overdue mark; answers the one before. */
    LocalDate move(LocalDate date) {
        LocalDate from = deadline;
        deadline = date;
        overdueSince = null;
        return from;
    }

    /** The main deadline is past today. */
    boolean past(LocalDate today) {
        return deadline != null && today.isAfter(deadline);
    }

    /** Refuses what may only be done after the main deadline passed, naming the deadline. */
    void requirePast(LocalDate today, String refusal) {
        if (!past(today)) {
            throw new ConflictException("期限（" + CaseSteps.deadlineText(deadline) + "）未过，" + refusal);
        }
    }

    /** Marks the passed deadline once, until a new deadline lifts it. */
    boolean markOverdue(LocalDate today) {
        if (!past(today) || overdueSince != null) {
            return false;
        }
        overdueSince = deadline.plusDays(1);
        return true;
    }

    void liftOverdue() {
        overdueSince = null;
    }

    /** Escalation rules of the plan whose deadline has passed and that were not applied yet. */
    List<EscalationRule> dueEscalations(MeasurePlan plan, LocalDate today) {
        return plan.escalations().stream()
                .filter(r -> r.after() != null && !appliedEscalations.contains(r.key()))
                .filter(r -> deadlineOf(plan, r.after()).map(today::isAfter).orElse(false))
                .toList();
    }

    /** Records an escalation as applied: only once, and only after its deadline passed. */
    void escalate(EscalationRule rule, MeasurePlan plan, LocalDate today) {
        LocalDate trigger = rule.after() == null ? null : deadlineOf(plan, rule.after()).orElse(null);
        if (trigger == null || !today.isAfter(trigger)) {
            throw new ConflictException("期限未过，不能升级处置措施");
        }
        if (!appliedEscalations.add(rule.key())) {
            throw new ConflictException("该升级规则已执行过");
        }
    }

    private static Optional<LocalDate> deadlineOf(MeasurePlan plan, DeadlineKind kind) {
        return plan.deadlines().stream().filter(d -> d.kind() == kind && d.date() != null).map(CaseDeadline::date).findFirst();
    }

    LocalDate deadline() {
        return deadline;
    }

    LocalDate overdueSince() {
        return overdueSince;
    }

    List<String> appliedEscalations() {
        return List.copyOf(appliedEscalations);
    }
}
