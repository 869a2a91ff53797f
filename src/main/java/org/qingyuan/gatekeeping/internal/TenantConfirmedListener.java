package org.qingyuan.gatekeeping.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qingyuan.access.RoleCode;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.ledger.EnterpriseClassified;
import org.qingyuan.ledger.EnterprisesClassified;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.qingyuan.policy.EffectiveClassification;
import org.qingyuan.policy.MeasureKind;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A tenant confirmed as 散乱污: its classification now calls for a measure (关停取缔, 搬迁入园, 整治规范) where it called for
 * none before. Its landlords are told to stop leasing (002 五1: "立即告知相关单位停止出租") through the village's and the
 * town's officers (landlords have no accounts), and a village collective's lease is flagged for the town's
 * responsibility assessment. Runs in the classification's transaction, like the rectification module's listener; one
 * query per batch finds the let premises.
 */
@Component
class TenantConfirmedListener {

    private static final Set<MeasureKind> CONFIRMED = Set.of(MeasureKind.SHUTDOWN, MeasureKind.RELOCATE, MeasureKind.REMEDIATE);

    private final JdbcClient jdbc;
    private final Inbox inbox;
    private final AuditTrail audit;

    TenantConfirmedListener(JdbcClient jdbc, Inbox inbox, AuditTrail audit) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.audit = audit;
    }

    @EventListener
    public void on(EnterprisesClassified event) {
        Map<Long, EnterpriseClassified> confirmed = new java.util.HashMap<>();
        for (EnterpriseClassified c : event.classifications()) {
            if (measure(c.classification()) != null && measure(c.previous()) == null) {
                confirmed.put(c.enterpriseId(), c);
            }
        }
        if (confirmed.isEmpty()) {
            return;
        }
        record Let(long landlordId, String name, boolean collective, long enterpriseId) {
        }
        List<Let> lets = jdbc.sql("""
                        SELECT l.id, l.name, l.kind = 'VILLAGE_COLLECTIVE', p.enterprise_id
                          FROM landlord_premises p JOIN landlord l ON l.id = p.landlord_id
                         WHERE p.enterprise_id = ANY(:ids)
                        """)
                .param("ids", confirmed.keySet().toArray(Long[]::new))
                .query((rs, i) -> new Let(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4))).list();
        for (Let let : lets) {
            EnterpriseClassified c = confirmed.get(let.enterpriseId());
            MeasureKind measure = measure(c.classification());
            int added = jdbc.sql("""
                            INSERT INTO landlord_notice (landlord_id, enterprise_id, division_code, measure, village_collective)
                            VALUES (:l, :e, :d, :m, :v) ON CONFLICT DO NOTHING
                            """)
                    .param("l", let.landlordId()).param("e", let.enterpriseId()).param("d", c.divisionCode())
                    .param("m", measure.name()).param("v", let.collective()).update();
            if (added == 0) {
                continue;
            }
            inbox.deliverToRoles(Set.of(RoleCode.VILLAGE_OFFICER.name(), RoleCode.TOWN_OFFICER.name()), c.divisionCode(),
                    new Notice("LANDLORD_STOP_LEASING", "告知出租方停止出租：" + let.name(),
                            "承租企业（编号 " + let.enterpriseId() + "）已确认为“散乱污”企业（" + measure.label() + "），请立即告知出租方“"
                                    + let.name() + "”停止出租并清退企业，报送专项整治办公室。"
                                    + (let.collective() ? "该厂房为村集体资产出租，已纳入镇（街道）责任制考核。" : ""),
                            "/landlords", "landlord-" + let.landlordId() + "-" + let.enterpriseId()));
            audit.record(new AuditEvent("LANDLORD_NOTIFIED", Landlords.OWNER_TYPE, String.valueOf(let.landlordId()), null,
                    Map.of("enterprise", let.enterpriseId(), "measure", measure.name(), "villageCollective", let.collective())));
        }
    }

    private static MeasureKind measure(EffectiveClassification c) {
        if (c == null) {
            return null;
        }
        MeasureKind kind = c.measureKind();
        return kind != null && CONFIRMED.contains(kind) ? kind : null;
    }
}
