package org.qingyuan.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.qingyuan.policy.MeasureKind;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;

/**
 * The work on one enterprise until close-out. Every transition is a method that checks its
 * rule and refuses (409, nothing changed) when the case is not in a state to take it; the
 * timeline records each step.
 */
public final class RectificationCase {

    private final Long id;
    private final long enterpriseId;
    private final String divisionCode;
    private MeasurePlan plan;
    private LocalDate deadline;
    private CaseState state;
    private ResponsiblePersons responsible;
    private final Map<Requirement, ItemRecord> items = new EnumMap<>(Requirement.class);
    private final List<JointEnforcement> enforcements = new ArrayList<>();
    private final List<JointEnforcement> newEnforcements = new ArrayList<>();
    private final List<CaseStep> steps = new ArrayList<>();
    private final Set<String> appliedEscalations = new LinkedHashSet<>();
    private LocalDate overdueSince;
    private String acceptedBy;
    private String acceptanceRecord;
    private String closedOutBy;
    private LocalDate closedOutOn;
    private TownReport townReport;
    private String townRequirementSettled;
    private final Instant openedAt;
    private final int version;

    private RectificationCase(Long id, long enterpriseId, String divisionCode, MeasurePlan plan, LocalDate deadline,
                              CaseState state, ResponsiblePersons responsible, Instant openedAt, int version) {
        this.id = id;
        this.enterpriseId = enterpriseId;
        this.divisionCode = Objects.requireNonNull(divisionCode);
        this.plan = Objects.requireNonNull(plan);
        this.deadline = deadline;
        this.state = state;
        this.responsible = responsible == null ? ResponsiblePersons.townOf(divisionCode) : responsible;
        this.openedAt = openedAt;
        this.version = version;
    }

    /** Opens a case from a classification's plan. */
    public static RectificationCase open(long enterpriseId, String divisionCode, MeasurePlan plan, ResponsiblePersons responsible,
                                         String by, Instant at) {
        var c = new RectificationCase(null, enterpriseId, divisionCode, plan, plan.deadline(), CaseState.REGISTERED,
                responsible, at, 0);
        c.step(StepKind.OPENED, by, at, plan.measureName() + "，期限 " + deadlineText(plan.deadline()));
        return c;
    }

    /** What persistence stores of a case besides its items, enforcements and timeline. */
    public record Stored(long id, long enterpriseId, String divisionCode, MeasurePlan plan, LocalDate deadline, CaseState state,
                         ResponsiblePersons responsible, List<String> appliedEscalations, LocalDate overdueSince,
                         String acceptedBy, String acceptanceRecord, String closedOutBy, LocalDate closedOutOn,
                         Instant openedAt, int version) {
    }

    /** Rebuilds a stored case (persistence only). */
    public static RectificationCase restore(Stored s, List<ItemRecord> items, List<JointEnforcement> enforcements) {
        var c = new RectificationCase(s.id(), s.enterpriseId(), s.divisionCode(), s.plan(), s.deadline(), s.state(),
                s.responsible(), s.openedAt(), s.version());
        items.forEach(i -> c.items.put(i.requirement(), i));
        c.enforcements.addAll(enforcements);
        c.appliedEscalations.addAll(s.appliedEscalations());
        c.overdueSince = s.overdueSince();
        c.acceptedBy = s.acceptedBy();
        c.acceptanceRecord = s.acceptanceRecord();
        c.closedOutBy = s.closedOutBy();
        c.closedOutOn = s.closedOutOn();
        return c;
    }

    /** Restores the town's report as applied and how its requirement was settled (persistence only). */
    public RectificationCase withStoredTownReport(TownReport report, String requirementSettled) {
        this.townReport = report;
        this.townRequirementSettled = requirementSettled;
        return this;
    }

    /**
     * Applies what the town wrote in its survey ledger: its 分包责任人 becomes the responsible person unless one is
     * named; a readable 整治期限 becomes the case's deadline (责令限期) with the file and row as its basis, a vague one
     * is kept as text; 完成情况 is recorded as a claim (it changes no item and no state); a 整治要求 that differs from
     * the measure is recorded for the district to settle.
     */
    public void applyTownReport(TownReport report, String by, Instant at) {
        Objects.requireNonNull(report);
        townReport = report;
        townRequirementSettled = null;
        boolean assignable = state.open();
        if (report.personName() != null && !responsible.named() && assignable) {
            responsible = new ResponsiblePersons(responsible.townCode(), responsible.villageCode(), responsible.departmentCode(),
                    report.personName(), report.personPhone(), null);
            step(StepKind.ASSIGNED, by, at, report.personName() + (report.personPhone() == null ? "" : " " + report.personPhone())
                    + "（" + report.source() + "）");
        }
        if (report.deadline() != null && (state.acceptsWork() || state == CaseState.AWAITING_ACCEPTANCE)) {
            String from = deadlineText(deadline);
            deadline = report.deadline();
            overdueSince = null;
            step(StepKind.DEADLINE_SET, by, at, from + " → " + deadline + "（责令限期，" + report.source() + "）");
        } else if (report.deadline() == null && report.deadlineText() != null) {
            step(StepKind.TOWN_DEADLINE, by, at, "填报整治期限：" + report.deadlineText() + "（不是确切日期，未作为期限；" + report.source() + "）");
        }
        if (report.progress() != null) {
            step(StepKind.PROGRESS_CLAIMED, by, at, "填报完成情况：" + report.progress());
        }
        if (requirementDiffers()) {
            step(StepKind.REQUIREMENT_DIFFERS, by, at, "填报要求与方案不一致：填报“" + report.requirement() + "”，方案“"
                    + plan.measureName() + "”");
        }
    }

    /** The district settles a written requirement that differs from the measure (the measure stands, the report was wrong). */
    public void settleTownRequirement(String reason, String by, Instant at) {
        if (!requirementDiffers() || townRequirementSettled != null) {
            throw new ConflictException("本案没有待处理的“填报要求与方案不一致”");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请写明处理意见（如：按方案执行，填报有误）");
        }
        townRequirementSettled = reason.strip();
        step(StepKind.REQUIREMENT_SETTLED, by, at, "填报要求“" + townReport.requirement() + "”与方案“" + plan.measureName()
                + "”不一致，已处理：" + townRequirementSettled);
    }

    /** The town's 整治要求 names another measure than the case's. */
    public boolean requirementDiffers() {
        return townReport != null && townReport.requirement() != null && !TownReport.agrees(townReport.requirement(), plan);
    }

    /**
     * What the town's report leaves for officials to look at: 待核实 while a claimed 完成情况 is not backed by
     * evidenced items; 填报要求与方案不一致 until the district settles it (一企一策 or a correction).
     */
    public List<String> townReportFlags() {
        List<String> flags = new ArrayList<>();
        if (townReport != null && townReport.progress() != null && state != CaseState.CLOSED_OUT && !missingItems().isEmpty()) {
            flags.add("待核实");
        }
        if (requirementDiffers() && townRequirementSettled == null) {
            flags.add("填报要求与方案不一致");
        }
        return flags;
    }

    /** Records the work and evidence for one required item; a case still registered is then in progress. */
    public void recordItem(Requirement requirement, String by, Instant at, String note, List<Long> evidenceIds,
                           Long utilityConfirmationId, Permit permit, List<String> flags) {
        requireAcceptsWork("记录整治情况");
        if (!plan.requirements().contains(requirement)) {
            throw new ConflictException("本案的处置措施（" + plan.measureName() + "）不要求“" + requirement.label() + "”");
        }
        if (evidenceIds == null || evidenceIds.isEmpty()) {
            throw new InvalidInputException("evidenceIds", "“" + requirement.label() + "”需要至少一份现场证据（照片或文件）");
        }
        if (requirement.needsUtilityConfirmation() && utilityConfirmationId == null) {
            throw new InvalidInputException("utilityConfirmationId", "“" + requirement.label() + "”需要供水或供电单位的确认文件");
        }
        if (requirement.needsPermit() && (permit == null || !permit.complete())) {
            throw new InvalidInputException("permit", "“" + requirement.label() + "”须写明补办的手续名称、文号和日期");
        }
        List<String> checked = flags == null ? List.of() : flags;
        items.put(requirement, new ItemRecord(requirement, by, at, note, evidenceIds, utilityConfirmationId,
                requirement.needsPermit() ? permit : null, checked, null, null));
        if (state == CaseState.REGISTERED) {
            state = CaseState.IN_PROGRESS;
        }
        step(StepKind.ITEM_RECORDED, by, at, requirement.label() + (checked.isEmpty() ? "" : "（待复核：" + String.join("；", checked) + "）"));
    }

    /** A second person confirms flagged evidence after looking at it. */
    public void reviewFlags(Requirement requirement, String by, Instant at) {
        requireAcceptsWork("复核证据");
        ItemRecord item = Optional.ofNullable(items.get(requirement))
                .orElseThrow(() -> new ConflictException("“" + requirement.label() + "”尚未记录"));
        if (!item.awaitingReview()) {
            throw new ConflictException("“" + requirement.label() + "”的证据没有待复核的问题");
        }
        if (item.recordedBy().equals(by)) {
            throw new ConflictException("复核须由记录人以外的人员进行");
        }
        items.put(requirement, item.reviewed(by, at));
        step(StepKind.EVIDENCE_REVIEWED, by, at, requirement.label() + "：" + String.join("；", item.flags()));
    }

    /** 联合执法 after the deadline passed without the owner clearing. */
    public void recordJointEnforcement(JointEnforcement action, LocalDate today, Instant at) {
        requireAcceptsWork("记录联合执法");
        if (deadline == null || !today.isAfter(deadline)) {
            throw new ConflictException("期限（" + deadlineText(deadline) + "）未过，尚不能组织联合执法");
        }
        if (action.departmentCodes().size() < 2) {
            throw new InvalidInputException("departmentCodes", "联合执法须有至少两个部门参加");
        }
        enforcements.add(action);
        newEnforcements.add(action);
        if (state == CaseState.REGISTERED) {
            state = CaseState.IN_PROGRESS;
        }
        step(StepKind.JOINT_ENFORCEMENT, action.recordedBy(), at, action.date() + " " + String.join("、", action.departmentCodes())
                + (action.note() == null ? "" : "：" + action.note()));
    }

    /** Every item done: the case waits for the on-site acceptance. */
    public void submitForAcceptance(String by, Instant at) {
        requireAcceptsWork("提请验收");
        requireComplete("提请验收");
        state = CaseState.AWAITING_ACCEPTANCE;
        step(StepKind.SUBMITTED_FOR_ACCEPTANCE, by, at, null);
    }

    /** 验收 on site by someone who recorded none of the work (four eyes). */
    public void accept(String by, String onSiteRecord, Instant at) {
        if (state != CaseState.AWAITING_ACCEPTANCE) {
            throw new ConflictException("当前状态为“" + state.label() + "”，不能验收");
        }
        if (items.values().stream().anyMatch(i -> i.recordedBy().equals(by))) {
            throw new ConflictException("验收须由记录整治情况以外的人员进行（双人复核）");
        }
        if (onSiteRecord == null || onSiteRecord.isBlank()) {
            throw new InvalidInputException("onSiteRecord", "请填写现场验收记录");
        }
        acceptedBy = by;
        acceptanceRecord = onSiteRecord.strip();
        state = CaseState.ACCEPTED;
        step(StepKind.ACCEPTED, by, at, acceptanceRecord);
    }

    /** The acceptance found the work not done: back to work. */
    public void rejectAcceptance(String by, String reason, Instant at) {
        if (state != CaseState.AWAITING_ACCEPTANCE) {
            throw new ConflictException("当前状态为“" + state.label() + "”，不能退回");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请填写验收不通过的原因");
        }
        state = CaseState.IN_PROGRESS;
        step(StepKind.ACCEPTANCE_REJECTED, by, at, reason);
    }

    /** 销号, approved by the town; refused naming the first missing item. */
    public void closeOut(String by, LocalDate on, Instant at) {
        requireComplete("销号");
        if (state != CaseState.ACCEPTED) {
            throw new ConflictException("当前状态为“" + state.label() + "”，须验收通过后才能销号");
        }
        closedOutBy = by;
        closedOutOn = on;
        state = CaseState.CLOSED_OUT;
        step(StepKind.CLOSED_OUT, by, at, on.toString());
    }

    /** The daily sweep finds the main deadline passed: marked once, until a new deadline lifts it. */
    public boolean markOverdue(LocalDate today, Instant at) {
        if (!state.acceptsWork() && state != CaseState.AWAITING_ACCEPTANCE || !overdue(today) || overdueSince != null) {
            return false;
        }
        overdueSince = deadline.plusDays(1);
        step(StepKind.OVERDUE, "system", at, "期限 " + deadline + " 已过，未销号");
        return true;
    }

    /** A reminder went out before a deadline: kept in the timeline. */
    public void reminded(String deadlineLabel, LocalDate date, Instant at) {
        step(StepKind.REMINDED, "system", at, deadlineLabel + "期限 " + date);
    }

    /** Escalation rules whose deadline has passed and that were not applied yet. */
    public List<EscalationRule> dueEscalations(LocalDate today) {
        if (!state.acceptsWork()) {
            return List.of();
        }
        return plan.escalations().stream()
                .filter(r -> r.after() != null && !appliedEscalations.contains(r.key()))
                .filter(r -> deadlineOf(r.after()).map(today::isAfter).orElse(false))
                .toList();
    }

    /**
     * Applies a policy's escalation after its deadline passed: with a new measure the case goes on
     * under it (items kept where the new measure needs them too); without one the case is marked escalated
     * and the plan's action (通报, 约谈 …) recorded.
     */
    public void escalate(EscalationRule rule, MeasurePlan newPlan, LocalDate today, Instant at) {
        requireAcceptsWork("升级处置措施");
        LocalDate trigger = rule.after() == null ? null : deadlineOf(rule.after()).orElse(null);
        if (trigger == null || !today.isAfter(trigger)) {
            throw new ConflictException("期限未过，不能升级处置措施");
        }
        if (!appliedEscalations.add(rule.key())) {
            throw new ConflictException("该升级规则已执行过");
        }
        String from = plan.measureName();
        if (newPlan != null) {
            changePlan(newPlan);
            overdueSince = null;
        }
        state = CaseState.ESCALATED;
        step(StepKind.ESCALATED, "system", at, rule.trigger() + "：" + (newPlan == null ? rule.action()
                : from + " → " + newPlan.measureName() + "，新期限 " + deadlineText(newPlan.deadline())
                + (rule.action() == null ? "" : "（" + rule.action() + "）")));
    }

    /** A new classification while the case is open: measure, items and deadlines follow it. */
    public void realign(MeasurePlan newPlan, String by, String reason, Instant at) {
        if (state == CaseState.CLOSED_OUT) {
            throw new ConflictException("已销号的案件不随分类调整，请先重新打开");
        }
        String from = plan.measureName() + " " + deadlineText(deadline);
        changePlan(newPlan);
        if (townReport != null && townReport.deadline() != null) {
            // the town's 责令限期 stays the case's deadline when the classification changes
            deadline = townReport.deadline();
        }
        overdueSince = null;
        if (state == CaseState.AWAITING_ACCEPTANCE || state == CaseState.ACCEPTED) {
            state = CaseState.IN_PROGRESS;
        } else if (state == CaseState.WITHDRAWN) {
            state = CaseState.REOPENED;
        }
        step(StepKind.REALIGNED, by, at, from + " → " + newPlan.measureName() + " " + deadlineText(deadline)
                + (reason == null ? "" : "（" + reason + "）"));
    }

    /** The classification no longer calls for a measure: the open case is withdrawn, its timeline kept. */
    public void withdraw(String by, String reason, Instant at) {
        if (!state.open()) {
            throw new ConflictException("当前状态为“" + state.label() + "”，不能撤销");
        }
        state = CaseState.WITHDRAWN;
        acceptedBy = null;
        acceptanceRecord = null;
        step(StepKind.WITHDRAWN, by, at, reason);
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
        acceptedBy = null;
        acceptanceRecord = null;
        closedOutBy = null;
        closedOutOn = null;
        overdueSince = null;
        items.clear();
        step(StepKind.REOPENED, by, at, reason);
    }

    /** 包保: names the town, village, department and person answerable for the case. */
    public void assign(ResponsiblePersons persons, String by, Instant at) {
        assign(persons, persons == null ? null : persons.departmentCode(), by, at);
    }

    /** The same, naming the department on the timeline (生态环境 rather than its code). */
    public void assign(ResponsiblePersons persons, String departmentName, String by, Instant at) {
        if (!state.open()) {
            throw new ConflictException("当前状态为“" + state.label() + "”，不能调整包保责任");
        }
        if (persons == null || !persons.named()) {
            throw new InvalidInputException("personName", "请填写包保责任人姓名");
        }
        if (persons.personPhone() == null || persons.personPhone().isBlank()) {
            throw new InvalidInputException("personPhone", "请填写包保责任人联系电话");
        }
        if (persons.townCode() == null || !divisionCode.startsWith(persons.townCode())) {
            throw new InvalidInputException("townCode", "包保镇（街道）须为企业所在的镇（街道）");
        }
        if (persons.villageCode() != null && !divisionCode.startsWith(persons.villageCode())) {
            throw new InvalidInputException("villageCode", "包保村（社区）须为企业所在的村（社区）");
        }
        responsible = persons;
        step(StepKind.ASSIGNED, by, at, persons.personName() + " " + persons.personPhone()
                + (persons.departmentCode() == null ? "" : "，责任部门 " + departmentName));
    }

    /** Sets the main deadline where the plan leaves it to the case (责令限期), or changes it with a reason. */
    public void setDeadline(LocalDate date, String reason, String by, Instant at) {
        requireAcceptsWork("设定期限");
        if (date == null) {
            throw new InvalidInputException("deadline", "请填写期限");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请写明设定期限的依据（如责令限期通知书文号）");
        }
        String from = deadlineText(deadline);
        deadline = date;
        overdueSince = null;
        step(StepKind.DEADLINE_SET, by, at, from + " → " + date + "（" + reason.strip() + "）");
    }

    /** Past its main deadline and not closed out. */
    public boolean overdue(LocalDate today) {
        return state.open() && deadline != null && today.isAfter(deadline);
    }

    /** The required items not yet done, in the policy's order. */
    public List<Requirement> missingItems() {
        return plan.requirements().stream().filter(r -> items.get(r) == null || !items.get(r).complete()).toList();
    }

    /** What the official forms call the state: 补办手续 / 正在整治 / 正在拆除 / 搬迁中 while work is under way. */
    public String progressLabel() {
        return state.acceptsWork() && state != CaseState.REGISTERED ? Requirements.progressLabel(plan.measure(), plan.requirements())
                : state.label();
    }

    private Optional<LocalDate> deadlineOf(org.qingyuan.policy.DeadlineKind kind) {
        return plan.deadlines().stream().filter(d -> d.kind() == kind && d.date() != null).map(CaseDeadline::date).findFirst();
    }

    private void changePlan(MeasurePlan newPlan) {
        plan = newPlan;
        items.keySet().retainAll(newPlan.requirements());
        deadline = newPlan.deadline();
        acceptedBy = null;
        acceptanceRecord = null;
    }

    private void requireAcceptsWork(String what) {
        if (!state.acceptsWork()) {
            throw new ConflictException("当前状态为“" + state.label() + "”，不能" + what);
        }
    }

    private void requireComplete(String what) {
        List<Requirement> missing = missingItems();
        if (!missing.isEmpty()) {
            Requirement first = missing.get(0);
            ItemRecord item = items.get(first);
            String why = item == null ? "未记录" : item.awaitingReview() ? "证据待复核" : "证据不全";
            throw new ConflictException("不能" + what + "：缺少“" + first.label() + "”（" + why + "）"
                    + (missing.size() > 1 ? "等 " + missing.size() + " 项" : ""),
                    Map.of("missingItems", missing.stream().map(Enum::name).toList(),
                            "missingItemNames", missing.stream().map(Requirement::label).toList()));
        }
    }

    private static String deadlineText(LocalDate date) {
        return date == null ? "待定" : date.toString();
    }

    private void step(StepKind kind, String by, Instant at, String detail) {
        steps.add(new CaseStep(kind, by, at, detail));
    }

    public Long id() { return id; }
    public long enterpriseId() { return enterpriseId; }
    public String divisionCode() { return divisionCode; }
    public MeasurePlan plan() { return plan; }
    public MeasureKind measure() { return plan.measure(); }
    public String measureName() { return plan.measureName(); }
    public List<Requirement> requirements() { return plan.requirements(); }
    public LocalDate deadline() { return deadline; }
    public CaseState state() { return state; }
    public ResponsiblePersons responsible() { return responsible; }
    public Map<Requirement, ItemRecord> items() { return Map.copyOf(items); }
    public List<JointEnforcement> enforcements() { return List.copyOf(enforcements); }
    /** Joint enforcements recorded since the case was loaded, to store. */
    public List<JointEnforcement> newEnforcements() { return List.copyOf(newEnforcements); }
    /** Steps taken since the case was loaded, to append to its stored timeline. */
    public List<CaseStep> newSteps() { return List.copyOf(steps); }
    public List<String> appliedEscalations() { return List.copyOf(appliedEscalations); }
    public LocalDate overdueSince() { return overdueSince; }
    public String acceptedBy() { return acceptedBy; }
    public String acceptanceRecord() { return acceptanceRecord; }
    public String closedOutBy() { return closedOutBy; }
    public LocalDate closedOutOn() { return closedOutOn; }
    /** What the town wrote in its survey ledger, as applied; null when nothing was imported. */
    public TownReport townReport() { return townReport; }
    /** How the district settled a differing requirement, or null. */
    public String townRequirementSettled() { return townRequirementSettled; }
    public Instant openedAt() { return openedAt; }
    public int version() { return version; }
}
