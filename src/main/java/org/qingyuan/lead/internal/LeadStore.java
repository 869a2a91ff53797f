package org.qingyuan.lead.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.lead.Lead;
import org.qingyuan.lead.LeadState;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.shared.DivisionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lead table: rows in, rows out, and the decision written only over the version it was made on. */
@Repository
class LeadStore {

    private static final String COLUMNS = """
            id, town_code, division_code, source, source_ref, name, address, longitude, latitude, description, reported_at,
            reported_by, reporter_name, state, enterprise_id, decision_reason, decided_at, decided_by, version
            """;

    private final JdbcClient jdbc;

    LeadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A lead as filed: {@code created} false when the same source reference had been filed before (nothing inserted). */
    record Filed(Lead lead, boolean created) {
    }

    Filed insert(Lead l) {
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO lead (town_code, division_code, source, source_ref, name, address, longitude, latitude,
                                          description, reported_at, reported_by, reporter_name, state)
                        VALUES (:town, :division, :source, :ref, :name, :address, :lon, :lat, :description, :at, :by, :byName, 'OPEN')
                        ON CONFLICT (source, source_ref) WHERE source_ref IS NOT NULL DO NOTHING
                        RETURNING id
                        """)
                .param("town", l.town().value()).param("division", l.division().value()).param("source", l.source().name())
                .param("ref", l.sourceRef()).param("name", l.name()).param("address", l.address()).param("lon", l.longitude())
                .param("lat", l.latitude()).param("description", l.description()).param("at", utc(l.reportedAt()))
                .param("by", l.reportedBy()).param("byName", l.reporterName())
                .query(Long.class).optional();
        if (id.isPresent()) {
            return new Filed(find(id.get()).orElseThrow(), true);
        }
        return new Filed(jdbc.sql("SELECT " + COLUMNS + " FROM lead WHERE source = :source AND source_ref = :ref")
                .param("source", l.source().name()).param("ref", l.sourceRef()).query(LeadStore::row).single(), false);
    }

    Optional<Lead> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lead WHERE id = :id").param("id", id).query(LeadStore::row).optional();
    }

    List<Lead> ofEnterprise(long enterpriseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lead WHERE enterprise_id = :id ORDER BY id").param("id", enterpriseId)
                .query(LeadStore::row).list();
    }

    /** Writes a decision made on {@code decided.version() - 1}; false when someone decided or changed it since. */
    boolean decide(Lead decided) {
        return jdbc.sql("""
                        UPDATE lead SET state = :state, enterprise_id = :enterprise, decision_reason = :reason, decided_at = :at,
                                        decided_by = :by, version = :version
                         WHERE id = :id AND version = :was AND state = 'OPEN'
                        """)
                .param("state", decided.state().name()).param("enterprise", decided.enterpriseId())
                .param("reason", decided.decisionReason()).param("at", utc(decided.decidedAt())).param("by", decided.decidedBy())
                .param("version", decided.version()).param("id", decided.id()).param("was", decided.version() - 1)
                .update() == 1;
    }

    /** A page of the leads under the prefix: open ones first, oldest first; decided ones newest decision first. */
    List<Lead> list(String prefix, LeadState state, Discovery source, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lead" + where(state, source) + """
                         ORDER BY state = 'OPEN' DESC, CASE WHEN state = 'OPEN' THEN reported_at END ASC, decided_at DESC NULLS LAST, id DESC
                         LIMIT :size OFFSET :offset
                        """)
                .params(params(prefix, state, source)).param("size", size).param("offset", (long) page * size)
                .query(LeadStore::row).list();
    }

    long count(String prefix, LeadState state, Discovery source) {
        return jdbc.sql("SELECT count(*) FROM lead" + where(state, source)).params(params(prefix, state, source))
                .query(Long.class).single();
    }

    /** Open leads per town under the prefix, with the oldest one's filing time. */
    List<LeadQueue> queues(String prefix) {
        return jdbc.sql("""
                        SELECT town_code, count(*), min(reported_at) FROM lead
                         WHERE division_code LIKE :prefix || '%' AND state = 'OPEN' GROUP BY town_code ORDER BY town_code
                        """).param("prefix", prefix)
                .query((rs, i) -> new LeadQueue(rs.getString(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    private static String where(LeadState state, Discovery source) {
        return " WHERE division_code LIKE :prefix || '%'" + (state == null ? "" : " AND state = :state")
                + (source == null ? "" : " AND source = :source");
    }

    private static Map<String, Object> params(String prefix, LeadState state, Discovery source) {
        return Map.of("prefix", prefix, "state", state == null ? "" : state.name(), "source", source == null ? "" : source.name());
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Lead row(ResultSet rs, int i) throws SQLException {
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        Long enterprise = rs.getObject("enterprise_id", Long.class);
        return new Lead(rs.getLong("id"), DivisionCode.of(rs.getString("town_code")), DivisionCode.of(rs.getString("division_code")),
                Discovery.valueOf(rs.getString("source")), rs.getString("source_ref"), rs.getString("name"), rs.getString("address"),
                (Double) rs.getObject("longitude"), (Double) rs.getObject("latitude"), rs.getString("description"),
                rs.getObject("reported_at", OffsetDateTime.class).toInstant(), rs.getString("reported_by"),
                rs.getString("reporter_name"), LeadState.valueOf(rs.getString("state")), enterprise,
                rs.getString("decision_reason"), decided == null ? null : decided.toInstant(), rs.getString("decided_by"),
                rs.getInt("version"));
    }
}
