package org.qingyuan.gatekeeping.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.gatekeeping.Landlord;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records landlords, their premises and guarantee letters within the caller's jurisdiction; audited. */
@Service
public class Landlords {

    static final String OWNER_TYPE = "Landlord";
    private static final Set<String> KINDS = Set.of("PERSON", "COMPANY", "VILLAGE_COLLECTIVE");

    private final JdbcClient jdbc;
    private final EnterpriseSites sites;
    private final Dossier dossier;
    private final AuditTrail audit;

    Landlords(JdbcClient jdbc, EnterpriseSites sites, Dossier dossier, AuditTrail audit) {
        this.jdbc = jdbc;
        this.sites = sites;
        this.dossier = dossier;
        this.audit = audit;
    }

    /** What an officer enters; the division is where the landlord (or the collective) is. */
    public record Form(String name, String kind, String divisionCode, String contactPerson, String contactPhone,
                       List<Long> enterpriseIds) {
    }

    @Transactional
    public Landlord register(Form form, CurrentUser user) {
        if (form.name() == null || form.name().isBlank() || form.name().strip().length() > 200) {
            throw new InvalidInputException("name", "请填写出租方名称（不超过 200 字）");
        }
        String kind = form.kind() == null ? "" : form.kind().strip().toUpperCase();
        if (!KINDS.contains(kind)) {
            throw new InvalidInputException("kind", "出租方类型应为个人（PERSON）、单位（COMPANY）或村集体（VILLAGE_COLLECTIVE）");
        }
        DivisionCode division = form.divisionCode() == null || form.divisionCode().isBlank() ? user.division()
                : InvalidInputException.divisionCode("divisionCode", form.divisionCode().strip());
        if (!user.scope().covers(division)) {
            throw new InvalidInputException("divisionCode", "区划 " + division.value() + " 不在本辖区内");
        }
        List<Long> tenants = form.enterpriseIds() == null ? List.of() : form.enterpriseIds().stream().distinct().toList();
        var found = sites.sites(tenants);
        for (Long id : tenants) {
            var site = found.get(id);
            if (site == null || !user.scope().covers(DivisionCode.of(site.divisionCode()))) {
                throw new InvalidInputException("enterpriseIds", "企业 " + id + " 不在本辖区台账中");
            }
        }
        long id = jdbc.sql("""
                        INSERT INTO landlord (division_code, name, kind, contact_person, contact_phone, created_by)
                        VALUES (:division, :name, :kind, :person, :phone, :by) RETURNING id
                        """)
                .param("division", division.value()).param("name", form.name().strip()).param("kind", kind)
                .param("person", blank(form.contactPerson())).param("phone", blank(form.contactPhone()))
                .param("by", user.username()).query(Long.class).single();
        for (Long tenant : tenants) {
            jdbc.sql("INSERT INTO landlord_premises (landlord_id, enterprise_id) VALUES (:l, :e)").param("l", id)
                    .param("e", tenant).update();
        }
        audit.record(new AuditEvent("LANDLORD_REGISTERED", OWNER_TYPE, String.valueOf(id), null,
                Map.of("name", form.name().strip(), "kind", kind, "division", division.value(), "premises", tenants)));
        return get(id, user);
    }

    /** Stores a signed guarantee letter (the file is required) with the date it was signed. */
    @Transactional
    public Landlord.Guarantee addGuarantee(long landlordId, LocalDate signedOn, String fileName, InputStream content,
                                           CurrentUser user) {
        Landlord landlord = get(landlordId, user);
        if (signedOn == null) {
            throw new InvalidInputException("signedOn", "请填写保证书签订日期");
        }
        if (content == null || fileName == null || fileName.isBlank()) {
            throw new InvalidInputException("file", "请上传签字盖章的保证书文件");
        }
        Attachment file = dossier.attach(new EvidenceOwner(OWNER_TYPE, landlordId), DivisionCode.of(landlord.divisionCode()),
                EvidenceCategory.LEGAL_DOCUMENT, fileName, "出租方保证书（" + signedOn + "）", content);
        long id = jdbc.sql("""
                        INSERT INTO guarantee_letter (landlord_id, signed_on, attachment_id, recorded_by)
                        VALUES (:l, :d, :a, :by) RETURNING id
                        """)
                .param("l", landlordId).param("d", signedOn).param("a", file.id()).param("by", user.username())
                .query(Long.class).single();
        audit.record(new AuditEvent("LANDLORD_GUARANTEE_RECORDED", OWNER_TYPE, String.valueOf(landlordId), null,
                Map.of("signedOn", signedOn.toString(), "attachment", file.id())));
        return new Landlord.Guarantee(id, signedOn, file.id(), user.username());
    }

    public Landlord get(long id, CurrentUser user) {
        return list(user, id).stream().findFirst().orElseThrow(() -> new NotFoundException("出租方不存在"));
    }

    public List<Landlord> list(CurrentUser user) {
        return list(user, null);
    }

    private List<Landlord> list(CurrentUser user, Long only) {
        List<Landlord> result = new ArrayList<>();
        jdbc.sql("""
                        SELECT l.*,
                               ARRAY(SELECT enterprise_id FROM landlord_premises p WHERE p.landlord_id = l.id ORDER BY enterprise_id) AS tenants
                          FROM landlord l
                         WHERE l.division_code LIKE :prefix || '%' AND (CAST(:only AS bigint) IS NULL OR l.id = :only)
                         ORDER BY l.id DESC LIMIT 500
                        """)
                .param("prefix", user.scope().prefix()).param("only", only)
                .query((rs, i) -> {
                    long id = rs.getLong("id");
                    List<Long> tenants = List.of((Long[]) rs.getArray("tenants").getArray());
                    return new Landlord(id, rs.getString("division_code"), rs.getString("name"), rs.getString("kind"),
                            rs.getString("contact_person"), rs.getString("contact_phone"), rs.getInt("version"), tenants,
                            guarantees(id), notices(id));
                }).list().forEach(result::add);
        return result;
    }

    private List<Landlord.Guarantee> guarantees(long landlordId) {
        return jdbc.sql("SELECT id, signed_on, attachment_id, recorded_by FROM guarantee_letter WHERE landlord_id = :l ORDER BY signed_on DESC")
                .param("l", landlordId).query((rs, i) -> new Landlord.Guarantee(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getLong(3), rs.getString(4))).list();
    }

    private List<Landlord.LeaseNotice> notices(long landlordId) {
        return jdbc.sql("SELECT enterprise_id, measure, village_collective, notified_at FROM landlord_notice WHERE landlord_id = :l ORDER BY id")
                .param("l", landlordId).query((rs, i) -> new Landlord.LeaseNotice(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
