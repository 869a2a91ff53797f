package org.qingyuan.lead.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.access.ActingUsers;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.lead.Lead;
import org.qingyuan.lead.LeadConfirmed;
import org.qingyuan.lead.LeadDismissed;
import org.qingyuan.lead.LeadState;
import org.qingyuan.lead.Leads;
import org.qingyuan.lead.NewLead;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.DuplicateDetector;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.ledger.PossibleDuplicate;
import org.qingyuan.ledger.Registration;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.Page;
import org.qingyuan.shared.ValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leads' queue: filing (from any module or page), the town's decision — confirm into the ledger as a new
 * enterprise, merge into one already there, or dismiss with a reason — each checked against the version the decider
 * saw, audited, and published as an event. Every read and write is limited to the caller's scope.
 */
@Service
public class LeadService implements Leads {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final LeadStore store;
    private final Ledger ledger;
    private final DuplicateDetector duplicates;
    private final Dossier dossier;
    private final Divisions divisions;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final ActingUsers actors;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadService(LeadStore store, Ledger ledger, DuplicateDetector duplicates, Dossier dossier, Divisions divisions, Inbox inbox,
                AuditTrail audit, ActingUsers actors, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.duplicates = duplicates;
        this.dossier = dossier;
        this.divisions = divisions;
        this.inbox = inbox;
        this.audit = audit;
        this.actors = actors;
        this.events = events;
        this.clock = clock;
    }

    /** What a confirmation registered: the decided lead and the ledger's answer (warnings, possible duplicates). */
    public record Confirmation(Lead lead, Registration registration) {
    }

    // ---------------------------------------------------------------- filing

    @Override
    @Transactional
    public Lead report(NewLead in, Scope scope) {
        List<FieldError> errors = new ArrayList<>();
        if (in.source() == null) {
            errors.add(new FieldError("source", "请选择线索来源"));
        }
        DivisionCode division = in.division();
        if (division == null) {
            errors.add(new FieldError("divisionCode", "请选择所在镇（街道）或村（社区）"));
        } else if (division.level().ordinal() < DivisionLevel.TOWN.ordinal()) {
            errors.add(new FieldError("divisionCode", "请选择到镇（街道）或村（社区）：线索要进入所在镇（街道）的待核实队列"));
        } else if (!scope.covers(division) || divisions.find(division).isEmpty()) {
            throw new NotFoundException("区划“" + division + "”不存在或不在您的辖区内");
        }
        String description = text(in.description());
        if (description == null) {
            errors.add(new FieldError("description", "请填写线索描述：看到了什么（生产活动、设备、排放等）"));
        } else if (description.length() > 2000) {
            errors.add(new FieldError("description", "线索描述不能超过 2000 个字"));
        }
        String name = text(in.name());
        if (name != null && name.length() > 200) {
            errors.add(new FieldError("name", "名称不能超过 200 个字"));
        }
        String address = text(in.address());
        if (address != null && address.length() > 500) {
            errors.add(new FieldError("address", "地址不能超过 500 个字"));
        }
        if ((in.longitude() == null) != (in.latitude() == null)) {
            errors.add(new FieldError(in.longitude() == null ? "longitude" : "latitude", "经度和纬度须同时填写"));
        } else if (in.longitude() != null && (Math.abs(in.longitude()) > 180 || Math.abs(in.latitude()) > 90)) {
            errors.add(new FieldError("longitude", "经纬度超出范围"));
        }
        String ref = text(in.sourceRef());
        if (ref != null && ref.length() > 200) {
            errors.add(new FieldError("sourceRef", "来源编号不能超过 200 个字"));
        }
        ValidationException.throwIfAny(errors);
        DivisionCode town = DivisionCode.of(division.value().substring(0, 9));
        Instant now = clock.instant();
        LeadStore.Filed result = store.insert(new Lead(0, town, division, in.source(), ref, name, address, in.longitude(),
                in.latitude(), description, now, actors.username(), actors.displayName(), LeadState.OPEN, null, null, null, null, 0));
        Lead filed = result.lead();
        if (!result.created()) {
            return filed;   // the same finding filed before (a resend): nothing new
        }
        audit.record(new AuditEvent("LEAD_REPORTED", Lead.OWNER_TYPE, Long.toString(filed.id()), null, details(filed)));
        inbox.deliverToRoles(List.of("TOWN_OFFICER"), town.value(), new Notice("LEAD", "新线索待核实：" + title(filed),
                in.source().label() + " · " + placeName(filed.division()) + "：" + abbreviate(description),
                "/leads/" + filed.id(), "lead-" + filed.id()));
        return filed;
    }

    /** A photo (or document) of an open lead's site, typed and checked by the dossier; it follows the lead into the ledger. */
    @Transactional
    public Attachment attach(long id, String fileName, String note, InputStream content, Scope scope) {
        Lead lead = get(id, scope);
        if (!lead.open()) {
            throw new ConflictException("该线索已处理（" + lead.state().label() + "），照片已随线索转入企业档案");
        }
        return dossier.attach(Leads.owner(id), lead.division(), EvidenceCategory.BEFORE, fileName, note, content);
    }

    @Transactional(readOnly = true)
    public List<Attachment> photos(long id, Scope scope) {
        get(id, scope);
        return dossier.attachments(Leads.owner(id), scope);
    }

    // ---------------------------------------------------------------- reads

    @Override
    @Transactional(readOnly = true)
    public Optional<Lead> find(long id, Scope scope) {
        return store.find(id).filter(l -> scope.covers(l.division()));
    }

    @Transactional(readOnly = true)
    public Lead get(long id, Scope scope) {
        return find(id, scope).orElseThrow(() -> new NotFoundException("线索 #" + id + " 不存在或不在您的辖区内"));
    }

    @Transactional(readOnly = true)
    public Page<Lead> list(Scope scope, DivisionCode within, LeadState state, Discovery source, int page, int size) {
        String prefix = within == null ? scope.prefix() : within(scope, within).prefix();
        return new Page<>(store.list(prefix, state, source, page, size), page, size, store.count(prefix, state, source));
    }

    /** The leads that became or were merged into an enterprise, inside the scope, oldest first. */
    @Transactional(readOnly = true)
    public List<Lead> ofEnterprise(long enterpriseId, Scope scope) {
        return store.ofEnterprise(enterpriseId).stream().filter(l -> scope.covers(l.division())).toList();
    }

    /** Open leads per town of the scope: the queues' lengths and the oldest one waiting. */
    @Transactional(readOnly = true)
    public List<LeadQueue> queues(Scope scope) {
        return store.queues(scope.prefix());
    }

    /** The enterprises of the ledger, inside the scope, that the lead's site may already be (the ledger's own check). */
    @Transactional(readOnly = true)
    public List<PossibleDuplicate> candidates(long id, Scope scope) {
        Lead lead = get(id, scope);
        if (lead.name() == null && lead.address() == null) {
            return List.of();
        }
        return duplicates.find(draft(lead)).stream().filter(d -> d.division() == null || scope.covers(d.division())).toList();
    }

    /** The ledger's details the lead proposes: name, village, address and position, its source and the day it was filed. */
    public EnterpriseDetails draft(Lead lead) {
        boolean village = lead.division().level() == DivisionLevel.VILLAGE;
        return new EnterpriseDetails(new Identity(lead.name(), null, null, null, null),
                new Place(village ? lead.division() : null, lead.address(), lead.longitude(), lead.latitude()), null, null,
                new Campaign(null, lead.source(), lead.reportedAt().atZone(CHINA).toLocalDate(), null));
    }

    // ---------------------------------------------------------------- decisions

    /** Registers the site as a new enterprise with the details the town checked; the lead's photos move to its dossier. */
    @Transactional
    public Confirmation confirm(long id, int version, EnterpriseDetails checked, String reason, Scope scope) {
        Lead lead = current(id, version, scope);
        Campaign c = checked.campaign();
        LocalDate reported = c.reportedOn() != null ? c.reportedOn() : lead.reportedAt().atZone(CHINA).toLocalDate();
        EnterpriseDetails details = checked.withCampaign(new Campaign(c.type(), lead.source(), reported, c.remarks()));
        String why = text(reason) == null ? "线索 #" + id + " 核实登记（" + lead.source().label() + "）" : text(reason);
        Registration registration = ledger.register(details, why, scope);
        Lead decided = lead.confirmed(registration.id().value(), why, clock.instant(), actors.username());
        write(decided, lead);
        dossier.transfer(Leads.owner(id), EvidenceOwner.enterprise(registration.id().value()), details.place().division());
        events.publishEvent(new LeadConfirmed(id, registration.id().value(), lead.source(), lead.sourceRef(), false));
        return new Confirmation(decided, registration);
    }

    /** The site is an enterprise already in the ledger (inside the scope, still in it); the photos join its dossier. */
    @Transactional
    public Lead merge(long id, int version, long enterpriseId, String reason, Scope scope) {
        Lead lead = current(id, version, scope);
        Enterprise enterprise = ledger.get(EnterpriseId.of(enterpriseId), scope);
        if (!enterprise.active()) {
            throw new ValidationException(List.of(new FieldError("enterpriseId",
                    "企业“" + enterprise.details().name() + "”已移出台账，不能并入；如该处又在生产，请登记为新企业或在原企业下重新立案")));
        }
        String why = text(reason) == null ? "线索 #" + id + " 即台账企业“" + enterprise.details().name() + "”" : text(reason);
        Lead decided = lead.merged(enterpriseId, why, clock.instant(), actors.username());
        write(decided, lead);
        dossier.transfer(Leads.owner(id), EvidenceOwner.enterprise(enterpriseId), enterprise.details().place().division());
        events.publishEvent(new LeadConfirmed(id, enterpriseId, lead.source(), lead.sourceRef(), true));
        return decided;
    }

    @Transactional
    public Lead dismiss(long id, int version, String reason, Scope scope) {
        Lead lead = current(id, version, scope);
        Lead decided = lead.dismissed(text(reason), clock.instant(), actors.username());
        write(decided, lead);
        events.publishEvent(new LeadDismissed(id, lead.source(), lead.sourceRef(), decided.decisionReason()));
        return decided;
    }

    private Lead current(long id, int version, Scope scope) {
        Lead lead = get(id, scope);
        if (!lead.open()) {
            throw new ConflictException("该线索已处理（" + lead.state().label() + "），不能再次处理");
        }
        if (lead.version() != version) {
            throw new ConflictException("该线索已被他人修改（当前版本 " + lead.version() + "，您看到的是版本 " + version + "），请刷新后重试");
        }
        return lead;
    }

    private void write(Lead decided, Lead before) {
        if (!store.decide(decided)) {
            throw new ConflictException("该线索刚被他人处理，请刷新后查看");
        }
        Map<String, Object> details = details(decided);
        details.put("state", List.of(before.state().name(), decided.state().name()));
        audit.record(new AuditEvent("LEAD_" + decided.state().name(), Lead.OWNER_TYPE, Long.toString(decided.id()),
                decided.decisionReason(), details));
    }

    private DivisionCode within(Scope scope, DivisionCode division) {
        if (!scope.covers(division) && !division.contains(scope.division())) {
            throw new NotFoundException("区划“" + division + "”不在您的辖区内");
        }
        return scope.covers(division) ? division : scope.division();
    }

    private String placeName(DivisionCode code) {
        return divisions.find(code).map(Division::name).orElse(code.value());
    }

    static String title(Lead lead) {
        return lead.name() != null ? lead.name() : lead.address() != null ? lead.address() : "线索 #" + lead.id();
    }

    private static Map<String, Object> details(Lead l) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", l.source().name());
        if (l.sourceRef() != null) {
            d.put("sourceRef", l.sourceRef());
        }
        d.put("division", l.division().value());
        if (l.name() != null) {
            d.put("name", l.name());
        }
        if (l.enterpriseId() != null) {
            d.put("enterpriseId", l.enterpriseId());
        }
        return d;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
