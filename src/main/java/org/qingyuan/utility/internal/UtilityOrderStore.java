package org.qingyuan.utility.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.qingyuan.utility.OrderState;
import org.qingyuan.utility.SupplyAction;
import org.qingyuan.utility.Utility;
import org.qingyuan.utility.UtilityOrder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code utility_order}. Reads take the caller's visibility condition ({@link UtilityOrderService#visible}). */
@Repository
class UtilityOrderStore {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    UtilityOrderStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A new order, as the office or town gives it. */
    record NewRow(String district, String division, long enterpriseId, String enterpriseName, Utility utility, SupplyAction action,
                  String accountNo, String reason, String documentNo, Long caseId, String by, String unit, Instant at) {
    }

    long insert(NewRow r) {
        return jdbc.sql("""
                        INSERT INTO utility_order (district_code, division_code, enterprise_id, enterprise_name, utility, action, account_no,
                            reason, document_no, case_id, state, ordered_by, ordered_by_unit, ordered_at)
                        VALUES (:district, :division, :enterprise, :name, :utility, :action, :account, :reason, :doc, :case, 'ORDERED',
                            :by, :unit, :at) RETURNING id
                        """)
                .param("district", r.district()).param("division", r.division()).param("enterprise", r.enterpriseId())
                .param("name", r.enterpriseName()).param("utility", r.utility().name()).param("action", r.action().name())
                .param("account", r.accountNo()).param("reason", r.reason()).param("doc", r.documentNo()).param("case", r.caseId())
                .param("by", r.by()).param("unit", r.unit()).param("at", Timestamp.from(r.at()))
                .query(Long.class).single();
    }

    void setOrderAttachment(long id, long attachmentId) {
        jdbc.sql("UPDATE utility_order SET order_attachment_id = :a WHERE id = :id").param("a", attachmentId).param("id", id).update();
    }

    List<UtilityOrder> find(String condition, MapSqlParameterSource params) {
        return named.query("SELECT o.* FROM utility_order o WHERE " + condition + " ORDER BY o.ordered_at DESC, o.id DESC", params,
                UtilityOrderStore::row);
    }

    Optional<UtilityOrder> lock(long id) {
        jdbc.sql("SELECT id FROM utility_order WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
        return find("o.id = :id", new MapSqlParameterSource("id", id)).stream().findFirst();
    }

    boolean confirm(long id, int version, Instant executedAt, String by, Instant at, long attachmentId, String note, String caseItem) {
        return jdbc.sql("""
                        UPDATE utility_order SET state = 'EXECUTED', executed_at = :executed, confirmed_by = :by, confirmed_at = :at,
                               confirmation_attachment_id = :attachment, confirmation_note = :note, case_item = :item, version = version + 1
                         WHERE id = :id AND version = :v AND state = 'ORDERED'
                        """)
                .param("executed", Timestamp.from(executedAt)).param("by", by).param("at", Timestamp.from(at))
                .param("attachment", attachmentId).param("note", note).param("item", caseItem).param("id", id).param("v", version)
                .update() == 1;
    }

    private static UtilityOrder row(ResultSet rs, int n) throws SQLException {
        return new UtilityOrder(rs.getLong("id"), rs.getString("district_code"), rs.getString("division_code"), rs.getLong("enterprise_id"),
                rs.getString("enterprise_name"), Utility.valueOf(rs.getString("utility")), SupplyAction.valueOf(rs.getString("action")),
                rs.getString("account_no"), rs.getString("reason"), rs.getString("document_no"), (Long) rs.getObject("order_attachment_id"),
                (Long) rs.getObject("case_id"), OrderState.valueOf(rs.getString("state")), rs.getString("ordered_by"),
                rs.getString("ordered_by_unit"), instant(rs, "ordered_at"), instant(rs, "executed_at"), rs.getString("confirmed_by"),
                instant(rs, "confirmed_at"), (Long) rs.getObject("confirmation_attachment_id"), rs.getString("confirmation_note"),
                rs.getString("case_item"), rs.getInt("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
