package org.qingyuan.supervision.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Departments;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.RoleHolders;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.qingyuan.policy.SupervisionRules;
import org.qingyuan.policy.WorkingDays;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.supervision.Escalation;
import org.qingyuan.supervision.Problem;
import org.qingyuan.supervision.ProblemState;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tracking ledger (督查跟踪台账, S2): every problem found goes found → handed over to the town or a department with
 * a deadline in working days → rectified with evidence → verified by the supervisor → closed out (发现一家、移交一家，
 * 到位一家、销号一家). Past its deadline it climbs the plan's ladder (S3): a notice with a new deadline, then a summons.
 */
@Service
public class ProblemService implements org.qingyuan.supervision.SupervisionLedger {

    static final String OWNER_TYPE = "SupervisionProblem";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final SupervisionStore store;
    private final RoundService rounds;
    private final WorkingDays workingDays;
    private final Departments departments;
    private final Dossier dossier;
    private final RoleHolders holders;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.qingyuan.ledger.EnterpriseSites sites;
    private final org.qingyuan.rectification.Cases cases;

    ProblemService(SupervisionStore store, RoundService rounds, WorkingDays workingDays, Departments departments, Dossier dossier,
                   RoleHolders holders, Inbox inbox, AuditTrail audit, Clock clock, org.qingyuan.ledger.EnterpriseSites sites,
                   org.qingyuan.rectification.Cases cases) {
        this.sites = sites;
        this.cases = cases;
        this.store = store;
        this.rounds = rounds;
        this.workingDays = workingDays;
        this.departments = departments;
        this.dossier = dossier;
        this.holders = holders;
        this.inbox = inbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** A photo or document. */
    public record Upload(String fileName, byte[] content) {
    }

    @Override
    @Transactional(readOnly = true)
    public List<Problem> rows(CurrentUser user, ProblemState state, String townCode) {
        return list(user, state, townCode, null);
    }

    @Override
    @Transactional
    public Recorded record(CurrentUser user, List<RecordedProblem> rows) {
        if (!Visibility.seesAll(user) || user.role() == RoleCode.LEADER) {
            throw new org.springframework.security.access.AccessDeniedException("只有区办和督查组可以导入督查跟踪台账");
        }
        String district = RoundService.districtOf(user).value();
        var found = sites.sites(rows.stream().map(RecordedProblem::enterpriseId).toList());
        var briefs = cases.briefs(org.qingyuan.access.Scope.of(DivisionCode.of(district)));
        List<org.qingyuan.shared.FieldError> errors = new ArrayList<>();
        for (RecordedProblem r : rows) {
            var site = found.get(r.enterpriseId());
            String at = "第 " + r.row() + " 行";
            if (site == null || !site.divisionCode().startsWith(district)) {
                errors.add(new org.qingyuan.shared.FieldError("row" + r.row(), at + "：企业不在本区台账中"));
            } else if (r.description() == null || r.description().isBlank() || r.description().length() > 2000) {
                errors.add(new org.qingyuan.shared.FieldError("row" + r.row(), at + "：“整治要求”不能为空（2000 字以内）"));
            } else if (r.completedOn() != null && r.handedOn() == null) {
                errors.add(new org.qingyuan.shared.FieldError("row" + r.row(), at + "：已完成的问题应填写“移交日期”"));
            } else if (r.completedOn() != null && r.completedOn().isBefore(r.handedOn())) {
                errors.add(new org.qingyuan.shared.FieldError("row" + r.row(), at + "：完成日期早于移交日期"));
            } else if (r.handedOn() != null && r.handedOn().isAfter(today())) {
                errors.add(new org.qingyuan.shared.FieldError("row" + r.row(), at + "：移交日期晚于今天"));
            }
        }
        if (!errors.isEmpty()) {
            throw new org.qingyuan.shared.ValidationException(errors);
        }
        int already = 0;
        List<Long> ids = new ArrayList<>();
        SupervisionRules rules = rounds.rules();
        for (RecordedProblem r : rows) {
            var site = found.get(r.enterpriseId());
            String description = r.description().strip();
            boolean exists = !store.problems("p.enterprise_id = :e AND p.description = :d AND p.handed_at IS NOT DISTINCT FROM :h",
                    new MapSqlParameterSource("e", r.enterpriseId()).addValue("d", description)
                            .addValue("h", r.handedOn() == null ? null : java.sql.Timestamp.from(r.handedOn().atStartOfDay(CHINA).toInstant())), "p.id").isEmpty();
            if (exists) {
                already++;
                continue;
            }
            var brief = briefs.get(r.enterpriseId());
            Instant foundAt = r.handedOn() == null ? clock.instant() : r.handedOn().atStartOfDay(CHINA).toInstant();
            String town = site.divisionCode().substring(0, Math.min(9, site.divisionCode().length()));
            long id = store.insertProblem(null, r.enterpriseId(), site.name(), site.address(), town, site.divisionCode(),
                    brief == null ? null : brief.measureName(), brief == null ? null : brief.measureName(), description, foundAt,
                    user.username(), brief == null ? null : brief.caseId(), false);
            Problem p = store.lockProblem(id).orElseThrow();
            if (r.handedOn() != null) {
                String who = r.responsiblePerson() == null || r.responsiblePerson().isBlank() ? null : r.responsiblePerson().strip();
                LocalDate deadline = workingDays.calendar().plusWorkingDays(r.handedOn(), rules.rectifyWorkingDays());
                String set = r.completedOn() == null
                        ? "state = 'HANDED_OVER', handed_to_kind = 'TOWN', handed_to = :town, handed_at = :at, handed_by = :by, responsible_person = :person, deadline = :deadline"
                        : "state = 'CLOSED_OUT', handed_to_kind = 'TOWN', handed_to = :town, handed_at = :at, handed_by = :by, responsible_person = :person, "
                        + "deadline = :deadline, verified_at = :closed, verified_by = :by, closed_at = :closed, closed_by = :by";
                update(p, set, new MapSqlParameterSource("town", town).addValue("at", java.sql.Timestamp.from(foundAt)).addValue("by", user.username())
                        .addValue("person", who).addValue("deadline", deadline)
                        .addValue("closed", r.completedOn() == null ? null : java.sql.Timestamp.from(r.completedOn().atStartOfDay(CHINA).toInstant())));
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("row", r.row());
            details.put("enterpriseId", r.enterpriseId());
            details.put("handedOn", r.handedOn() == null ? "" : r.handedOn().toString());
            details.put("completedOn", r.completedOn() == null ? "" : r.completedOn().toString());
            audited("SUPERVISION_PROBLEM_IMPORTED", id, "导入督查跟踪台账", details);
            ids.add(id);
        }
        return new Recorded(ids.size(), already, ids);
    }

    /** A problem with its escalation steps. */
    public record ProblemView(Problem problem, List<Escalation> escalations, List<Attachment> files) {
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** The ledger's rows the user may see; {@code state}, {@code town} and {@code overdue} narrow it. */
    @Transactional(readOnly = true)
    public List<Problem> list(CurrentUser user, ProblemState state, String town, Boolean overdue) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder condition = new StringBuilder(Visibility.problems(user, params));
        if (state != null) {
            condition.append(" AND p.state = :state");
            params.addValue("state", state.name());
        }
        if (town != null && !town.isBlank()) {
            condition.append(" AND p.town_code = :town");
            params.addValue("town", town.strip());
        }
        if (Boolean.TRUE.equals(overdue)) {
            condition.append(" AND p.state = 'HANDED_OVER' AND p.deadline < :today");
            params.addValue("today", today());
        }
        return store.problems(condition.toString(), params, "p.found_at, p.id");
    }

    @Transactional(readOnly = true)
    public ProblemView get(CurrentUser user, long id) {
        Problem p = find(user, id);
        List<Attachment> files = new ArrayList<>(dossier.attachments(new EvidenceOwner(OWNER_TYPE, id), user.scope()));
        return new ProblemView(p, store.escalations(id), files);
    }

    private Problem find(CurrentUser user, long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        return store.problems(Visibility.problems(user, params) + " AND p.id = :id", params, "p.id").stream().findFirst()
                .orElseThrow(() -> notFound(id));
    }

    private Problem lock(CurrentUser user, long id, int version) {
        find(user, id);
        Problem p = store.lockProblem(id).orElseThrow(() -> notFound(id));
        if (p.version() != version) {
            throw new ConflictException("督查问题 #" + id + " 已被他人修改（当前版本 " + p.version() + "），请刷新后重试");
        }
        return p;
    }

    /**
     * Hands a found problem to the town (its office) or a department, with the person answerable; the deadline is the
     * plan's working days from today unless a later one is given.
     */
    @Transactional
    public ProblemView handOver(CurrentUser user, long id, int version, String toKind, String to, String person, LocalDate deadline) {
        Problem p = lock(user, id, version);
        if (p.state() != ProblemState.FOUND) {
            throw new ConflictException("督查问题 #" + id + " 已" + p.state().label() + "，不能再移交");
        }
        String target;
        if ("TOWN".equals(toKind)) {
            target = p.townCode();
        } else if ("DEPARTMENT".equals(toKind)) {
            if (to == null || departments.all().stream().noneMatch(d -> d.code().equals(to))) {
                throw new InvalidInputException("handedTo", "请选择接收移交的职能部门");
            }
            target = to;
        } else {
            throw new InvalidInputException("handedToKind", "移交对象应为 TOWN（属地镇街）或 DEPARTMENT（职能部门）");
        }
        SupervisionRules rules = rounds.rules();
        LocalDate due = workingDays.calendar().plusWorkingDays(today(), rules.rectifyWorkingDays());
        if (deadline != null) {
            if (deadline.isBefore(today())) {
                throw new InvalidInputException("deadline", "整改期限不能早于今天");
            }
            due = deadline;
        }
        String who = person == null || person.isBlank() ? null : person.strip();
        if (who != null && who.length() > 100) {
            throw new InvalidInputException("responsiblePerson", "分包责任人不能超过 100 个字");
        }
        update(p, """
                state = 'HANDED_OVER', handed_to_kind = :kind, handed_to = :to, handed_at = :at, handed_by = :by,
                responsible_person = :person, deadline = :deadline""",
                new MapSqlParameterSource("kind", toKind).addValue("to", target).addValue("at", ts()).addValue("by", user.username())
                        .addValue("person", who).addValue("deadline", due));
        notifyHolder(toKind, target, new Notice("SUPERVISION_HANDED_OVER", "督查发现问题已移交：" + p.enterpriseName(),
                p.description() + "。请于 " + due + " 前整改到位并报告。", "/supervision/problems/" + id, "supervision-problem-" + id + "-handed"));
        audited("SUPERVISION_PROBLEM_HANDED_OVER", id, null, Map.of("to", target, "kind", toKind, "deadline", due.toString()));
        return get(user, id);
    }

    /** The town or department reports the rectification, with a note and at least one photo or document. */
    @Transactional
    public ProblemView rectify(CurrentUser user, long id, int version, String note, List<Upload> files) {
        Problem p = lock(user, id, version);
        if (p.state() != ProblemState.HANDED_OVER) {
            throw new ConflictException("督查问题 #" + id + " 当前为“" + p.state().label() + "”，不能报告整改");
        }
        if ("DEPARTMENT".equals(p.handedToKind()) && !p.handedTo().equals(user.departmentCode())) {
            throw new ConflictException("督查问题 #" + id + " 已移交" + departments.name(p.handedTo()) + "，应由该部门报告整改");
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw new InvalidInputException("note", "请写明整改情况（2000 字以内）");
        }
        if (files == null || files.isEmpty()) {
            throw new InvalidInputException("files", "报告整改须附整改后的现场照片或文件");
        }
        List<Long> ids = new ArrayList<>();
        for (Upload f : files) {
            ids.add(dossier.attach(new EvidenceOwner(OWNER_TYPE, id), DivisionCode.of(p.divisionCode()), EvidenceCategory.AFTER,
                    f.fileName(), "督查问题整改 #" + id, new ByteArrayInputStream(f.content())).id());
        }
        update(p, "state = 'RECTIFIED', rectified_at = :at, rectified_by = :by, rectification_note = :note, "
                        + "rectification_photo_ids = rectification_photo_ids || :ids",
                new MapSqlParameterSource("at", ts()).addValue("by", user.username()).addValue("note", text)
                        .addValue("ids", ids.toArray(Long[]::new)));
        audited("SUPERVISION_PROBLEM_RECTIFIED", id, text, Map.of("files", ids));
        return get(user, id);
    }

    /** The supervisor verifies the rectification: accepted, or returned with the reason (the deadline stays). */
    @Transactional
    public ProblemView verify(CurrentUser user, long id, int version, boolean accepted, String reason) {
        requireSupervisor(user, id);
        Problem p = lock(user, id, version);
        if (p.state() != ProblemState.RECTIFIED) {
            throw new ConflictException("督查问题 #" + id + " 当前为“" + p.state().label() + "”，没有待核实的整改");
        }
        if (accepted) {
            update(p, "state = 'VERIFIED', verified_at = :at, verified_by = :by",
                    new MapSqlParameterSource("at", ts()).addValue("by", user.username()));
            audited("SUPERVISION_PROBLEM_VERIFIED", id, reason, Map.of());
        } else {
            String why = reason == null ? "" : reason.strip();
            if (why.isEmpty()) {
                throw new InvalidInputException("reason", "退回整改须写明原因");
            }
            update(p, "state = 'HANDED_OVER', rectified_at = NULL, rectified_by = NULL", new MapSqlParameterSource());
            notifyHolder(p.handedToKind(), p.handedTo(), new Notice("SUPERVISION_RETURNED", "督查问题整改被退回：" + p.enterpriseName(),
                    why, "/supervision/problems/" + id, "supervision-problem-" + id + "-returned-" + p.version()));
            audited("SUPERVISION_PROBLEM_RETURNED", id, why, Map.of());
        }
        return get(user, id);
    }

    /** 销号: a verified problem leaves the open ledger. */
    @Transactional
    public ProblemView closeOut(CurrentUser user, long id, int version) {
        requireSupervisor(user, id);
        Problem p = lock(user, id, version);
        if (p.state() != ProblemState.VERIFIED) {
            throw new ConflictException("督查问题 #" + id + " 须先经督查核实整改到位，才能销号");
        }
        update(p, "state = 'CLOSED_OUT', closed_at = :at, closed_by = :by", new MapSqlParameterSource("at", ts()).addValue("by", user.username()));
        audited("SUPERVISION_PROBLEM_CLOSED_OUT", id, null, Map.of());
        return get(user, id);
    }

    /** Records that a summons was held: when, who attended, the minutes and the commitments, with attachments. */
    @Transactional
    public ProblemView recordSummons(CurrentUser user, long escalationId, int version, LocalDate heldOn, String attendees, String minutes,
                                     String commitments, List<Upload> files) {
        Escalation e = store.lockEscalation(escalationId).orElseThrow(() -> new NotFoundException("督办记录 #" + escalationId + " 不存在"));
        requireSupervisor(user, e.problemId());
        Problem p = find(user, e.problemId());
        if (e.kind() != SupervisionRules.StepKind.SUMMONS) {
            throw new ConflictException("督办记录 #" + escalationId + " 是通报，不是约谈");
        }
        if (e.held()) {
            throw new ConflictException("约谈已于 " + e.heldOn() + " 记录，不能重复记录");
        }
        if (heldOn == null || heldOn.isAfter(today())) {
            throw new InvalidInputException("heldOn", "请填写约谈日期（不晚于今天）");
        }
        for (var field : List.of(Map.entry("attendees", attendees == null ? "" : attendees), Map.entry("minutes", minutes == null ? "" : minutes),
                Map.entry("commitments", commitments == null ? "" : commitments))) {
            if (field.getValue().isBlank() || field.getValue().length() > 4000) {
                throw new InvalidInputException(field.getKey(), switch (field.getKey()) {
                    case "attendees" -> "请填写参加约谈的人员";
                    case "minutes" -> "请填写约谈纪要";
                    default -> "请填写被约谈单位的整改承诺";
                } + "（4000 字以内）");
            }
        }
        List<Long> ids = attach(p, files, "约谈记录");
        if (!store.recordSummons(escalationId, version, heldOn, attendees.strip(), minutes.strip(), commitments.strip(), ids, clock.instant(),
                user.username())) {
            throw new ConflictException("约谈记录已被他人修改，请刷新后重试");
        }
        audited("SUPERVISION_SUMMONS_HELD", p.id(), minutes.strip(), Map.of("escalationId", escalationId, "heldOn", heldOn.toString(),
                "attendees", attendees.strip()));
        return get(user, p.id());
    }

    /** Attaches the notice's document (its number and the signed file) to a notice step. */
    @Transactional
    public ProblemView recordNotice(CurrentUser user, long escalationId, int version, String documentNo, List<Upload> files) {
        Escalation e = store.lockEscalation(escalationId).orElseThrow(() -> new NotFoundException("督办记录 #" + escalationId + " 不存在"));
        requireSupervisor(user, e.problemId());
        Problem p = find(user, e.problemId());
        String no = documentNo == null || documentNo.isBlank() ? null : documentNo.strip();
        if (no == null && (files == null || files.isEmpty())) {
            throw new InvalidInputException("documentNo", "请填写通报文号或上传通报文件");
        }
        List<Long> ids = attach(p, files, "通报文件");
        if (!store.recordNotice(escalationId, version, no, ids, clock.instant(), user.username())) {
            throw new ConflictException("通报记录已被他人修改，请刷新后重试");
        }
        audited("SUPERVISION_NOTICE_DOCUMENTED", p.id(), no, Map.of("escalationId", escalationId, "files", ids));
        return get(user, p.id());
    }

    /**
     * The daily sweep: each handed-over problem past its deadline takes the next step of the ladder — a notice with a
     * new deadline, then a summons of the town government — and who must act is told. Idempotent per day and step.
     */
    @Transactional
    public int escalate(LocalDate today) {
        SupervisionRules rules = rounds.rules();
        int steps = 0;
        for (Problem p : store.problems("p.state = 'HANDED_OVER' AND p.deadline < :today", new MapSqlParameterSource("today", today), "p.id")) {
            if (p.escalationLevel() >= rules.ladder().size()) {
                continue;
            }
            SupervisionRules.Step step = rules.ladder().get(p.escalationLevel());
            int level = p.escalationLevel() + 1;
            LocalDate deadline = workingDays.calendar().plusWorkingDays(today, step.deadlineWorkingDays());
            store.lockProblem(p.id());
            long id = store.insertEscalation(p.id(), level, step.kind(), step.action(), today, "system", deadline);
            String set = step.kind() == SupervisionRules.StepKind.NOTICE ? "escalation_level = :level, deadline = :deadline"
                    : "escalation_level = :level";
            if (!store.updateProblem(p.id(), p.version(), set, new MapSqlParameterSource("level", level).addValue("deadline", deadline))) {
                throw new ConflictException("督查问题 #" + p.id() + " 在逐级督办时被修改");
            }
            String title = step.kind().label() + "：" + p.enterpriseName() + " 督查问题逾期未整改";
            String body = step.action() + "（期限 " + deadline + "）。问题：" + p.description();
            Notice notice = new Notice("SUPERVISION_" + step.kind().name(), title, body, "/supervision/problems/" + p.id(),
                    "supervision-escalation-" + id);
            notifyHolder(p.handedToKind(), p.handedTo(), notice);
            inbox.deliverToRoles(Set.of(RoleCode.DISTRICT_OFFICE.name(), RoleCode.SUPERVISOR.name()), p.townCode().substring(0, 6), notice);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("level", level);
            details.put("kind", step.kind().name());
            details.put("deadline", deadline.toString());
            audited("SUPERVISION_ESCALATED", p.id(), step.action(), details);
            steps++;
        }
        return steps;
    }

    private List<Long> attach(Problem p, List<Upload> files, String what) {
        List<Long> ids = new ArrayList<>();
        for (Upload f : files == null ? List.<Upload>of() : files) {
            ids.add(dossier.attach(new EvidenceOwner(OWNER_TYPE, p.id()), DivisionCode.of(p.divisionCode()), EvidenceCategory.LEGAL_DOCUMENT,
                    f.fileName(), what + "（督查问题 #" + p.id() + "）", new ByteArrayInputStream(f.content())).id());
        }
        return ids;
    }

    private void notifyHolder(String kind, String target, Notice notice) {
        if ("DEPARTMENT".equals(kind)) {
            inbox.deliver(holders.ofDepartment(target), notice);
        } else if (target != null) {
            inbox.deliverToRoles(Set.of(RoleCode.TOWN_OFFICER.name()), target, notice);
        }
    }

    private void requireSupervisor(CurrentUser user, long problemId) {
        if (user.role() != RoleCode.SUPERVISOR && user.role() != RoleCode.DISTRICT_OFFICE) {
            throw notFound(problemId);
        }
    }

    private void update(Problem p, String set, MapSqlParameterSource params) {
        if (!store.updateProblem(p.id(), p.version(), set, params)) {
            throw new ConflictException("督查问题 #" + p.id() + " 已被他人修改，请刷新后重试");
        }
    }

    private void audited(String action, long id, String reason, Map<String, Object> details) {
        audit.record(new AuditEvent(action, "SupervisionProblem", Long.toString(id), reason, details));
    }

    private java.sql.Timestamp ts() {
        return java.sql.Timestamp.from(Instant.now(clock));
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("督查问题 #" + id + " 不存在或不在您的辖区内");
    }
}
