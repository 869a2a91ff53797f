package org.qingyuan.utility.internal;

import java.io.ByteArrayInputStream;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.utility.LicenceAction;
import org.qingyuan.utility.LicenceActionKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Licence actions (D6): market regulation's officers record a change, deregistration or revocation of an enterprise's
 * business licence on the government's order, with the decision's number, date and document (kept in the enterprise's
 * dossier). Append-only; the latest action is the licence state the ledger shows.
 */
@Service
public class LicenceService {

    /** The department whose officers record licence actions. */
    public static final String MARKET_REGULATION = "MARKET_REGULATION";

    private final JdbcClient jdbc;
    private final EnterpriseSites sites;
    private final Dossier dossier;
    private final AuditTrail audit;
    private final Clock clock;

    LicenceService(JdbcClient jdbc, EnterpriseSites sites, Dossier dossier, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.sites = sites;
        this.dossier = dossier;
        this.audit = audit;
        this.clock = clock;
    }

    /** What market regulation records. */
    public record NewAction(Long enterpriseId, LicenceActionKind kind, LocalDate decidedOn, String documentNo, String governmentOrder,
                            String note, UtilityOrderService.Upload document) {
    }

    /** The actions under the caller's jurisdiction, newest first; {@code enterpriseId} narrows them to one enterprise. */
    @Transactional(readOnly = true)
    public List<LicenceAction> list(Scope scope, Long enterpriseId) {
        return jdbc.sql("SELECT * FROM licence_action WHERE division_code LIKE :prefix || '%'"
                        + (enterpriseId == null ? "" : " AND enterprise_id = :enterprise") + " ORDER BY decided_on DESC, id DESC")
                .param("prefix", scope.prefix()).param("enterprise", enterpriseId).query(LicenceService::row).list();
    }

    /** The latest action on the enterprise's licence, within the scope. */
    @Transactional(readOnly = true)
    public Optional<LicenceAction> current(long enterpriseId, Scope scope) {
        return list(scope, enterpriseId).stream().findFirst();
    }

    @Transactional
    public LicenceAction record(CurrentUser user, NewAction a) {
        if (user.role() != RoleCode.DEPARTMENT_OFFICER || !MARKET_REGULATION.equals(user.departmentCode())) {
            throw new org.springframework.security.access.AccessDeniedException("只有市场监管部门可以记录营业执照变更、注销和吊销");
        }
        if (a.enterpriseId() == null) {
            throw new InvalidInputException("enterpriseId", "请选择企业");
        }
        var site = sites.sites(List.of(a.enterpriseId())).get(a.enterpriseId());
        if (site == null || !user.scope().covers(DivisionCode.of(site.divisionCode()))) {
            throw new InvalidInputException("enterpriseId", "企业 #" + a.enterpriseId() + " 不存在或不在您的辖区内");
        }
        if (a.kind() == null) {
            throw new InvalidInputException("kind", "请选择变更、注销或吊销");
        }
        LocalDate today = LocalDate.now(clock.withZone(UtilityOrderService.CHINA));
        if (a.decidedOn() == null || a.decidedOn().isAfter(today)) {
            throw new InvalidInputException("decidedOn", "请填写决定日期（不晚于今天）");
        }
        String documentNo = a.documentNo() == null ? "" : a.documentNo().strip();
        if (documentNo.isEmpty() || documentNo.length() > 100) {
            throw new InvalidInputException("documentNo", "请填写决定书文号（100 字以内）");
        }
        if (a.document() == null || a.document().content() == null || a.document().content().length == 0) {
            throw new InvalidInputException("document", "请上传" + a.kind().label() + "决定书");
        }
        String order = blank(a.governmentOrder());
        String note = blank(a.note());
        if (order != null && order.length() > 500 || note != null && note.length() > 2000) {
            throw new InvalidInputException(order != null && order.length() > 500 ? "governmentOrder" : "note", "内容过长");
        }
        Attachment file = dossier.attach(EvidenceOwner.enterprise(site.id()), DivisionCode.of(site.divisionCode()), EvidenceCategory.LEGAL_DOCUMENT,
                a.document().fileName(), "营业执照" + a.kind().label() + "决定书 " + documentNo, new ByteArrayInputStream(a.document().content()));
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        long id = jdbc.sql("""
                        INSERT INTO licence_action (district_code, division_code, enterprise_id, enterprise_name, kind, decided_on, document_no,
                            government_order, note, attachment_id, recorded_by, recorded_at)
                        VALUES (:district, :division, :enterprise, :name, :kind, :on, :doc, :order, :note, :file, :by, :at) RETURNING id
                        """)
                .param("district", site.divisionCode().substring(0, 6)).param("division", site.divisionCode()).param("enterprise", site.id())
                .param("name", site.name()).param("kind", a.kind().name()).param("on", a.decidedOn()).param("doc", documentNo)
                .param("order", order).param("note", note).param("file", file.id()).param("by", user.username())
                .param("at", Timestamp.from(now)).query(Long.class).single();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enterpriseId", site.id());
        details.put("kind", a.kind().name());
        details.put("decidedOn", a.decidedOn().toString());
        details.put("documentNo", documentNo);
        details.put("attachmentId", file.id());
        audit.record(new AuditEvent("LICENCE_ACTION_RECORDED", "LicenceAction", Long.toString(id), order, details));
        return list(user.scope(), site.id()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LicenceAction row(ResultSet rs, int n) throws SQLException {
        Date on = rs.getDate("decided_on");
        return new LicenceAction(rs.getLong("id"), rs.getString("division_code"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
                LicenceActionKind.valueOf(rs.getString("kind")), on.toLocalDate(), rs.getString("document_no"), rs.getString("government_order"),
                rs.getString("note"), rs.getLong("attachment_id"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }
}
