package org.qingyuan.referral.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.rectification.Cases;
import org.qingyuan.referral.JointOperation;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint enforcement operations (联合执法行动, D3; 000 三, 003 四（十五）): the district office sets the day, the lead
 * department, the others and the enterprises (an area-wide action); each department records its part per enterprise,
 * and where the enterprise has a rectification case whose deadline has passed, the part becomes a joint enforcement
 * entry of the case and its document joins the case's dossier.
 */
@Service
public class OperationService {

    static final String OWNER_TYPE = "JointOperation";

    private final ReferralStore store;
    private final Departments departments;
    private final EnterpriseSites sites;
    private final Cases cases;
    private final Dossier dossier;
    private final RoleHolders holders;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final Clock clock;

    OperationService(ReferralStore store, Departments departments, EnterpriseSites sites, Cases cases, Dossier dossier, RoleHolders holders,
                     Inbox inbox, AuditTrail audit, Clock clock) {
        this.store = store;
        this.departments = departments;
        this.sites = sites;
        this.cases = cases;
        this.dossier = dossier;
        this.holders = holders;
        this.inbox = inbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the district office fills in. */
    public record NewOperation(LocalDate heldOn, String title, String leadDepartment, List<String> departments, List<Long> enterpriseIds) {
    }

    /** An operation with its files. */
    public record OperationView(JointOperation operation, List<Attachment> files) {
    }

    /** An enterprise of an operation where the department has yet to record its part. */
    public record PendingPart(JointOperation operation, JointOperation.Target target) {
    }

    @Transactional
    public OperationView create(CurrentUser user, NewOperation form) {
        if (user.role() != RoleCode.DISTRICT_OFFICE) {
            throw new org.springframework.security.access.AccessDeniedException("只有区办可以组织联合执法行动");
        }
        if (form.heldOn() == null) {
            throw new InvalidInputException("heldOn", "请填写行动日期");
        }
        String title = form.title() == null ? "" : form.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new InvalidInputException("title", "请填写行动名称（200 字以内）");
        }
        String lead = form.leadDepartment() == null ? "" : form.leadDepartment().strip();
        if (!known(lead)) {
            throw new InvalidInputException("leadDepartment", "请选择牵头部门");
        }
        List<String> others = new ArrayList<>();
        for (String d : form.departments() == null ? List.<String>of() : form.departments()) {
            String code = d == null ? "" : d.strip();
            if (code.isEmpty() || code.equals(lead) || others.contains(code)) {
                continue;
            }
            if (!known(code)) {
                throw new InvalidInputException("departments", "没有这个部门：" + code);
            }
            others.add(code);
        }
        if (others.isEmpty()) {
            throw new InvalidInputException("departments", "联合执法至少还要有一个配合部门");
        }
        List<Long> ids = form.enterpriseIds() == null ? List.of() : form.enterpriseIds().stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            throw new InvalidInputException("enterpriseIds", "请选择行动涉及的企业");
        }
        var found = sites.sites(ids);
        List<JointOperation.Target> targets = new ArrayList<>();
        for (Long id : ids) {
            var site = found.get(id);
            if (site == null || !user.scope().covers(DivisionCode.of(site.divisionCode()))) {
                throw new InvalidInputException("enterpriseIds", "企业 #" + id + " 不存在或不在本区台账中");
            }
            targets.add(new JointOperation.Target(id, site.name(), site.divisionCode()));
        }
        String district = ReferralService.district(user);
        long id = store.insertOperation(district, form.heldOn(), title, lead, others, clock.instant(), user.username());
        targets.forEach(t -> store.insertTarget(id, t));
        List<String> all = new ArrayList<>(others);
        all.add(0, lead);
        for (String d : all) {
            inbox.deliver(holders.ofDepartment(d), new Notice("JOINT_OPERATION", "联合执法行动：" + title,
                    form.heldOn() + "，" + departments.name(lead) + "牵头，共 " + targets.size() + " 家企业。请行动后逐家记录本部门执法情况。",
                    "/operations/" + id, "operation-" + id + "-" + d));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("heldOn", form.heldOn().toString());
        details.put("lead", lead);
        details.put("departments", others);
        details.put("enterprises", ids);
        audit.record(new AuditEvent("JOINT_OPERATION_CREATED", "JointOperation", Long.toString(id), title, details));
        return get(user, id);
    }

    @Transactional(readOnly = true)
    public List<JointOperation> list(CurrentUser user) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return store.operations(visible(user, params), params);
    }

    @Transactional(readOnly = true)
    public OperationView get(CurrentUser user, long id) {
        JointOperation o = find(user, id);
        return new OperationView(o, dossier.attachments(new EvidenceOwner(OWNER_TYPE, id), user.scope()));
    }

    /** The enterprises of operations where the user's department has not yet recorded its part, newest first. */
    @Transactional(readOnly = true)
    public List<PendingPart> pending(CurrentUser user) {
        if (user.role() != RoleCode.DEPARTMENT_OFFICER || user.departmentCode() == null) {
            return List.of();
        }
        List<PendingPart> out = new ArrayList<>();
        for (JointOperation o : list(user)) {
            for (JointOperation.Target t : o.enterprises()) {
                if (o.part(t.enterpriseId(), user.departmentCode()) == null) {
                    out.add(new PendingPart(o, t));
                }
            }
        }
        return out;
    }

    /**
     * A participating department records its part at one enterprise: what it did and the outcome, with an optional
     * document; the part goes onto the enterprise's rectification case when the case takes joint enforcement.
     */
    @Transactional
    public OperationView recordPart(CurrentUser user, long id, int version, long enterpriseId, String action, String outcome,
                                    ReferralService.Upload file) {
        JointOperation o = find(user, id);
        String department = user.departmentCode();
        if (user.role() != RoleCode.DEPARTMENT_OFFICER || department == null || !o.participants().contains(department)) {
            throw new org.springframework.security.access.AccessDeniedException("只有参加行动的职能部门可以记录执法情况");
        }
        store.lockOperation(id);
        JointOperation.Target target = o.enterprises().stream().filter(t -> t.enterpriseId() == enterpriseId).findFirst()
                .orElseThrow(() -> new InvalidInputException("enterpriseId", "企业 #" + enterpriseId + " 不在本次行动中"));
        String did = action == null ? "" : action.strip();
        if (did.isEmpty() || did.length() > 2000) {
            throw new InvalidInputException("action", "请写明本部门采取的措施（2000 字以内）");
        }
        String result = outcome == null ? "" : outcome.strip();
        if (result.isEmpty() || result.length() > 2000) {
            throw new InvalidInputException("outcome", "请写明执法结果（2000 字以内）");
        }
        if (o.part(enterpriseId, department) != null) {
            throw new ConflictException(departments.name(department) + "已记录在" + target.enterpriseName() + "的执法情况");
        }
        if (!store.bumpOperation(id, version)) {
            throw new ConflictException("联合执法行动 #" + id + " 已被他人修改，请刷新后重试");
        }
        Long attachment = file == null ? null : dossier.attach(new EvidenceOwner(OWNER_TYPE, id), DivisionCode.of(target.divisionCode()),
                EvidenceCategory.LEGAL_DOCUMENT, file.fileName(), departments.name(department) + "执法文书：" + target.enterpriseName(),
                new ByteArrayInputStream(file.content())).id();
        Long caseId = null;
        String caseNote = null;
        CaseSummary c = cases.ofEnterprise(enterpriseId, user.scope()).orElse(null);
        LocalDate today = LocalDate.now(clock.withZone(ReferralService.CHINA));
        if (c == null) {
            caseNote = "该企业没有整治任务";
        } else if (!c.state().acceptsWork()) {
            caseNote = "整治任务当前为“" + c.state().label() + "”，未记入";
        } else if (c.deadline() == null || !today.isAfter(c.deadline())) {
            caseNote = "整治任务期限（" + (c.deadline() == null ? "未定" : c.deadline()) + "）未过，未记为联合执法";
        } else {
            // the case's entry names every department of the operation (a joint action has two at least) and this one's part
            cases.recordJointEnforcement(c.id(), c.version(), o.heldOn(), o.participants(),
                    o.title() + " — " + departments.name(department) + "：" + did + "；结果：" + result, user);
            caseId = c.id();
            if (file != null) {
                // the document joins the case's dossier too (stored once: the store is content-addressed)
                cases.upload(c.id(), EvidenceCategory.LEGAL_DOCUMENT, file.fileName(), departments.name(department) + "联合执法文书（" + o.title() + "）",
                        new ByteArrayInputStream(file.content()), user.scope());
            }
        }
        store.insertPart(id, enterpriseId, department, did, result, attachment, caseId, caseNote, clock.instant(), user.username());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enterpriseId", enterpriseId);
        details.put("department", department);
        details.put("caseId", caseId == null ? "" : caseId);
        details.put("attachmentId", attachment == null ? "" : attachment);
        audit.record(new AuditEvent("JOINT_OPERATION_PART_RECORDED", "JointOperation", Long.toString(id), did + "；" + result, details));
        return get(user, id);
    }

    // ---------------------------------------------------------------- helpers

    /** The condition on {@code o}: the district's own; a department those it takes part in; a town those at its enterprises. */
    static String visible(CurrentUser user, MapSqlParameterSource params) {
        params.addValue("prefix", user.scope().prefix());
        params.addValue("district", ReferralService.district(user));
        String district = "o.district_code = :district";
        if (user.role() == RoleCode.DEPARTMENT_OFFICER) {
            params.addValue("department", user.departmentCode() == null ? "" : user.departmentCode());
            return district + " AND (o.lead_department = :department OR :department = ANY (o.departments))";
        }
        if (user.role() == RoleCode.DISTRICT_OFFICE || user.role() == RoleCode.SUPERVISOR || user.role() == RoleCode.LEADER) {
            return district;
        }
        return district + " AND EXISTS (SELECT 1 FROM joint_operation_enterprise e WHERE e.operation_id = o.id"
                + " AND e.division_code LIKE :prefix || '%')";
    }

    private JointOperation find(CurrentUser user, long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        return store.operations(visible(user, params) + " AND o.id = :id", params).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("联合执法行动 #" + id + " 不存在或不在您的范围内"));
    }

    private boolean known(String code) {
        return departments.all().stream().anyMatch(d -> d.code().equals(code));
    }
}
