package org.qingyuan.complaint.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.complaint.Complaint;
import org.qingyuan.complaint.ComplaintState;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceKind;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.lead.Lead;
import org.qingyuan.lead.Leads;
import org.qingyuan.lead.NewLead;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.qingyuan.policy.WorkingDays;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.rectification.Cases;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handling (002 “确认一起，查处一起”): the district office triages and hands the complaint to the town with a deadline in
 * working days; the town checks on site (check-in and photos) and decides it founded — linked to the ledger entry, its
 * case reopened when it was closed out, or filed as a lead — or unfounded with the reason; the reply goes to the
 * reporter, who may rate it. Every step is audited and kept in the complaint's timeline.
 */
@Service
public class ComplaintHandling {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ComplaintStore store;
    private final Dossier dossier;
    private final Divisions divisions;
    private final WorkingDays workingDays;
    private final EnterpriseSites sites;
    private final Cases cases;
    private final Leads leads;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final ComplaintProperties properties;
    private final Clock clock;

    ComplaintHandling(ComplaintStore store, Dossier dossier, Divisions divisions, WorkingDays workingDays, EnterpriseSites sites,
                      Cases cases, Leads leads, Inbox inbox, AuditTrail audit, ComplaintProperties properties, Clock clock) {
        this.store = store;
        this.dossier = dossier;
        this.divisions = divisions;
        this.workingDays = workingDays;
        this.sites = sites;
        this.cases = cases;
        this.leads = leads;
        this.inbox = inbox;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    public Complaint get(long id, Scope scope) {
        return store.find(id, scope.prefix()).orElseThrow(() -> new NotFoundException("举报 #" + id + " 不存在或不在您的辖区内"));
    }

    public List<Complaint> list(Scope scope, ComplaintState state, boolean overdueOnly, int limit, int offset) {
        return store.list(scope.prefix(), state, overdueOnly, today(), limit, offset);
    }

    public long count(Scope scope, ComplaintState state, boolean overdueOnly) {
        return store.count(scope.prefix(), state, overdueOnly, today());
    }

    public List<ComplaintStore.Step> timeline(Complaint c) {
        return store.steps(c.id());
    }

    public List<Attachment> photos(Complaint c, Scope scope) {
        return dossier.attachments(new EvidenceOwner(Complaint.OWNER_TYPE, c.id()), scope);
    }

    /** The district office names the town (or village) where the matter lies. */
    @Transactional
    public Complaint triage(long id, int version, String divisionCode, String note, CurrentUser actor) {
        DivisionCode division = InvalidInputException.divisionCode("divisionCode", divisionCode);
        Complaint c = get(id, actor.scope());
        if (!DivisionCode.of(c.districtCode()).contains(division) || division.level().ordinal() < DivisionLevel.TOWN.ordinal()
                || divisions.find(division).isEmpty()) {
            throw new InvalidInputException("divisionCode", "请选择本区的镇街或村社区");
        }
        Complaint next = c.triaged(division.value(), blankToNull(note), clock.instant());
        dossier.relocate(new EvidenceOwner(Complaint.OWNER_TYPE, id), division);
        return change(c, version, next, actor, "COMPLAINT_TRIAGED", "分办至" + divisions.fullName(division), note, null,
                Map.of("divisionCode", division.value()));
    }

    /** The district office hands it to the town: the deadline is the configured working days from today. */
    @Transactional
    public Complaint assign(long id, int version, CurrentUser actor) {
        Complaint c = get(id, actor.scope());
        LocalDate due = workingDays.calendar().plusWorkingDays(today(), properties.workingDays());
        String rule = properties.workingDays() + "个工作日内核查办结";
        Complaint next = c.assigned(due, rule, clock.instant());
        Complaint done = change(c, version, next, actor, "COMPLAINT_ASSIGNED", "交办镇街，" + due + " 前核查办结", null, "已交办属地核查",
                Map.of("deadline", due.toString()));
        String town = town(done);
        inbox.deliverToRoles(Set.of(RoleCode.TOWN_OFFICER.name()), town, new Notice("COMPLAINT_ASSIGNED",
                "群众举报待核查（" + due + " 前）", ComplaintIntake.abbreviate(c.description()), "/complaints/" + id,
                "complaint-assigned-" + id));
        return done;
    }

    /** The town checks on site: the phone's position and time, at least one photo. */
    @Transactional
    public Complaint verify(long id, int version, Double longitude, Double latitude, String note, List<Intake.Photo> photos,
                            CurrentUser actor) {
        Complaint c = get(id, actor.scope());
        if (photos == null || photos.isEmpty()) {
            throw new InvalidInputException("photos", "请上传至少一张现场照片");
        }
        Instant now = clock.instant();
        Complaint next = c.verified(now, longitude, latitude, blankToNull(note));
        EvidenceOwner owner = new EvidenceOwner(Complaint.OWNER_TYPE, id);
        for (Intake.Photo p : photos) {
            Attachment a = dossier.attach(owner, DivisionCode.of(c.divisionCode()), EvidenceCategory.INSPECTION_RECORD, p.fileName(),
                    "现场核查", new ByteArrayInputStream(p.content()));
            if (a.kind() != EvidenceKind.PHOTO) {
                throw new InvalidInputException("photos", "“" + p.fileName() + "”不是照片");
            }
        }
        return change(c, version, next, actor, "COMPLAINT_VERIFIED", "现场核查签到（" + longitude + ", " + latitude + "）", note,
                "已到现场核查", Map.of("longitude", longitude, "latitude", latitude, "photos", photos.size()));
    }

    /**
     * Founded: linked to the enterprise of the ledger (its case reopened when it was closed out), or, without one, filed as
     * a lead in the town's queue (source 群众举报, the tracking code as reference).
     */
    @Transactional
    public Complaint found(long id, int version, Long enterpriseId, String note, CurrentUser actor) {
        Complaint c = get(id, actor.scope());
        Instant now = clock.instant();
        Long lead = null;
        Long caseId = null;
        String what;
        if (enterpriseId != null) {
            var site = sites.sites(List.of(enterpriseId)).get(enterpriseId);
            if (site == null || !actor.scope().covers(DivisionCode.of(site.divisionCode()))) {
                throw new InvalidInputException("enterpriseId", "台账中没有该企业或不在您的辖区内");
            }
            what = "属实，对应台账企业“" + site.name() + "”";
            CaseSummary rc = cases.ofEnterprise(enterpriseId, actor.scope()).orElse(null);
            if (rc != null) {
                caseId = rc.id();
                if (rc.state() == CaseState.CLOSED_OUT) {
                    cases.reopen(rc.id(), rc.version(), "群众举报 " + c.trackingCode() + " 经核查属实：已销号企业恢复生产", actor);
                    what += "，已重新打开整治任务";
                }
            }
        } else {
            Lead l = leads.report(new NewLead(Discovery.COMPLAINT, c.trackingCode(), DivisionCode.of(c.divisionCode()), null,
                    c.address(), c.checkInLongitude() != null ? c.checkInLongitude() : c.longitude(),
                    c.checkInLatitude() != null ? c.checkInLatitude() : c.latitude(), c.description()), actor.scope());
            lead = l.id();
            what = "属实，已作为线索 #" + l.id() + " 报入镇街线索队列";
        }
        Complaint next = c.foundedAt(enterpriseId, lead, caseId, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enterpriseId", enterpriseId);
        details.put("leadId", lead);
        details.put("caseId", caseId);
        details.values().removeIf(java.util.Objects::isNull);
        return change(c, version, next, actor, "COMPLAINT_FOUNDED", what, note, "经核查，反映情况属实，正在依法查处", details);
    }

    @Transactional
    public Complaint unfound(long id, int version, String reason, CurrentUser actor) {
        Complaint c = get(id, actor.scope());
        Complaint next = c.unfoundedAt(reason, clock.instant());
        return change(c, version, next, actor, "COMPLAINT_UNFOUNDED", "不属实：" + next.unfoundedReason(), reason,
                "经现场核查，反映情况不属实", Map.of("reason", next.unfoundedReason()));
    }

    /** The answer the reporter reads with the tracking code (no official's name or phone: only the text). */
    @Transactional
    public Complaint reply(long id, int version, String text, CurrentUser actor) {
        Complaint c = get(id, actor.scope());
        Complaint next = c.replied(text, clock.instant());
        return change(c, version, next, actor, "COMPLAINT_REPLIED", "答复举报人", text, "已答复", Map.of());
    }

    private Complaint change(Complaint before, int seen, Complaint next, CurrentUser actor, String action, String step, String note,
                             String publicNote, Map<String, Object> details) {
        if (seen != before.version()) {
            throw new org.qingyuan.shared.ConflictException("举报 " + before.trackingCode() + " 已被他人修改，请刷新后重试");
        }
        store.update(next, seen);
        store.step(before.id(), action.substring("COMPLAINT_".length()), next.updatedAt(), actor.username(),
                note == null || note.isBlank() ? step : step + "：" + note.strip(), publicNote);
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("trackingCode", before.trackingCode());
        all.put("state", List.of(before.state().name(), next.state().name()));
        audit.record(new AuditEvent(action, Complaint.OWNER_TYPE, Long.toString(before.id()), blankToNull(note), all));
        return store.find(before.id(), actor.scope().prefix()).orElseThrow();
    }

    /** The town a complaint lies in (its first 9 digits), or the district before triage. */
    static String town(Complaint c) {
        return c.divisionCode().length() >= 9 ? c.divisionCode().substring(0, 9) : c.divisionCode();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
