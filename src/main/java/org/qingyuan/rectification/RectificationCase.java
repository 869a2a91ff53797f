package org.qingyuan.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.qingyuan.policy.MeasureKind;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;

/**
 * The work on one enterprise until close-out. Every transition is a method that checks its rule and refuses (409,
 * nothing changed) when the case is not in a state to take it; the timeline records each step.
 */
public final class RectificationCase {

    private final Long id;
    private final long enterpriseId;
    private final String divisionCode;
    private MeasurePlan plan;
    private CaseState state;
    private ResponsiblePersons responsible;
    private final CaseItems items;
    private final CaseEnforcements enforcements;
    private final CaseSteps steps = new CaseSteps();
    private final CaseSchedule schedule;
    private SignOff signOff;
    private AppliedTownReport town;
    private final Instant openedAt;
    private final int version;

    private RectificationCase(StoredCase s, List<ItemRecord> items, List<JointEnforcement> enforcements) {
        this.id = s.id();
        this.enterpriseId = s.enterpriseId();
        this.divisionCode = Objects.requireNonNull(s.divisionCode());
        this.plan = Objects.requireNonNull(s.plan());
        this.schedule = new CaseSchedule(s.deadline(), s.overdueSince(), s.appliedEscalations());
        this.state = s.state();
        this.responsible = s.responsible() == null ? ResponsiblePersons.townOf(divisionCode) : s.responsible();
        this.items = new CaseItems(items);
        this.enforcements = new CaseEnforcements(enforcements);
        this.signOff = new SignOff(s.acceptedBy(), s.acceptanceRecord(), s.closedOutBy(), s.closedOutOn());
        this.town = new AppliedTownReport(s.townReport(), s.townRequirementSettled());
        this.openedAt = s.openedAt();
        this.version = s.version();
    }

    /** Opens a case from a classification's plan. */
    public static RectificationCase open(long enterpriseId, String divisionCode, MeasurePlan plan, ResponsiblePersons responsible,
                                         String by, Instant at) {
        var c = new RectificationCase(new StoredCase(null, enterpriseId, divisionCode, plan, plan.deadline(), CaseState.REGISTERED,
                responsible, List.of(), null, null, null, null, null, null, null, at, 0), List.of(), List.of());
        c.steps.opened(plan, by, at);
        return c;
    }

    /** Rebuilds a stored case (persistence only). */
    public static RectificationCase restore(StoredCase s, List<ItemRecord> items, List<JointEnforcement> enforcements) {
        return new RectificationCase(s, items, enforcements);
    }

    /**
     * Applies the town's survey-ledger report: its 分包责任人 unless one is named; a readable 整治期限 as the deadline
     * (责令限期), a vague one as text; 完成情况 as a claim only; a differing 整治要求 for the district to settle.
     */
    public void applyTownReport(TownReport report, String by, Instant at) {
        town = new AppliedTownReport(Objects.requireNonNull(report), null);
        if (report.personName() != null && !responsible.named() && state.open()) {
            responsible = responsible.withPerson(report.personName(), report.personPhone());
            steps.townAssigned(report, by, at);
        }
        if (report.deadline() != null && (state.acceptsWork() || state == CaseState.AWAITING_ACCEPTANCE)) {
            steps.deadlineSet(schedule.move(report.deadline()), report.deadline(), "责令限期，" + report.source(), by, at);
        } else if (report.deadline() == null && report.deadlineText() != null) {
            steps.townDeadline(report, by, at);
        }
        steps.townClaims(report, plan, requirementDiffers(), by, at);
    }

    /** The district settles a written requirement that differs from the measure (the measure stands, the report was wrong). */
    public void settleTownRequirement(String reason, String by, Instant at) {
        town = town.settle(plan, reason);
        steps.requirementSettled(town.report(), plan, town.settlement(), by, at);
    }

    /** The town's 整治要求 names another measure than the case's. */
    public boolean requirementDiffers() {
        return town.requirementDiffers(plan);
    }

    /** What the town's report leaves for officials to look at (待核实, 填报要求与方案不一致). */
    public List<String> townReportFlags() {
        return town.flags(plan, state != CaseState.CLOSED_OUT && !missingItems().isEmpty());
    }

    /** Records the work and evidence for one required item; a case still registered is then in progress. */
    public void recordItem(Requirement requirement, String by, Instant at, String note, List<Long> evidenceIds,
                           Long utilityConfirmationId, Permit permit, List<String> flags) {
        state.requireAcceptsWork("记录整治情况");
        ItemRecord item = items.record(plan, requirement, by, at, note, evidenceIds, utilityConfirmationId, permit, flags);
        state = state.withWorkStarted();
        steps.itemRecorded(item, at);
    }

    /** A second person confirms flagged evidence after looking at it. */
    public void reviewFlags(Requirement requirement, String by, Instant at) {
        state.requireAcceptsWork("复核证据");
        steps.evidenceReviewed(items.review(requirement, by, at), by, at);
    }

    /** 联合执法 after the deadline passed without the owner clearing. */
    public void recordJointEnforcement(JointEnforcement action, LocalDate today, Instant at) {
        state.requireAcceptsWork("记录联合执法");
        schedule.requirePast(today, "尚不能组织联合执法");
        enforcements.record(action);
        state = state.withWorkStarted();
        steps.jointEnforcement(action, at);
    }

    /** Every item done: the case waits for the on-site acceptance. */
    public void submitForAcceptance(String by, Instant at) {
        state.requireAcceptsWork("提请验收");
        items.requireComplete(plan, "提请验收");
        state = CaseState.AWAITING_ACCEPTANCE;
        steps.add(StepKind.SUBMITTED_FOR_ACCEPTANCE, by, at, null);
    }

    /** 验收 on site by someone who recorded none of the work (four eyes). */
    public void accept(String by, String onSiteRecord, Instant at) {
        state.refuseUnless(state == CaseState.AWAITING_ACCEPTANCE, "不能验收");
        items.requireNoneRecordedBy(by);
        signOff = signOff.accepted(by, onSiteRecord);
        state = CaseState.ACCEPTED;
        steps.add(StepKind.ACCEPTED, by, at, signOff.acceptanceRecord());
    }

    /** The acceptance found the work not done: back to work. */
    public void rejectAcceptance(String by, String reason, Instant at) {
        state.refuseUnless(state == CaseState.AWAITING_ACCEPTANCE, "不能退回");
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请填写验收不通过的原因");
        }
        state = CaseState.IN_PROGRESS;
        steps.add(StepKind.ACCEPTANCE_REJECTED, by, at, reason);
    }

    /** 销号, approved by the town; refused naming the first missing item. */
    public void closeOut(String by, LocalDate on, Instant at) {
        items.requireComplete(plan, "销号");
        state.refuseUnless(state == CaseState.ACCEPTED, "须验收通过后才能销号");
        signOff = signOff.closedOut(by, on);
        state = CaseState.CLOSED_OUT;
        steps.add(StepKind.CLOSED_OUT, by, at, on.toString());
    }

    /** The daily sweep finds the main deadline passed: marked once, until a new deadline lifts it. */
    public boolean markOverdue(LocalDate today, Instant at) {
        boolean marked = (state.acceptsWork() || state == CaseState.AWAITING_ACCEPTANCE) && schedule.markOverdue(today);
        if (marked) {
            steps.overdue(schedule.deadline(), at);
        }
        return marked;
    }

    /** A reminder went out before a deadline: kept in the timeline. */
    public void reminded(String deadlineLabel, LocalDate date, Instant at) {
        steps.reminded(deadlineLabel, date, at);
    }

    /** Escalation rules whose deadline has passed and that were not applied yet. */
    public List<EscalationRule> dueEscalations(LocalDate today) {
        return state.acceptsWork() ? schedule.dueEscalations(plan, today) : List.of();
    }

    /**
     * Applies a policy's escalation after its deadline passed: under a new measure (items kept where it needs them
     * too), or, without one, marked escalated with the plan's action (通报, 约谈 …).
     */
    public void escalate(EscalationRule rule, MeasurePlan newPlan, LocalDate today, Instant at) {
        state.requireAcceptsWork("升级处置措施");
        schedule.escalate(rule, plan, today);
        String from = plan.measureName();
        if (newPlan != null) {
            changePlan(newPlan, newPlan.deadline());
        }
        state = CaseState.ESCALATED;
        steps.escalated(rule, from, newPlan, at);
    }

    /** A new classification while the case is open: measure, items and deadlines follow it. */
    public void realign(MeasurePlan newPlan, String by, String reason, Instant at) {
        if (state == CaseState.CLOSED_OUT) {
            throw new ConflictException("已销号的案件不随分类调整，请先重新打开");
        }
        String fromMeasure = plan.measureName();
        LocalDate fromDeadline = schedule.deadline();
        // the town's 责令限期 stays the case's deadline when the classification changes
        changePlan(newPlan, town.report() != null && town.report().deadline() != null ? town.report().deadline() : newPlan.deadline());
        state = state.realigned();
        steps.realigned(fromMeasure, fromDeadline, newPlan, schedule.deadline(), reason, by, at);
    }

    /** The classification no longer calls for a measure: the open case is withdrawn, its timeline kept. */
    public void withdraw(String by, String reason, Instant at) {
        state.refuseUnless(state.open(), "不能撤销");
        state = CaseState.WITHDRAWN;
        signOff = signOff.withoutAcceptance();
        steps.add(StepKind.WITHDRAWN, by, at, reason);
    }

    /** A closed case opens again: a rebound (死灰复燃) found on a revisit, or an error found later. */
    public void reopen(String by, String reason, Instant at) {
        if (state != CaseState.CLOSED_OUT) {
            throw new ConflictException("只有已销号的案件可以重新打开");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请填写重新打开的原因");
        }
        state = CaseState.REOPENED;
        signOff = SignOff.NONE;
        schedule.liftOverdue();
        items.clear();
        steps.add(StepKind.REOPENED, by, at, reason);
    }

    /** 包保: names the town, village, department and person answerable, the department by its name on the timeline. */
    public void assign(ResponsiblePersons persons, String departmentName, String by, Instant at) {
        state.refuseUnless(state.open(), "不能调整包保责任");
        ResponsiblePersons.requireAnswerable(persons, divisionCode);
        responsible = persons;
        steps.assigned(persons, departmentName, by, at);
    }

    /** Sets the main deadline where the plan leaves it to the case (责令限期), or changes it with a reason. */
    public void setDeadline(LocalDate date, String reason, String by, Instant at) {
        state.requireAcceptsWork("设定期限");
        steps.deadlineSet(schedule.set(date, reason), date, reason.strip(), by, at);
    }

    /** Past its main deadline and not closed out. */
    public boolean overdue(LocalDate today) {
        return state.open() && schedule.past(today);
    }

    /** The required items not yet done, in the policy's order. */
    public List<Requirement> missingItems() {
        return items.missing(plan);
    }

    /** What the official forms call the state: 补办手续 / 正在整治 / 正在拆除 / 搬迁中 while work is under way. */
    public String progressLabel() {
        return state.acceptsWork() && state != CaseState.REGISTERED ? Requirements.progressLabel(measure(), requirements()) : state.label();
    }

    private void changePlan(MeasurePlan newPlan, LocalDate deadline) {
        plan = newPlan;
        items.keepFor(newPlan);
        schedule.move(deadline);
        signOff = signOff.withoutAcceptance();
    }

    public Long id() { return id; }
    public long enterpriseId() { return enterpriseId; }
    public String divisionCode() { return divisionCode; }
    public MeasurePlan plan() { return plan; }
    public MeasureKind measure() { return plan.measure(); }
    public String measureName() { return plan.measureName(); }
    public List<Requirement> requirements() { return plan.requirements(); }
    public LocalDate deadline() { return schedule.deadline(); }
    public CaseState state() { return state; }
    public ResponsiblePersons responsible() { return responsible; }
    public Map<Requirement, ItemRecord> items() { return items.asMap(); }
    public List<JointEnforcement> enforcements() { return enforcements.all(); }
    /** Joint enforcements recorded since the case was loaded, to store. */
    public List<JointEnforcement> newEnforcements() { return enforcements.added(); }
    /** Steps taken since the case was loaded, to append to its stored timeline. */
    public List<CaseStep> newSteps() { return steps.list(); }
    public List<String> appliedEscalations() { return schedule.appliedEscalations(); }
    public LocalDate overdueSince() { return schedule.overdueSince(); }
    public String acceptedBy() { return signOff.acceptedBy(); }
    public String acceptanceRecord() { return signOff.acceptanceRecord(); }
    public String closedOutBy() { return signOff.closedOutBy(); }
    public LocalDate closedOutOn() { return signOff.closedOutOn(); }
    public TownReport townReport() { return town.report(); }
    public String townRequirementSettled() { return town.settlement(); }
    public Instant openedAt() { return openedAt; }
    public int version() { return version; }
}
