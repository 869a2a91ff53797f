package org.qingyuan.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps a case took since it was loaded, in the words its timeline keeps: the aggregate decides what happened,
 * this says it.
 */
final class CaseSteps {

    /** Who takes the steps of the daily sweep. */
    static final String SYSTEM = "system";

    private final List<CaseStep> steps = new ArrayList<>();

    List<CaseStep> list() {
        return List.copyOf(steps);
    }

    void add(StepKind kind, String by, Instant at, String detail) {
        steps.add(new CaseStep(kind, by, at, detail));
    }

    void opened(MeasurePlan plan, String by, Instant at) {
        add(StepKind.OPENED, by, at, plan.measureName() + "，期限 " + deadlineText(plan.deadline()));
    }

    void itemRecorded(ItemRecord item, Instant at) {
        add(StepKind.ITEM_RECORDED, item.recordedBy(), at, item.requirement().label()
                + (item.flags().isEmpty() ? "" : "（待复核：" + String.join("；", item.flags()) + "）"));
    }

    void evidenceReviewed(ItemRecord item, String by, Instant at) {
        add(StepKind.EVIDENCE_REVIEWED, by, at, item.requirement().label() + "：" + String.join("；", item.flags()));
    }

    void jointEnforcement(JointEnforcement action, Instant at) {
        add(StepKind.JOINT_ENFORCEMENT, action.recordedBy(), at, action.date() + " " + String.join("、", action.departmentCodes())
                + (action.note() == null ? "" : "：" + action.note()));
    }

    void assigned(ResponsiblePersons persons, String departmentName, String by, Instant at) {
        add(StepKind.ASSIGNED, by, at, persons.personName() + " " + persons.personPhone()
                + (persons.departmentCode() == null ? "" : "，责任部门 " + departmentName));
    }

    /** A new main deadline and its basis (a reason, or the town's 责令限期 with its source). */
    void deadlineSet(LocalDate from, LocalDate to, String basis, String by, Instant at) {
        add(StepKind.DEADLINE_SET, by, at, deadlineText(from) + " → " + to + "（" + basis + "）");
    }

    void overdue(LocalDate deadline, Instant at) {
        add(StepKind.OVERDUE, SYSTEM, at, "期限 " + deadline + " 已过，未销号");
    }

    void reminded(String deadlineLabel, LocalDate date, Instant at) {
        add(StepKind.REMINDED, SYSTEM, at, deadlineLabel + "期限 " + date);
    }

    void escalated(EscalationRule rule, String fromMeasure, MeasurePlan newPlan, Instant at) {
        add(StepKind.ESCALATED, SYSTEM, at, rule.trigger() + "：" + (newPlan == null ? rule.action()
                : fromMeasure + " → " + newPlan.measureName() + "，新期限 " + deadlineText(newPlan.deadline())
                + (rule.action() == null ? "" : "（" + rule.action() + "）")));
    }

    void realigned(String fromMeasure, LocalDate fromDeadline, MeasurePlan plan, LocalDate deadline, String reason, String by,
                   Instant at) {
        add(StepKind.REALIGNED, by, at, fromMeasure + " " + deadlineText(fromDeadline) + " → " + plan.measureName() + " "
                + deadlineText(deadline) + (reason == null ? "" : "（" + reason + "）"));
    }

    void townAssigned(TownReport report, String by, Instant at) {
        add(StepKind.ASSIGNED, by, at, report.personName() + (report.personPhone() == null ? "" : " " + report.personPhone())
                + "（" + report.source() + "）");
    }

    void townDeadline(TownReport report, String by, Instant at) {
        add(StepKind.TOWN_DEADLINE, by, at, "填报整治期限：" + report.deadlineText() + "（不是确切日期，未作为期限；" + report.source() + "）");
    }

    /** What a town's report claims and changes nothing: 完成情况, and a 整治要求 that differs from the measure. */
    void townClaims(TownReport report, MeasurePlan plan, boolean requirementDiffers, String by, Instant at) {
        if (report.progress() != null) {
            add(StepKind.PROGRESS_CLAIMED, by, at, "填报完成情况：" + report.progress());
        }
        if (requirementDiffers) {
            add(StepKind.REQUIREMENT_DIFFERS, by, at, "填报要求与方案不一致：填报“" + report.requirement() + "”，方案“"
                    + plan.measureName() + "”");
        }
    }

    void requirementSettled(TownReport report, MeasurePlan plan, String settlement, String by, Instant at) {
        add(StepKind.REQUIREMENT_SETTLED, by, at, "填报要求“" + report.requirement() + "”与方案“" + plan.measureName()
                + "”不一致，已处理：" + settlement);
    }

    /** A deadline as the timeline and the messages write it: 待定 while not set. */
    static String deadlineText(LocalDate date) {
        return date == null ? "待定" : date.toString();
    }
}
