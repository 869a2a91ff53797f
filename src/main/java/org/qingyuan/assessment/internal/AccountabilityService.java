package org.qingyuan.assessment.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.access.ActingUsers;
import org.qingyuan.access.Departments;
import org.qingyuan.access.Scope;
import org.qingyuan.assessment.AccountabilityGround;
import org.qingyuan.assessment.AccountabilityKind;
import org.qingyuan.assessment.AccountabilityRecord;
import org.qingyuan.assessment.EvidenceLink;
import org.qingyuan.assessment.QuarterKey;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceContent;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district office's accountability records (通报批评, 约谈, 问责 referred to 纪检监察, 表彰): each with a reason and at
 * least one link to its evidence, audited, never deleted — a correction is a new record superseding the old one. A
 * town's officer sees his own town's records only.
 */
@Service
public class AccountabilityService {

    private final AccountabilityStore store;
    private final AssessmentService quarters;
    private final Divisions divisions;
    private final Departments departments;
    private final Dossier dossier;
    private final AuditTrail audit;
    private final ActingUsers actors;
    private final Clock clock;

    AccountabilityService(AccountabilityStore store, AssessmentService quarters, Divisions divisions, Departments departments,
                          Dossier dossier, AuditTrail audit, ActingUsers actors, Clock clock) {
        this.store = store;
        this.quarters = quarters;
        this.divisions = divisions;
        this.departments = departments;
        this.dossier = dossier;
        this.audit = audit;
        this.actors = actors;
        this.clock = clock;
    }

    /**
     * A record as the office fills it in.
     *
     * @param quarter the quarter it belongs to, or null
     * @param supersedes the record it corrects, or null
     */
    public record Draft(QuarterKey quarter, AccountabilityKind kind, String unitCode, String persons, String reason,
                        AccountabilityGround ground, LocalDate decidedOn, List<EvidenceLink> evidence, Long supersedes) {
    }

    /** An uploaded decision document. */
    public record Document(String fileName, InputStream content) {
    }

    @Transactional
    public AccountabilityRecord record(Scope scope, Draft d, Document document) {
        DivisionCode district = quarters.district(scope);
        if (AssessmentService.townOf(scope) != null) {
            throw new NotFoundException("问责记录由区办建立");
        }
        List<FieldError> errors = new ArrayList<>();
        if (d.kind() == null) {
            errors.add(new FieldError("kind", "请选择类型：通报批评、约谈、问责（移交纪检监察）或表彰"));
        }
        String unit = text(d.unitCode());
        String unitName = null;
        if (unit == null) {
            errors.add(new FieldError("unitCode", "请选择被通报、约谈、问责或表彰的单位（镇街或部门）"));
        } else {
            unitName = unitName(district, unit);
            if (unitName == null) {
                errors.add(new FieldError("unitCode", "单位“" + unit + "”不是本区的镇街或部门"));
            }
        }
        String reason = text(d.reason());
        if (reason == null) {
            errors.add(new FieldError("reason", "请填写事由（reason）：为什么通报、约谈、问责或表彰"));
        } else if (reason.length() > 2000) {
            errors.add(new FieldError("reason", "事由不能超过 2000 个字"));
        }
        String persons = text(d.persons());
        if (persons != null && persons.length() > 500) {
            errors.add(new FieldError("persons", "责任人不能超过 500 个字"));
        }
        if (d.ground() == null) {
            errors.add(new FieldError("ground", "请选择情形：漏报、瞒报、假报、工作不力或其他"));
        }
        LocalDate today = quarters.today();
        if (d.decidedOn() == null) {
            errors.add(new FieldError("decidedOn", "请填写决定日期"));
        } else if (d.decidedOn().isAfter(today)) {
            errors.add(new FieldError("decidedOn", "决定日期不能晚于今天（" + today + "）"));
        }
        List<EvidenceLink> evidence = new ArrayList<>();
        for (EvidenceLink l : d.evidence() == null ? List.<EvidenceLink>of() : d.evidence()) {
            if (l == null || text(l.label()) == null && text(l.href()) == null && text(l.id()) == null) {
                continue;
            }
            if (text(l.label()) == null || text(l.type()) == null) {
                errors.add(new FieldError("evidence", "每条依据须有类型和说明（如 督查发现、逾期报送、被推翻的销号）"));
                break;
            }
            String href = text(l.href());
            if (href != null && !href.startsWith("/")) {
                errors.add(new FieldError("evidence", "依据链接须为本平台内的地址（以 / 开头），如 /cases/12"));
                break;
            }
            evidence.add(new EvidenceLink(l.type().strip(), text(l.id()), l.label().strip(), href));
        }
        if (evidence.stream().noneMatch(l -> l.href() != null) && errors.stream().noneMatch(e -> e.field().equals("evidence"))) {
            errors.add(new FieldError("evidence", "请至少关联一条带链接的依据（督查发现、逾期报送、被推翻的销号或考核指标），如 /cases/12"));
        }
        if (d.quarter() != null && d.quarter().compareTo(QuarterKey.of(today)) > 0) {
            errors.add(new FieldError("quarter", d.quarter().label() + "尚未开始"));
        }
        AccountabilityRecord old = null;
        if (d.supersedes() != null) {
            old = store.find(d.supersedes()).filter(r -> r.district().equals(district.value()))
                    .orElseThrow(() -> new NotFoundException("问责记录 #" + d.supersedes() + " 不存在或不在您的辖区内"));
            if (!old.current()) {
                throw new ConflictException("问责记录 #" + old.id() + " 已被 #" + old.supersededBy() + " 更正，请更正最新的记录");
            }
        }
        ValidationException.throwIfAny(errors);
        AccountabilityRecord draft = new AccountabilityRecord(0, district.value(), d.quarter(), d.kind(), unit, unitName, persons,
                reason, d.ground(), d.decidedOn(), null, evidence, old == null ? null : old.id(), null, clock.instant(),
                actors.username());
        long id = store.insert(draft);
        if (old != null && !store.supersede(old.id(), id)) {
            throw new ConflictException("问责记录 #" + old.id() + " 刚被他人更正，请刷新后查看");
        }
        if (document != null) {
            store.attachDocument(id, upload(id, district, document));
        }
        AccountabilityRecord saved = store.find(id).orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", saved.kind().name());
        details.put("unit", saved.unitCode());
        details.put("ground", saved.ground().name());
        details.put("decidedOn", saved.decidedOn().toString());
        if (saved.quarter() != null) {
            details.put("quarter", saved.quarter().year() + "Q" + saved.quarter().quarter());
        }
        if (saved.persons() != null) {
            details.put("persons", saved.persons());
        }
        details.put("evidence", saved.evidence().stream().map(l -> l.type() + ":" + (l.href() != null ? l.href() : l.label())).toList());
        if (old != null) {
            details.put("supersedes", old.id());
        }
        audit.record(new AuditEvent(old == null ? "ACCOUNTABILITY_RECORDED" : "ACCOUNTABILITY_CORRECTED",
                AccountabilityRecord.OWNER_TYPE, Long.toString(id), reason, details));
        return saved;
    }

    /** Adds the decision document to a record that has none yet (the one later write a record allows). */
    @Transactional
    public AccountabilityRecord attachDocument(Scope scope, long id, Document document) {
        if (AssessmentService.townOf(scope) != null) {
            throw new NotFoundException("问责记录 #" + id + " 不存在或不在您的辖区内");
        }
        AccountabilityRecord r = get(scope, id);
        if (r.documentId() != null) {
            throw new ConflictException("问责记录 #" + id + " 已有决定文书；如需更正，请另立记录更正本记录");
        }
        long doc = upload(id, DivisionCode.of(r.district()), document);
        store.attachDocument(id, doc);
        audit.record(new AuditEvent("ACCOUNTABILITY_DOCUMENT_ATTACHED", AccountabilityRecord.OWNER_TYPE, Long.toString(id), null,
                Map.of("documentId", doc, "fileName", document.fileName() == null ? "" : document.fileName())));
        return store.find(id).orElseThrow();
    }

    private long upload(long id, DivisionCode district, Document document) {
        Attachment a = dossier.attach(new EvidenceOwner(AccountabilityRecord.OWNER_TYPE, id), district,
                EvidenceCategory.LEGAL_DOCUMENT, document.fileName(), "决定文书", document.content());
        return a.id();
    }

    /** The district's records (a town's officer: his town's), by quarter, unit and kind when given, newest first. */
    @Transactional(readOnly = true)
    public List<AccountabilityRecord> list(Scope scope, QuarterKey quarter, String unit, AccountabilityKind kind) {
        DivisionCode district = quarters.district(scope);
        String town = AssessmentService.townOf(scope);
        if (town != null && unit != null && !unit.equals(town)) {
            return List.of();
        }
        return store.list(district.value(), quarter, town != null ? town : text(unit), kind);
    }

    @Transactional(readOnly = true)
    public AccountabilityRecord get(Scope scope, long id) {
        return find(scope, id).orElseThrow(() -> new NotFoundException("问责记录 #" + id + " 不存在或不在您的辖区内"));
    }

    private Optional<AccountabilityRecord> find(Scope scope, long id) {
        DivisionCode district = quarters.district(scope);
        String town = AssessmentService.townOf(scope);
        return store.find(id).filter(r -> r.district().equals(district.value()))
                .filter(r -> town == null || r.unitCode().equals(town));
    }

    @Transactional(readOnly = true)
    public EvidenceContent document(Scope scope, long id) {
        AccountabilityRecord r = get(scope, id);
        if (r.documentId() == null) {
            throw new NotFoundException("问责记录 #" + id + " 没有上传决定文书");
        }
        return dossier.content(r.documentId(), Scope.of(DivisionCode.of(r.district())));
    }

    /** The units a record may name: the district's towns and the departments. */
    @Transactional(readOnly = true)
    public Map<String, String> units(Scope scope) {
        DivisionCode district = quarters.district(scope);
        Map<String, String> units = new LinkedHashMap<>();
        for (Division d : divisions.children(district)) {
            units.put(d.code().value(), d.name());
        }
        for (Departments.Department d : departments.all()) {
            units.put(d.code(), d.name());
        }
        return units;
    }

    private String unitName(DivisionCode district, String unit) {
        if (DivisionCode.isValid(unit)) {
            DivisionCode code = DivisionCode.of(unit);
            if (code.value().length() == 9 && district.contains(code)) {
                return divisions.find(code).map(Division::name).orElse(null);
            }
            return null;
        }
        return departments.all().stream().filter(d -> d.code().equals(unit)).map(Departments.Department::name).findFirst().orElse(null);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
