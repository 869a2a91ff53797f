package org.qingyuan.ledger.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.DuplicateReason;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.internal.EnterpriseVersion;
import org.qingyuan.ledger.FieldChange;
import org.qingyuan.ledger.PossibleDuplicate;
import org.qingyuan.ledger.VersionAction;
import org.qingyuan.shared.DivisionCode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code enterprise_version} and {@code enterprise_duplicate} tables. */
@Repository
class JdbcHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One version to write. */
    record NewVersion(long enterpriseId, int version, VersionAction action, String reason, List<FieldChange> changes) {
    }

    /** One possible-duplicate pair to record. */
    record NewPair(long a, long b, List<String> reasons) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    JdbcHistory(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    void addVersions(List<NewVersion> versions, Instant at, String username, String displayName) {
        if (versions.size() >= CopyRows.THRESHOLD) {
            String when = java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC).toString();
            try (CopyRows copy = CopyRows.into(named.getJdbcTemplate().getDataSource(), "enterprise_version",
                    "enterprise_id, version, action, changed_at, changed_by, changed_by_name, reason, changes")) {
                for (NewVersion v : versions) {
                    copy.add(v.enterpriseId()).add(v.version()).add(v.action().name()).add(when).add(username).add(displayName)
                            .add(v.reason()).add(JSON.writeValueAsString(EnterpriseFields.asMap(v.changes()))).endRow();
                }
                copy.finish();
            }
            return;
        }
        SqlParameterSource[] batch = versions.stream().map(v -> new MapSqlParameterSource()
                        .addValue("id", v.enterpriseId()).addValue("version", v.version()).addValue("action", v.action().name())
                        .addValue("at", Timestamp.from(at)).addValue("by", username).addValue("byName", displayName)
                        .addValue("reason", v.reason())
                        .addValue("changes", JSON.writeValueAsString(EnterpriseFields.asMap(v.changes()))))
                .toArray(SqlParameterSource[]::new);
        named.batchUpdate("""
                INSERT INTO enterprise_version (enterprise_id, version, action, changed_at, changed_by, changed_by_name, reason, changes)
                VALUES (:id, :version, :action, :at, :by, :byName, :reason, CAST(:changes AS jsonb))
                """, batch);
    }

    /** Versions of the given records, newest first; {@code after} limits them to those after a version of the first id. */
    List<EnterpriseVersion> versions(List<Long> ids, int after) {
        return jdbc.sql("""
                        SELECT enterprise_id, version, action, changed_at, changed_by, changed_by_name, reason, changes::text AS changes
                          FROM enterprise_version
                         WHERE enterprise_id = ANY(:ids) AND version > :after
                         ORDER BY changed_at DESC, enterprise_id, version DESC
                        """).param("ids", ids.toArray(Long[]::new)).param("after", after)
                .query((rs, i) -> new EnterpriseVersion(new EnterpriseId(rs.getLong("enterprise_id")), rs.getInt("version"),
                        VersionAction.valueOf(rs.getString("action")), rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by"), rs.getString("changed_by_name"), rs.getString("reason"),
                        changes(rs.getString("changes"))))
                .list();
    }

    private static List<FieldChange> changes(String json) {
        return changes(JSON.readTree(json));
    }

    /** The changes of one version as stored ({@code {field: [old, new]}}), in stored order. */
    static List<FieldChange> changes(JsonNode root) {
        List<FieldChange> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode pair = e.getValue();
            out.add(new FieldChange(e.getKey(), EnterpriseFields.LABELS.getOrDefault(e.getKey(), e.getKey()),
                    value(pair.get(0)), value(pair.get(1))));
        }
        return out;
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return node.asString();
    }

    void addPairs(List<NewPair> pairs, Instant at) {
        if (pairs.isEmpty()) {
            return;
        }
        SqlParameterSource[] batch = pairs.stream().map(p -> new MapSqlParameterSource()
                        .addValue("a", Math.min(p.a(), p.b())).addValue("b", Math.max(p.a(), p.b()))
                        .addValue("reasons", p.reasons().toArray(String[]::new)).addValue("at", Timestamp.from(at)))
                .toArray(SqlParameterSource[]::new);
        named.batchUpdate("""
                INSERT INTO enterprise_duplicate (enterprise_id, other_id, reasons, detected_at)
                VALUES (:a, :b, :reasons, :at)
                ON CONFLICT (enterprise_id, other_id) DO NOTHING
                """, batch);
    }

    void resolvePair(long a, long b, String status, String note, Instant at, String by) {
        jdbc.sql("""
                        INSERT INTO enterprise_duplicate (enterprise_id, other_id, reasons, status, detected_at, resolved_at, resolved_by, resolution_note)
                        VALUES (:a, :b, '{}', :status, :at, :at, :by, :note)
                        ON CONFLICT (enterprise_id, other_id) DO UPDATE
                           SET status = :status, resolved_at = :at, resolved_by = :by, resolution_note = :note
                        """)
                .param("a", Math.min(a, b)).param("b", Math.max(a, b)).param("status", status)
                .param("at", Timestamp.from(at)).param("by", by).param("note", note).update();
    }

    /** Unresolved possible duplicates of one record whose other side is active and inside the scope. */
    List<PossibleDuplicate> openDuplicates(long id, Scope scope) {
        return jdbc.sql("""
                        SELECT e.id, e.name, e.division_code, e.address, d.reasons
                          FROM enterprise_duplicate d
                          JOIN enterprise e ON e.id = CASE WHEN d.enterprise_id = :id THEN d.other_id ELSE d.enterprise_id END
                         WHERE (d.enterprise_id = :id OR d.other_id = :id) AND d.status = 'OPEN' AND e.status = 'ACTIVE'
                           AND e.division_code LIKE :prefix || '%'
                         ORDER BY e.id
                        """).param("id", id).param("prefix", scope.prefix())
                .query((rs, i) -> new PossibleDuplicate(new EnterpriseId(rs.getLong("id")), -1, rs.getString("name"),
                        DivisionCode.of(rs.getString("division_code")), rs.getString("address"),
                        reasons((String[]) rs.getArray("reasons").getArray())))
                .list();
    }

    private static java.util.Set<DuplicateReason> reasons(String[] names) {
        java.util.Set<DuplicateReason> set = java.util.EnumSet.noneOf(DuplicateReason.class);
        Arrays.stream(names).map(DuplicateReason::valueOf).forEach(set::add);
        return set;
    }
}
