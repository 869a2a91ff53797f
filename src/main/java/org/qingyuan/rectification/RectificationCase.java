package org.qingyuan.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
    private MeasureKind measure;
    private String measureName;
    private List<Requirement> requirements;
    private LocalDate deadline;
    private CaseState state;
    private ResponsiblePersons responsible;
    private final Map<Requirement, ItemRecord> items = new EnumMap<>(Requirement.class);
    private final List<JointEnforcement> enforcements = new ArrayList<>();
    private final List<CaseStep> steps = new ArrayList<>();
    private String acceptedBy;
    private String acceptanceRecord;
    private String closedOutBy;
    private LocalDate closedOutOn;
    private final int version;

    private RectificationCase(Long id, long enterpriseId, String divisionCode, MeasureKind measure, String measureName,
                              List<Requirement> requirements, LocalDate deadline, CaseState state,
                              ResponsiblePersons responsible, int version) {
        this.id = id;
        this.enterpriseId = enterpriseId;
        this.divisionCode = divisionCode;
        this.measure = Objects.requireNonNull(measure);
        this.measureName = measureName;
        this.requirements = List.copyOf(requirements);
        this.deadline = deadline;
        this.state = state;
        this.responsible = responsible;
        this.version = version;
    }

    /** Opens a case from a classification; its requirements default to the measure's when the policy gives none. */
    public static RectificationCase open(long enterpriseId, String divisionCode, MeasureKind measure, String measureName,
                                         List<Requirement> requirements, LocalDate deadline, ResponsiblePersons responsible,
                                         String by, Instant at) {
        var c = new RectificationCase(null, enterpriseId, divisionCode, measure, measureName,
                requirements == null || requirements.isEmpty() ? measure.defaultRequirements() : requirements,
                deadline, CaseState.REGISTERED, responsible, 0);
        c.step("OPENED", by, at, measureName + "，期限 " + deadline);
        return c;
    }

    /** Rebuilds a stored case (persistence only). */
    public static RectificationCase restore(long id, long enterpriseId, String divisionCode, MeasureKind measure,
                                            String measureName, List<Requirement> requirements, LocalDate deadline,
                                            CaseState state, ResponsiblePersons responsible, List<ItemRecord> items,
                                            List<JointEnforcement> enforcements, String acceptedBy, String acceptanceRecord,
                                            String closedOutBy, LocalDate closedOutOn, int version) {
        var c = new RectificationCase(id, enterpriseId, divisionCode, measure, measureName, requirements, deadline, state,
                responsible, version);
        items.forEach(i -> c.items.put(i.requirement(), i));
        c.enforcements.addAll(enforcements);
        c.acceptedBy = acceptedBy;
        c.acceptanceRecord = acceptanceRecord;
        c.closedOutBy = closedOutBy;
        c.closedOutOn = closedOutOn;
        return c;
    }

    /** Records the work and evidence for one required item; a case still registered is then in progress. */
    public void recordItem(Requirement requirement, String by, Instant at, String note, List<Long> evidenceIds,
                           Long utilityConfirmationId, List<String> flags) {
        requireOpen("记录整治情况");
        if (!requirements.contains(requirement)) {
            throw new ConflictException("本案的处置措施（" + measureName + "）不要求“" + requirement.label() + "”");
        }
        if (evidenceIds == null || evidenceIds.isEmpty()) {
            throw new InvalidInputException("evidenceIds", "“" + requirement.label() + "”需要至少一份现场证据（照片或文件）");
        }
        if (requirement.needsUtilityConfirmation() && utilityConfirmationId == null) {
            throw new InvalidInputException("utilityConfirmationId", "“" + requirement.label() + "”需要供水或供电单位的确认文件");
        }
        items.put(requirement, new ItemRecord(requirement, by, at, note, evidenceIds, utilityConfirmationId,
                flags == null ? List.of() : flags, null));
        if (state == CaseState.REGISTERED) {
            state = CaseState.IN_PROGRESS;
        }
        step("ITEM_RECORDED", by, at, requirement.label() + (flags == null || flags.isEmpty() ? "" : "（待复核：" + String.join("；", flags) + "）"));
    }

    /** A second person confirms flagged evidence after looking at it. */
    public void reviewFlags(Requirement requirement, String by, Instant at) {
        ItemRecord item = Optional.ofNullable(items.get(requirement))
                .orElseThrow(() -> new ConflictException("“" + requirement.label() + "”尚未记录"));
        if (item.flags().isEmpty()) {
            throw new ConflictException("“" + requirement.label() + "”的证据没有待复核的问题");
        }
        if (item.recordedBy().equals(by)) {
            throw new ConflictException("复核须由记录人以外的人员进行");
        }
        items.put(requirement, item.reviewed(by));
        step("EVIDENCE_REVIEWED", by, at, requirement.label());
    }

    /** 联合执法 after the deadline passed without the owner clearing. */
    public void recordJointEnforcement(JointEnforcement action, LocalDate today, Instant at) {
        requireOpen("记录联合执法");
        if (deadline == null || !today.isAfter(deadline)) {
            throw new ConflictException("期限（" + deadline + "）未到，尚不能组织联合执法");
        }
        if (action.departmentCodes().size() < 2) {
            throw new InvalidInputException("departmentCodes", "联合执法须有至少两个部门参加");
        }
        enforcements.add(action);
        step("JOINT_ENFORCEMENT", action.recordedBy(), at, action.date() + " " + String.join("、", action.departmentCodes()));
    }

    /** Every item done: the case waits for the on-site acceptance. */
    public void submitForAcceptance(String by, Instant at) {
        requireOpen("提请验收");
        requireComplete("提请验收");
        state = CaseState.AWAITING_ACCEPTANCE;
        step("SUBMITTED_FOR_ACCEPTANCE", by, at, null);
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
        step("ACCEPTED", by, at, acceptanceRecord);
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
        step("ACCEPTANCE_REJECTED", by, at, reason);
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
        step("CLOSED_OUT", by, at, on.toString());
    }

    /** The policy's escalation after the deadline: the case goes on under the new measure. */
    public void escalate(MeasureKind newMeasure, String newMeasureName, List<Requirement> newRequirements,
                         LocalDate newDeadline, LocalDate today, Instant at) {
        requireOpen("升级处置措施");
        if (!overdue(today)) {
            throw new ConflictException("期限未到，不能升级处置措施");
        }
        String from = measureName;
        changeMeasure(newMeasure, newMeasureName, newRequirements, newDeadline);
        state = CaseState.ESCALATED;
        step("ESCALATED", "system", at, from + " → " + newMeasureName + "，新期限 " + newDeadline);
    }

    /** A new classification while the case is open: measure, items and deadline follow it. */
    public void realign(MeasureKind newMeasure, String newMeasureName, List<Requirement> newRequirements,
                        LocalDate newDeadline, String by, Instant at) {
        if (state == CaseState.CLOSED_OUT) {
            throw new ConflictException("已销号的案件不随分类调整，请先重新打开");
        }
        String from = measureName + " " + deadline;
        changeMeasure(newMeasure, newMeasureName, newRequirements, newDeadline);
        if (state == CaseState.AWAITING_ACCEPTANCE || state == CaseState.ACCEPTED) {
            state = CaseState.IN_PROGRESS;
        }
        step("REALIGNED", by, at, from + " → " + newMeasureName + " " + newDeadline);
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
        items.clear();
        step("REOPENED", by, at, reason);
    }

    /** Past its deadline and not closed out. */
    public boolean overdue(LocalDate today) {
        return state != CaseState.CLOSED_OUT && deadline != null && today.isAfter(deadline);
    }

    /** The required items not yet done, in the policy's order. */
    public List<Requirement> missingItems() {
        return requirements.stream().filter(r -> items.get(r) == null || !items.get(r).complete()).toList();
    }

    /** What the official forms call the state: 补办手续 / 正在整治 / 正在拆除 / 搬迁中 while work is under way. */
    public String progressLabel() {
        return state.open() && state != CaseState.REGISTERED ? measure.progressLabel() : state.label();
    }

    private void changeMeasure(MeasureKind newMeasure, String newMeasureName, List<Requirement> newRequirements,
                               LocalDate newDeadline) {
        measure = newMeasure;
        measureName = newMeasureName;
        requirements = List.copyOf(newRequirements == null || newRequirements.isEmpty()
                ? newMeasure.defaultRequirements() : newRequirements);
        items.keySet().retainAll(requirements);
        deadline = newDeadline;
        acceptedBy = null;
        acceptanceRecord = null;
    }

    private void requireOpen(String what) {
        if (!state.open()) {
            throw new ConflictException("当前状态为“" + state.label() + "”，不能" + what);
        }
    }

    private void requireComplete(String what) {
        List<Requirement> missing = missingItems();
        if (!missing.isEmpty()) {
            Requirement first = missing.get(0);
            ItemRecord item = items.get(first);
            String why = item == null ? "未记录" : !item.flags().isEmpty() && item.reviewedBy() == null ? "证据待复核" : "证据不全";
            throw new ConflictException("不能" + what + "：缺少“" + first.label() + "”（" + why + "）"
                    + (missing.size() > 1 ? "等 " + missing.size() + " 项" : ""));
        }
    }

    private void step(String kind, String by, Instant at, String detail) {
        steps.add(new CaseStep(kind, by, at, detail));
    }

    public Long id() { return id; }
    public long enterpriseId() { return enterpriseId; }
    public String divisionCode() { return divisionCode; }
    public MeasureKind measure() { return measure; }
    public String measureName() { return measureName; }
    public List<Requirement> requirements() { return requirements; }
    public LocalDate deadline() { return deadline; }
    public CaseState state() { return state; }
    public ResponsiblePersons responsible() { return responsible; }
    public Map<Requirement, ItemRecord> items() { return Map.copyOf(items); }
    public List<JointEnforcement> enforcements() { return List.copyOf(enforcements); }
    /** Steps taken since the case was loaded, to append to its stored timeline. */
    public List<CaseStep> newSteps() { return List.copyOf(steps); }
    public String acceptedBy() { return acceptedBy; }
    public String acceptanceRecord() { return acceptanceRecord; }
    public String closedOutBy() { return closedOutBy; }
    public LocalDate closedOutOn() { return closedOutOn; }
    public int version() { return version; }
}
