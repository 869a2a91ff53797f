package org.qingyuan.ledger.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.internal.ClassificationRecord;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.internal.OverrideDecision;
import org.qingyuan.policy.ClassificationOverride;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The classification tables: {@code enterprise_classification} (per enterprise: settings, current
 * record and override, stale mark), {@code classification_record} (append-only) and
 * {@code classification_override}. Reads that answer a caller take its scope.
 */
@Repository
class JdbcClassifications {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What classifying one enterprise needs: its facts and place, its settings and what applies now. */
    record Input(long id, String division, String factsJson, Industry industry, LocalDate reportedOn, boolean active,
                 String zoneOverride, LocalDate noticeDate, Long currentId, Long overrideId, String staleReason, int version,
                 boolean stale) {
    }

    /** A record to store. */
    record NewRecord(long enterpriseId, String policyId, int policyVersion, String category, String measureKind,
                     String measureLabel, String deadlines, String explanation, String facts, String fingerprint, String zone,
                     LocalDate noticeDate, String reason) {
    }

    /** The stored columns of a record (with its facts, to explain it again). */
    record Stored(ClassificationRecord record, Map<String, Object> facts, Map<String, Object> detail) {
    }

    private static final String INPUT = """
            SELECT c.enterprise_id, e.division_code, e.facts::text AS facts, e.industry, e.reported_on, e.status,
                   c.zone_override, c.notice_date, c.current_id, c.override_id, c.stale_reason, c.version, c.stale
              FROM enterprise_classification c JOIN enterprise e ON e.id = c.enterprise_id
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    private final JdbcEnterprises enterprises;

    JdbcClassifications(JdbcClient jdbc, NamedParameterJdbcTemplate named, JdbcEnterprises enterprises) {
        this.jdbc = jdbc;
        this.named = named;
        this.enterprises = enterprises;
    }

    /** The enterprise's row inside the scope, if any. */
    Optional<Input> find(long id, Scope scope) {
        return jdbc.sql(INPUT + " WHERE c.enterprise_id = :id AND e.division_code LIKE :prefix || '%'")
                .param("id", id).param("prefix", scope.prefix()).query(ClassificationRows::input).optional()
                .filter(found -> !scope.gridLimited() || !enterprises.hidden(scope).contains(id));
    }

    /** Locks the enterprises' rows for the transaction, in id order (so two writers cannot deadlock). */
    List<Input> lock(Collection<Long> ids) {
        return jdbc.sql(INPUT + " WHERE c.enterprise_id = ANY(:ids) ORDER BY c.enterprise_id FOR UPDATE OF c")
                .param("ids", ids.toArray(Long[]::new)).query(ClassificationRows::input).list();
    }

    /** Locks up to {@code limit} stale rows that no other node holds (the background worker's batch). */
    List<Input> lockStale(int limit) {
        return jdbc.sql(INPUT + """
                         WHERE c.enterprise_id IN (SELECT enterprise_id FROM enterprise_classification WHERE stale
                                                    ORDER BY enterprise_id LIMIT :limit FOR UPDATE SKIP LOCKED)
                         ORDER BY c.enterprise_id
                        """)
                .param("limit", limit).query(ClassificationRows::input).list();
    }

    long countStale() {
        return jdbc.sql("SELECT count(*) FROM enterprise_classification WHERE stale").query(Long.class).single();
    }

    /** Marks every active enterprise for recomputation (e.g. another policy was activated). */
    int markAllStale(String reason) {
        return jdbc.sql("""
                        UPDATE enterprise_classification c SET stale = true, stale_reason = :reason
                          FROM enterprise e WHERE e.id = c.enterprise_id AND e.status = 'ACTIVE'
                        """)
                .param("reason", reason).update();
    }

    List<Long> reserveRecordIds(int count) {
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence('classification_record', 'id')) FROM generate_series(1, :n)")
                .param("n", count).query(Long.class).list();
    }

    /** Inserts the records with the given ids: one batched statement. */
    void insertRecords(List<Long> ids, List<NewRecord> records, Instant at, String by) {
        if (records.isEmpty()) {
            return;
        }
        if (records.size() >= CopyRows.THRESHOLD) {
            copyRecords(ids, records, at, by);
            return;
        }
        Timestamp when = Timestamp.from(at);
        SqlParameterSource[] batch = new SqlParameterSource[records.size()];
        for (int i = 0; i < records.size(); i++) {
            NewRecord r = records.get(i);
            batch[i] = new MapSqlParameterSource().addValue("id", ids.get(i)).addValue("enterprise", r.enterpriseId())
                    .addValue("policy", r.policyId()).addValue("policyVersion", r.policyVersion())
                    .addValue("category", r.category()).addValue("measureKind", r.measureKind())
                    .addValue("measureLabel", r.measureLabel()).addValue("deadlines", r.deadlines())
                    .addValue("explanation", r.explanation()).addValue("facts", r.facts())
                    .addValue("fingerprint", r.fingerprint()).addValue("zone", r.zone()).addValue("notice", r.noticeDate())
                    .addValue("at", when).addValue("by", by).addValue("reason", r.reason());
        }
        named.batchUpdate("""
                INSERT INTO classification_record (id, enterprise_id, policy_id, policy_version, category, measure_kind,
                    measure_label, deadlines, explanation, facts, facts_fingerprint, zone, notice_date, computed_at, computed_by, reason)
                VALUES (:id, :enterprise, :policy, :policyVersion, :category, :measureKind, :measureLabel, CAST(:deadlines AS jsonb),
                    CAST(:explanation AS jsonb), CAST(:facts AS jsonb), :fingerprint, :zone, :notice, :at, :by, :reason)
                """, batch);
    }

    /** The same rows through COPY (the background worker's batches). */
    private void copyRecords(List<Long> ids, List<NewRecord> records, Instant at, String by) {
        CopyRows copy = new CopyRows();
        String when = java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC).toString();
        for (int i = 0; i < records.size(); i++) {
            NewRecord r = records.get(i);
            copy.add(ids.get(i)).add(r.enterpriseId()).add(r.policyId()).add(r.policyVersion()).add(r.category())
                    .add(r.measureKind()).add(r.measureLabel()).add(r.deadlines()).add(r.explanation()).add(r.facts())
                    .add(r.fingerprint()).add(r.zone()).add(r.noticeDate()).add(when).add(by).add(r.reason()).endRow();
        }
        copy.copy(named.getJdbcTemplate().getDataSource(), "classification_record", """
                id, enterprise_id, policy_id, policy_version, category, measure_kind, measure_label, deadlines, explanation,
                facts, facts_fingerprint, zone, notice_date, computed_at, computed_by, reason""");
    }

    /** Points the enterprises at their new records (null: keep) and clears their stale mark: one statement. */
    void markClassified(List<Long> enterpriseIds, List<Long> recordIds) {
        if (enterpriseIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE enterprise_classification c SET stale = false, stale_reason = NULL,
                               current_id = coalesce(v.record, c.current_id)
                          FROM unnest(CAST(:ids AS bigint[]), CAST(:records AS bigint[])) AS v(id, record)
                         WHERE c.enterprise_id = v.id
                        """)
                .param("ids", enterpriseIds.toArray(Long[]::new)).param("records", recordIds.toArray(Long[]::new)).update();
    }

    /** Changes the settings if the version still matches; false when somebody else changed them first. */
    boolean updateSettings(long id, int version, String zoneOverride, LocalDate noticeDate, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE enterprise_classification SET zone_override = :zone, notice_date = :notice, version = version + 1,
                               updated_at = :at, updated_by = :by
                         WHERE enterprise_id = :id AND version = :version
                        """)
                .param("zone", zoneOverride).param("notice", noticeDate).param("at", Timestamp.from(at)).param("by", by)
                .param("id", id).param("version", version).update() == 1;
    }

    boolean setOverride(long id, int version, Long overrideId, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE enterprise_classification SET override_id = :override, version = version + 1,
                               updated_at = :at, updated_by = :by
                         WHERE enterprise_id = :id AND version = :version
                        """)
                .param("override", overrideId).param("at", Timestamp.from(at)).param("by", by)
                .param("id", id).param("version", version).update() == 1;
    }

    long insertOverride(long enterpriseId, ClassificationOverride o) {
        Map<String, String> deadlines = new LinkedHashMap<>();
        o.deadlines().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> deadlines.put(e.getKey().name(), e.getValue().toString()));
        return jdbc.sql("""
                        INSERT INTO classification_override (enterprise_id, measure_kind, measure_label, deadlines, reason,
                            decided_by, decided_at, facts_fingerprint, policy_id, policy_version)
                        VALUES (:enterprise, :kind, :label, CAST(:deadlines AS jsonb), :reason, :by, :at, :fingerprint, :policy, :version)
                        RETURNING id
                        """)
                .param("enterprise", enterpriseId).param("kind", o.measureKind() == null ? null : o.measureKind().name())
                .param("label", o.measureLabel()).param("deadlines", JSON.writeValueAsString(deadlines))
                .param("reason", o.reason()).param("by", o.decidedBy()).param("at", Timestamp.from(o.decidedAt()))
                .param("fingerprint", o.factsFingerprint()).param("policy", o.policyId()).param("version", o.policyVersion())
                .query(Long.class).single();
    }

    void clearOverride(long overrideId, Instant at, String by, String reason) {
        jdbc.sql("""
                        UPDATE classification_override SET cleared_at = :at, cleared_by = :by, cleared_reason = :reason
                         WHERE id = :id AND cleared_at IS NULL
                        """)
                .param("at", Timestamp.from(at)).param("by", by).param("reason", reason).param("id", overrideId).update();
    }

    Map<Long, Stored> records(Collection<Long> ids) {
        Map<Long, Stored> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql(RECORD + " WHERE r.id = ANY(:ids)").param("ids", ids.toArray(Long[]::new))
                .query(ClassificationRows::stored).list().forEach(s -> result.put(s.record().id(), s));
        return result;
    }

    Map<Long, OverrideDecision> overrides(Collection<Long> ids) {
        Map<Long, OverrideDecision> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql(OVERRIDE + " WHERE id = ANY(:ids)").param("ids", ids.toArray(Long[]::new))
                .query(ClassificationRows::override).list().forEach(o -> result.put(o.id(), o));
        return result;
    }

    List<ClassificationRecord> history(long enterpriseId) {
        return jdbc.sql(RECORD + " WHERE r.enterprise_id = :id ORDER BY r.id DESC").param("id", enterpriseId)
                .query(ClassificationRows::stored).list().stream().map(Stored::record).toList();
    }

    List<OverrideDecision> overrideHistory(long enterpriseId) {
        return jdbc.sql(OVERRIDE + " WHERE enterprise_id = :id ORDER BY id DESC").param("id", enterpriseId)
                .query(ClassificationRows::override).list();
    }

    private static final String RECORD = """
            SELECT r.id, r.enterprise_id, r.policy_id, r.policy_version, r.category, r.measure_kind, r.measure_label,
                   r.deadlines::text AS deadlines, r.explanation::text AS explanation, r.facts::text AS facts, r.facts_fingerprint,
                   r.zone, r.notice_date, r.computed_at, r.computed_by, r.reason
              FROM classification_record r
            """;

    private static final String OVERRIDE = """
            SELECT id, enterprise_id, measure_kind, measure_label, deadlines::text AS deadlines, reason, decided_by, decided_at,
                   facts_fingerprint, policy_id, policy_version, cleared_at, cleared_by, cleared_reason
              FROM classification_override
            """;
}
