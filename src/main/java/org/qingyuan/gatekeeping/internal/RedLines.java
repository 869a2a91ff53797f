package org.qingyuan.gatekeeping.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.gatekeeping.RedLineArea;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the red-line areas of the caller's district: checked, versioned (a stale version is a 409), audited. */
@Service
public class RedLines {

    static final String OWNER_TYPE = "RedLineArea";

    private final RedLineStore store;
    private final AuditTrail audit;
    private final Dossier dossier;
    private final LegalBasis legalBasis;

    RedLines(RedLineStore store, AuditTrail audit, Dossier dossier, LegalBasis legalBasis) {
        this.legalBasis = legalBasis;
        this.store = store;
        this.audit = audit;
        this.dossier = dossier;
    }

    /** The red-line document as uploaded (PDF or scan), or none. */
    public record Upload(String fileName, InputStream content) {

        static boolean given(Upload upload) {
            return upload != null && upload.content() != null && upload.fileName() != null && !upload.fileName().isBlank();
        }
    }

    /**
     * What an official enters.
     *
     * @param divisionCodes division codes covered (may be empty when a boundary is given)
     * @param boundary GeoJSON polygon, or blank
     * @param bannedIndustries industry codes or free text; empty for all
     * @param active false to lift the area (kept with its history)
     */
    public record Form(String name, List<String> divisionCodes, String boundary, List<String> bannedIndustries,
                       String documentTitle, String documentNumber, String legalBasis, Boolean active) {
    }

    public List<RedLineArea> list(CurrentUser user) {
        return store.list(user.division());
    }

    public RedLineArea get(long id, CurrentUser user) {
        return store.find(id).filter(a -> user.scope().covers(DivisionCode.of(a.divisionCode())))
                .orElseThrow(() -> new NotFoundException("禁入红线区域不存在"));
    }

    @Transactional
    public RedLineArea create(Form form, CurrentUser user) {
        return create(form, null, user);
    }

    /** Sets up an area; its document, when uploaded, goes into the evidence store (the area's dossier). */
    @Transactional
    public RedLineArea create(Form form, Upload document, CurrentUser user) {
        RedLineArea area = checked(0, form, user, user.division().value(), 0, null);
        long id = store.insert(area, user.username());
        Long attachment = attach(id, area, document);
        if (attachment != null) {
            store.setDocument(id, attachment);
        }
        audit.record(new AuditEvent("RED_LINE_CREATED", OWNER_TYPE, String.valueOf(id), null, details(area))
                .with(attachment == null ? Map.of() : Map.of("document", attachment)));
        return store.find(id).orElseThrow();
    }

    /**
     * Changes an area from the version the official saw (409 when stale), with the reason (required) and, when
     * uploaded, a new document (the earlier one stays in the dossier).
     */
    @Transactional
    public RedLineArea update(long id, Integer version, Form form, String reason, Upload document, CurrentUser user) {
        if (version == null) {
            throw new InvalidInputException("version", "请提供修改所依据的版本号");
        }
        String why = text(reason, "reason", "请填写修改理由", 500);
        RedLineArea current = get(id, user);
        Long attachment = attach(id, current, document);
        RedLineArea changed = checked(id, form, user, current.divisionCode(), version,
                attachment != null ? attachment : current.documentAttachmentId());
        if (!store.update(changed, version, user.username())) {
            throw new ConflictException("该禁入红线区域已被他人修改（当前版本 " + current.version() + "），请刷新后重试");
        }
        String action = current.active() && !changed.active() ? "RED_LINE_LIFTED"
                : !current.active() && changed.active() ? "RED_LINE_REINSTATED" : "RED_LINE_CHANGED";
        Map<String, Object> more = new java.util.LinkedHashMap<>(Map.of("fromVersion", version));
        if (attachment != null) {
            more.put("newDocument", attachment);
        }
        audit.record(new AuditEvent(action, OWNER_TYPE, String.valueOf(id), why, details(changed)).with(more));
        return store.find(id).orElseThrow();
    }

    /** Lifts (撤销) an area: kept with its history, no longer applied to lookups. */
    @Transactional
    public RedLineArea lift(long id, Integer version, String reason, CurrentUser user) {
        RedLineArea a = get(id, user);
        if (!a.active()) {
            throw new ConflictException("该禁入红线区域已撤销");
        }
        return update(id, version, new Form(a.name(), a.divisionCodes(), a.boundary(), a.bannedIndustries(), a.documentTitle(),
                a.documentNumber(), a.legalBasis(), false), reason, null, user);
    }

    private Long attach(long id, RedLineArea area, Upload document) {
        if (!Upload.given(document)) {
            return null;
        }
        return dossier.attach(new EvidenceOwner(OWNER_TYPE, id), DivisionCode.of(area.divisionCode()),
                EvidenceCategory.LEGAL_DOCUMENT, document.fileName(), "禁入红线设立文件：" + area.document(),
                document.content()).id();
    }

    private RedLineArea checked(long id, Form form, CurrentUser user, String keeper, int version, Long attachment) {
        String name = text(form.name(), "name", "请填写红线区域名称", 200);
        List<String> divisions = new ArrayList<>();
        for (String raw : form.divisionCodes() == null ? List.<String>of() : form.divisionCodes()) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            DivisionCode code = InvalidInputException.divisionCode("divisionCodes", raw.strip());
            if (!user.scope().covers(code)) {
                throw new InvalidInputException("divisionCodes", "区划 " + code.value() + " 不在本辖区内");
            }
            divisions.add(code.value());
        }
        RedLineBoundary boundary = RedLineBoundary.parse(form.boundary());
        if (divisions.isEmpty() && boundary == null) {
            throw new InvalidInputException("divisionCodes", "请给出红线区域覆盖的区划，或绘制其范围");
        }
        List<String> industries = (form.bannedIndustries() == null ? List.<String>of() : form.bannedIndustries()).stream()
                .filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        String title = text(form.documentTitle(), "documentTitle", "请填写设立红线的文件名称", 200);
        String number = form.documentNumber() == null || form.documentNumber().isBlank() ? null : form.documentNumber().strip();
        String basis = form.legalBasis() == null || form.legalBasis().isBlank() ? legalBasis.entryRedLine()
                : text(form.legalBasis(), "legalBasis", "", 1000);
        return new RedLineArea(id, keeper, name, divisions, boundary == null ? null : boundary.json(), industries, title, number,
                attachment, basis, form.active() == null || form.active(), version, user.username(), null);
    }

    private static String text(String raw, String field, String missing, int max) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, missing);
        }
        if (raw.strip().length() > max) {
            throw new InvalidInputException(field, "不能超过 " + max + " 个字");
        }
        return raw.strip();
    }

    private static Map<String, Object> details(RedLineArea a) {
        return Map.of("name", a.name(), "divisions", a.divisionCodes(), "polygon", a.boundary() != null,
                "industries", a.bannedIndustries(), "document", a.document(), "active", a.active());
    }
}
