package org.qingyuan.referral.internal;

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
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.qingyuan.policy.Due;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.WorkingDays;
import org.qingyuan.referral.Referral;
import org.qingyuan.referral.ReferralState;
import org.qingyuan.referral.Urgency;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals (移交, D2): a town or the district office refers a matter in writing to the competent department; the
 * deadline is the active plan's (000 三: 5 个工作日) on the working-day calendar, an urgent one goes to the district
 * government at once. The department accepts and answers with documents; the referrer confirms or returns the answer.
 * The daily sweep reminds the department of overdue referrals and escalates them to the district office.
 */
@Service
public class ReferralService {

    static final String OWNER_TYPE = "Referral";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** 000 三: “要在5个工作日内书面告知相关审批部门”. */
    static final int DEFAULT_WORKING_DAYS = 5;

    private final ReferralStore store;
    private final WorkingDays workingDays;
    private final Policies policies;
    private final Departments departments;
    private final EnterpriseSites sites;
    private final Dossier dossier;
    private final RoleHolders holders;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final Clock clock;

    ReferralService(ReferralStore store, WorkingDays workingDays, Policies policies, Departments departments, EnterpriseSites sites,
                    Dossier dossier, RoleHolders holders, Inbox inbox, AuditTrail audit, Clock clock) {
        this.store = store;
        this.workingDays = workingDays;
        this.policies = policies;
        this.departments = departments;
        this.sites = sites;
        this.dossier = dossier;
        this.holders = holders;
        this.inbox = inbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** A document or photo. */
    public record Upload(String fileName, byte[] content) {
    }

    /** What the referrer fills in. */
    public record NewReferral(Long enterpriseId, String departmentCode, String problem, String legalBasis, String urgency,
                              List<Upload> files) {
    }

    /** A referral with its documents. */
    public record ReferralView(Referral referral, String departmentName, List<Attachment> files) {
    }

    /** A deadline and how it was counted. */
    public record Deadline(LocalDate date, String rule) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** The deadline of a referral made on the day: the plan's working days, or the same day when urgent. */
    public Deadline deadline(LocalDate on, Urgency urgency) {
        var plan = policies.active();
        String title = plan.map(p -> p.info().title()).orElse("实施方案");
        List<org.qingyuan.policy.Referral> rules = plan.map(org.qingyuan.policy.Policy::referrals).orElse(List.of());
        if (urgency == Urgency.URGENT) {
            String source = rules.stream().filter(r -> r.due() instanceof Due.CalendarDays d && d.days() == 0)
                    .map(r -> r.label() + "（" + title + " " + r.source() + "）").findFirst().orElse("立即提请区政府研究处理（000 三）");
            return new Deadline(on, "紧急：当日 — " + source);
        }
        for (org.qingyuan.policy.Referral r : rules) {
            if (r.due() instanceof Due.WorkingDays w) {
                return new Deadline(workingDays.calendar().plusWorkingDays(on, w.days()),
                        w.days() + "个工作日 — " + r.label() + "（" + title + " " + r.source() + "）");
            }
        }
        return new Deadline(workingDays.calendar().plusWorkingDays(on, DEFAULT_WORKING_DAYS),
                DEFAULT_WORKING_DAYS + "个工作日（000 三：5个工作日内书面告知）");
    }

    @Transactional
    public ReferralView create(CurrentUser user, NewReferral form) {
        return create(user, form, today());
    }

    /** Refers a matter on the given day (the form's day is today; tests and imports give theirs). */
    @Transactional
    public ReferralView create(CurrentUser user, NewReferral form, LocalDate on) {
        if (user.role() == RoleCode.DEPARTMENT_OFFICER) {
            throw new org.springframework.security.access.AccessDeniedException("职能部门不能发起移交");
        }
        String department = form.departmentCode() == null ? "" : form.departmentCode().strip();
        if (departments.all().stream().noneMatch(d -> d.code().equals(department))) {
            throw new InvalidInputException("departmentCode", "请选择接收移交的职能部门");
        }
        String problem = form.problem() == null ? "" : form.problem().strip();
        if (problem.isEmpty() || problem.length() > 2000) {
            throw new InvalidInputException("problem", "请写明移交的问题（2000 字以内）");
        }
        String basis = form.legalBasis() == null || form.legalBasis().isBlank() ? null : form.legalBasis().strip();
        if (basis != null && basis.length() > 1000) {
            throw new InvalidInputException("legalBasis", "法律依据不能超过 1000 字");
        }
        Urgency urgency = urgency(form.urgency());
        String division = user.division().value();
        String name = null;
        if (form.enterpriseId() != null) {
            var site = sites.sites(List.of(form.enterpriseId())).get(form.enterpriseId());
            if (site == null || !user.scope().covers(DivisionCode.of(site.divisionCode()))) {
                throw new InvalidInputException("enterpriseId", "企业 #" + form.enterpriseId() + " 不存在或不在您的辖区内");
            }
            division = site.divisionCode();
            name = site.name();
        }
        String district = district(user);
        Deadline due = deadline(on, urgency);
        long id = store.insertReferral(district, division, form.enterpriseId(), name, department, problem, basis, urgency, on, due.date(),
                due.rule(), clock.instant(), user.username());
        List<Long> files = attach(id, division, form.files(), "移交材料");
        String what = (name == null ? "" : name + "：") + problem;
        inbox.deliver(holders.ofDepartment(department), new Notice("REFERRAL_SENT", (urgency == Urgency.URGENT ? "【紧急】" : "") + "移交事项："
                + (name == null ? departments.name(department) : name), what + "。请于 " + due.date() + " 前办理并答复。", "/referrals/" + id,
                "referral-" + id + "-sent"));
        if (urgency == Urgency.URGENT) {
            inbox.deliverToRoles(Set.of(RoleCode.DISTRICT_OFFICE.name()), district, new Notice("REFERRAL_URGENT",
                    "【紧急移交】提请区政府研究处理：" + (name == null ? departments.name(department) : name),
                    what + "（移交" + departments.name(department) + "，当日办理）", "/referrals/" + id, "referral-" + id + "-urgent"));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("department", department);
        details.put("urgency", urgency.name());
        details.put("enterpriseId", form.enterpriseId() == null ? "" : form.enterpriseId());
        details.put("referredOn", on.toString());
        details.put("deadline", due.date().toString());
        details.put("files", files);
        audited("REFERRAL_SENT", id, problem, details);
        return view(find(user, id), user);
    }

    /**
     * The referrals the user may see, newest first; {@code mine} narrows to the user's own queue (a department's
     * referrals still awaiting it; the referrer's answered ones waiting for confirmation).
     */
    @Transactional(readOnly = true)
    public List<Referral> list(CurrentUser user, boolean mine, ReferralState state, boolean overdue) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder condition = new StringBuilder(visible(user, params));
        if (mine) {
            condition.append(user.role() == RoleCode.DEPARTMENT_OFFICER ? " AND r.state IN ('SENT', 'ACCEPTED')" : " AND r.state = 'ANSWERED'");
        }
        if (state != null) {
            condition.append(" AND r.state = :state");
            params.addValue("state", state.name());
        }
        if (overdue) {
            condition.append(" AND r.state IN ('SENT', 'ACCEPTED') AND r.deadline < :today");
            params.addValue("today", today());
        }
        return store.referrals(condition.toString(), params, "r.referred_at DESC, r.id DESC");
    }

    /** The referrals about an enterprise within the scope (a department's scope: those addressed to it), newest first. */
    @Transactional(readOnly = true)
    public List<Referral> ofEnterprise(long enterpriseId, org.qingyuan.access.Scope scope) {
        MapSqlParameterSource params = new MapSqlParameterSource("prefix", scope.prefix()).addValue("e", enterpriseId);
        String condition = "r.division_code LIKE :prefix || '%' AND r.enterprise_id = :e";
        if (scope.department() != null) {
            condition += " AND r.department_code = :department";
            params.addValue("department", scope.department());
        }
        return store.referrals(condition, params, "r.referred_at DESC, r.id DESC");
    }

    /** The name of a department. */
    public String departmentName(String code) {
        return departments.name(code);
    }

    @Transactional(readOnly = true)
    public ReferralView get(CurrentUser user, long id) {
        return view(find(user, id), user);
    }

    /** The department takes the referral on. */
    @Transactional
    public ReferralView accept(CurrentUser user, long id, int version) {
        Referral r = lockForDepartment(user, id, version);
        if (r.state() != ReferralState.SENT) {
            throw new ConflictException("移交 #" + id + " 当前为“" + r.state().label() + "”，不能再受理");
        }
        update(r, "state = 'ACCEPTED', accepted_at = :at, accepted_by = :by", new MapSqlParameterSource("at", ts()).addValue("by", user.username()));
        audited("REFERRAL_ACCEPTED", id, null, Map.of());
        return get(user, id);
    }

    /** The department answers what it did, with at least one document. */
    @Transactional
    public ReferralView answer(CurrentUser user, long id, int version, String text, List<Upload> files) {
        Referral r = lockForDepartment(user, id, version);
        if (r.state() != ReferralState.ACCEPTED) {
            throw new ConflictException("移交 #" + id + " 当前为“" + r.state().label() + "”，" + (r.state() == ReferralState.SENT ? "请先受理" : "不能答复"));
        }
        String answer = text == null ? "" : text.strip();
        if (answer.isEmpty() || answer.length() > 4000) {
            throw new InvalidInputException("answer", "请写明办理情况（4000 字以内）");
        }
        if (files == null || files.isEmpty()) {
            throw new InvalidInputException("files", "答复须附办理文书（如处罚决定书、现场检查笔录）");
        }
        List<Long> ids = attach(id, r.divisionCode(), files, "移交办理答复");
        update(r, "state = 'ANSWERED', answer = :answer, answered_at = :at, answered_by = :by",
                new MapSqlParameterSource("answer", answer).addValue("at", ts()).addValue("by", user.username()));
        inbox.deliver(List.of(r.referredBy()), new Notice("REFERRAL_ANSWERED", departments.name(r.departmentCode()) + "已答复移交事项 #" + id,
                answer, "/referrals/" + id, "referral-" + id + "-answered-" + r.version()));
        audited("REFERRAL_ANSWERED", id, answer, Map.of("files", ids));
        return get(user, id);
    }

    /** The referrer confirms the answer: the referral is done. */
    @Transactional
    public ReferralView confirm(CurrentUser user, long id, int version) {
        Referral r = lockForReferrer(user, id, version);
        if (r.state() != ReferralState.ANSWERED) {
            throw new ConflictException("移交 #" + id + " 当前为“" + r.state().label() + "”，没有待确认的答复");
        }
        update(r, "state = 'CONFIRMED', confirmed_at = :at, confirmed_by = :by", new MapSqlParameterSource("at", ts()).addValue("by", user.username()));
        audited("REFERRAL_CONFIRMED", id, null, Map.of());
        return get(user, id);
    }

    /** The referrer returns the answer with the reason: the department handles it again, with a fresh deadline. */
    @Transactional
    public ReferralView returnAnswer(CurrentUser user, long id, int version, String reason) {
        Referral r = lockForReferrer(user, id, version);
        if (r.state() != ReferralState.ANSWERED) {
            throw new ConflictException("移交 #" + id + " 当前为“" + r.state().label() + "”，没有可退回的答复");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw new InvalidInputException("reason", "退回须写明原因（2000 字以内）");
        }
        Deadline due = deadline(today(), r.urgency());
        LocalDate deadline = due.date().isAfter(r.deadline()) ? due.date() : r.deadline();
        update(r, "state = 'ACCEPTED', return_reason = :reason, returned_at = :at, returns = returns + 1, deadline = :deadline, escalated_on = NULL",
                new MapSqlParameterSource("reason", why).addValue("at", ts()).addValue("deadline", deadline));
        inbox.deliver(holders.ofDepartment(r.departmentCode()), new Notice("REFERRAL_RETURNED", "移交事项 #" + id + " 的答复被退回",
                why + "。请于 " + deadline + " 前重新办理并答复。", "/referrals/" + id, "referral-" + id + "-returned-" + r.version()));
        audited("REFERRAL_RETURNED", id, why, Map.of("deadline", deadline.toString()));
        return get(user, id);
    }

    /**
     * The daily sweep: each referral past its deadline without an answer reminds the department (once a day) and is
     * escalated to the district office (once). Returns how many referrals were overdue.
     */
    @Transactional
    public int sweep(LocalDate today) {
        int overdue = 0;
        for (Referral r : store.referrals("r.state IN ('SENT', 'ACCEPTED') AND r.deadline < :today",
                new MapSqlParameterSource("today", today), "r.id")) {
            Referral locked = store.lockReferral(r.id()).orElseThrow();
            String who = departments.name(r.departmentCode());
            String subject = r.enterpriseName() == null ? r.problem() : r.enterpriseName();
            inbox.deliver(holders.ofDepartment(r.departmentCode()), new Notice("REFERRAL_OVERDUE", "移交事项逾期未答复：" + subject,
                    "期限 " + r.deadline() + " 已过，请尽快办理并答复。问题：" + r.problem(), "/referrals/" + r.id(),
                    "referral-" + r.id() + "-overdue-" + today));
            boolean escalate = locked.escalatedOn() == null;
            if (escalate) {
                inbox.deliverToRoles(Set.of(RoleCode.DISTRICT_OFFICE.name()), r.districtCode(), new Notice("REFERRAL_ESCALATED",
                        "移交事项逾期未答复（" + who + "）：" + subject, "移交日期 " + r.referredOn() + "，期限 " + r.deadline() + "，"
                        + who + "尚未答复。请督促办理。", "/referrals/" + r.id(), "referral-" + r.id() + "-escalated-" + today));
            }
            store.updateReferral(r.id(), locked.version(), escalate ? "reminded_on = :today, escalated_on = :today" : "reminded_on = :today",
                    new MapSqlParameterSource("today", today));
            if (escalate) {
                audit.record(new AuditEvent("REFERRAL_ESCALATED", "Referral", Long.toString(r.id()), "逾期未答复",
                        Map.of("deadline", r.deadline().toString(), "department", r.departmentCode(), "on", today.toString())));
            }
            overdue++;
        }
        return overdue;
    }

    // ---------------------------------------------------------------- helpers

    /** The condition on {@code r} for the user: a department sees what is addressed to it, the others their jurisdiction. */
    static String visible(CurrentUser user, MapSqlParameterSource params) {
        params.addValue("prefix", user.scope().prefix());
        String within = "r.division_code LIKE :prefix || '%'";
        if (user.role() == RoleCode.DEPARTMENT_OFFICER) {
            params.addValue("department", user.departmentCode() == null ? "" : user.departmentCode());
            return within + " AND r.department_code = :department";
        }
        return within;
    }

    private Referral find(CurrentUser user, long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        return store.referrals(visible(user, params) + " AND r.id = :id", params, "r.id").stream().findFirst().orElseThrow(() -> notFound(id));
    }

    private Referral lock(CurrentUser user, long id, int version) {
        find(user, id);
        Referral r = store.lockReferral(id).orElseThrow(() -> notFound(id));
        if (r.version() != version) {
            throw new ConflictException("移交 #" + id + " 已被他人修改（当前版本 " + r.version() + "），请刷新后重试");
        }
        return r;
    }

    private Referral lockForDepartment(CurrentUser user, long id, int version) {
        if (user.role() != RoleCode.DEPARTMENT_OFFICER) {
            find(user, id);
            throw new org.springframework.security.access.AccessDeniedException("只有接收移交的职能部门可以办理");
        }
        return lock(user, id, version);
    }

    private Referral lockForReferrer(CurrentUser user, long id, int version) {
        if (user.role() == RoleCode.DEPARTMENT_OFFICER) {
            throw notFound(id);
        }
        return lock(user, id, version);
    }

    private ReferralView view(Referral r, CurrentUser user) {
        return new ReferralView(r, departments.name(r.departmentCode()), dossier.attachments(new EvidenceOwner(OWNER_TYPE, r.id()), user.scope()));
    }

    private List<Long> attach(long id, String division, List<Upload> files, String what) {
        List<Long> ids = new ArrayList<>();
        for (Upload f : files == null ? List.<Upload>of() : files) {
            ids.add(dossier.attach(new EvidenceOwner(OWNER_TYPE, id), DivisionCode.of(division), EvidenceCategory.LEGAL_DOCUMENT, f.fileName(),
                    what + "（移交 #" + id + "）", new ByteArrayInputStream(f.content())).id());
        }
        return ids;
    }

    private void update(Referral r, String set, MapSqlParameterSource params) {
        if (!store.updateReferral(r.id(), r.version(), set, params)) {
            throw new ConflictException("移交 #" + r.id() + " 已被他人修改，请刷新后重试");
        }
    }

    private void audited(String action, long id, String reason, Map<String, Object> details) {
        audit.record(new AuditEvent(action, "Referral", Long.toString(id), reason, details));
    }

    private java.sql.Timestamp ts() {
        return java.sql.Timestamp.from(Instant.now(clock));
    }

    static String district(CurrentUser user) {
        String code = user.division().value();
        return code.substring(0, Math.min(6, code.length()));
    }

    static Urgency urgency(String value) {
        if (value == null || value.isBlank()) {
            return Urgency.NORMAL;
        }
        try {
            return Urgency.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("urgency", "紧急程度应为 NORMAL（一般）或 URGENT（紧急）");
        }
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("移交 #" + id + " 不存在或不在您的办理范围内");
    }
}
