package org.qingyuan.gatekeeping.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
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

    private final RedLineStore store;
    private final AuditTrail audit;

    RedLines(RedLineStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
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
        RedLineArea area = checked(0, form, user, user.division().value(), 0);
        long id = store.insert(area, user.username());
        audit.record(new AuditEvent("RED_LINE_CREATED", "RedLineArea", String.valueOf(id), null, details(area)));
        return store.find(id).orElseThrow();
    }

    @Transactional
    public RedLineArea update(long id, Integer version, Form form, CurrentUser user) {
        if (version == null) {
            throw new InvalidInputException("version", "请提供修改所依据的版本号");
        }
        RedLineArea current = get(id, user);
        RedLineArea changed = checked(id, form, user, current.divisionCode(), version);
        if (!store.update(changed, version, user.username())) {
            throw new ConflictException("该禁入红线区域已被他人修改（当前版本 " + current.version() + "），请刷新后重试");
        }
        audit.record(new AuditEvent("RED_LINE_CHANGED", "RedLineArea", String.valueOf(id), null, details(changed))
                .with(Map.of("fromVersion", version)));
        return store.find(id).orElseThrow();
    }

    private static RedLineArea checked(long id, Form form, CurrentUser user, String keeper, int version) {
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
        String basis = form.legalBasis() == null || form.legalBasis().isBlank() ? LegalBasis.ENTRY_RED_LINE
                : text(form.legalBasis(), "legalBasis", "", 1000);
        return new RedLineArea(id, keeper, name, divisions, boundary == null ? null : boundary.json(), industries, title, number,
                null, basis, form.active() == null || form.active(), version, user.username(), null);
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
