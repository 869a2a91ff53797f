package org.qingyuan.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qingyuan.audit.AuditActor;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail.Outcome;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends records to the chain. Callers hold a transaction; the advisory lock serialises
 * appends until that transaction ends, so the chain order is the id order.
 */
@Component
class AuditWriter {

    private static final long CHAIN_LOCK = 0x51_59_41_55_44_49_54L; // "QYAUDIT"

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditWriter(JdbcClient jdbc, NamedParameterJdbcTemplate named, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.clock = clock;
    }

    AuditRecord append(AuditActor actor, AuditEvent event, Outcome outcome) {
        return appendAll(List.of(new Entry(actor, event, outcome))).get(0);
    }

    /** One record to append: who, what and how it ended. */
    record Entry(AuditActor actor, AuditEvent event, Outcome outcome) {
    }

    /** Appends the entries in their order under one hold of the chain lock (the group appender's batch). */
    List<AuditRecord> appendAll(List<Entry> entries) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query().singleValue();
        String prevHash = jdbc.sql("SELECT hash FROM audit_record ORDER BY id DESC LIMIT 1")
                .query(String.class).optional().orElse(AuditRecord.GENESIS);
        // the ids in one round trip, the rows in one batch: a group of N costs a few statements, not 2N
        List<Long> ids = jdbc.sql("SELECT nextval('audit_record_id_seq') FROM generate_series(1, :n) ORDER BY 1")
                .param("n", entries.size()).query(Long.class).list();
        List<AuditRecord> written = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            AuditActor actor = entries.get(i).actor();
            AuditEvent event = entries.get(i).event();
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            AuditRecord record = new AuditRecord(ids.get(i), now, clean(actor.username()), actor.roleCode(),
                    actor.divisionCode(), clean(actor.clientAddress()), clean(event.action()), event.objectType(),
                    clean(event.objectId()), entries.get(i).outcome().name(), clean(event.reason()),
                    detailsJson(event.details()), prevHash, null).sealed();
            written.add(record);
            prevHash = record.hash();
        }
        insert(written);
        return written;
    }

    private void insert(List<AuditRecord> records) {
        SqlParameterSource[] rows = records.stream().map(record -> new MapSqlParameterSource()
                .addValue("id", record.id()).addValue("at", Timestamp.from(record.occurredAt()))
                .addValue("username", record.username()).addValue("role", record.roleCode())
                .addValue("division", record.divisionCode()).addValue("client", record.clientAddress())
                .addValue("action", record.action()).addValue("type", record.objectType())
                .addValue("objectId", record.objectId()).addValue("outcome", record.outcome())
                .addValue("reason", record.reason()).addValue("details", record.details())
                .addValue("prev", record.prevHash()).addValue("hash", record.hash())).toArray(SqlParameterSource[]::new);
        named.batchUpdate("""
                INSERT INTO audit_record (id, occurred_at, username, role_code, division_code, client_address, action,
                                          object_type, object_id, outcome, reason, details, prev_hash, hash)
                VALUES (:id, :at, :username, :role, :division, :client, :action, :type, :objectId, :outcome,
                        :reason, :details, :prev, :hash)
                """, rows);
    }

    private String detailsJson(Map<String, Object> details) {
        return json.writeValueAsString(new java.util.TreeMap<>(details)).replace("\\u0000", "\\uFFFD");
    }

    /** PostgreSQL text cannot hold NUL: a hostile user name or path must still leave its record. */
    private static String clean(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }
}
