package org.qingyuan.rectification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.ledger.EnterpriseEdited;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.ledger.EnterpriseWithdrawn;
import org.qingyuan.rectification.RectificationCase;
import org.qingyuan.shared.DivisionCode;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a case with its enterprise, in the ledger's transaction: a new name, address or coordinates are copied (the
 * photo check uses them); a move to another division moves the case and its dossier (jurisdiction follows); an
 * enterprise withdrawn from the ledger withdraws its open case.
 */
@Component
class EnterpriseChangesListener {

    private static final Set<String> SITE_FIELDS = Set.of("name", "address", "longitude", "latitude", "divisionCode");

    private final CaseStore store;
    private final EnterpriseSites sites;
    private final Dossier dossier;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    EnterpriseChangesListener(CaseStore store, EnterpriseSites sites, Dossier dossier, JdbcClient jdbc, AuditTrail audit,
                              Clock clock) {
        this.store = store;
        this.sites = sites;
        this.dossier = dossier;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    // same-transaction @EventListener: a case moved to another division must leave the old town's jurisdiction with the edit
    @EventListener
    public void on(EnterpriseEdited event) {
        if (event.fields().stream().noneMatch(SITE_FIELDS::contains)) {
            return;
        }
        CaseStore.Row row = store.byEnterprise(List.of(event.enterpriseId())).get(event.enterpriseId());
        EnterpriseSites.Site site = sites.sites(List.of(event.enterpriseId())).get(event.enterpriseId());
        if (row == null || site == null) {
            return;
        }
        long caseId = row.rectificationCase().id();
        String from = row.rectificationCase().divisionCode();
        boolean moved = !from.equals(site.divisionCode());
        jdbc.sql("""
                        UPDATE rectification_case SET enterprise_name = :name, address = :address, longitude = :lon, latitude = :lat,
                               division_code = :division, version = version + CASE WHEN :moved THEN 1 ELSE 0 END
                         WHERE id = :id
                        """)
                .param("name", site.name()).param("address", site.address()).param("lon", site.longitude())
                .param("lat", site.latitude()).param("division", site.divisionCode()).param("moved", moved).param("id", caseId)
                .update();
        if (moved) {
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            jdbc.sql("""
                            INSERT INTO rectification_step (case_id, case_version, kind, actor, at, detail, state, overdue)
                            SELECT :id, :version, 'ENTERPRISE_MOVED', 'system', :at, :detail, c.state, c.overdue_since IS NOT NULL
                              FROM rectification_case c WHERE c.id = :id
                            """)
                    .param("id", caseId).param("version", row.rectificationCase().version() + 1)
                    .param("at", java.sql.Timestamp.from(now)).param("detail", from + " → " + site.divisionCode()).update();
            dossier.relocate(new EvidenceOwner(CaseService.OWNER_TYPE, caseId), DivisionCode.of(site.divisionCode()));
            audit.record(new AuditEvent("CASE_MOVED", CaseService.OWNER_TYPE, Long.toString(caseId), null,
                    Map.of("from", from, "to", site.divisionCode())));
        }
    }

    // same-transaction @EventListener: an enterprise out of the ledger never keeps an open case, not even for a moment
    @EventListener
    public void on(EnterpriseWithdrawn event) {
        CaseStore.Row row = store.byEnterprise(List.of(event.enterpriseId())).get(event.enterpriseId());
        if (row == null) {
            return;
        }
        RectificationCase c = row.rectificationCase();
        if (!c.state().open()) {
            return;
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        int version = c.version();
        c.withdraw("system", "企业已撤出台账：" + event.reason().label(), now);
        store.update(c, version, now);
        audit.record(new AuditEvent("CASE_WITHDRAWN", CaseService.OWNER_TYPE, Long.toString(c.id()), event.reason().label(),
                Map.of("enterpriseId", event.enterpriseId())));
    }
}
