package org.qingyuan.policy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The policy tables: versions and activations (append-only), zone assignments. */
@Repository
class PolicyStore {

    record StoredVersion(String policyId, int version, String content, String contentHash, String origin,
                         Instant registeredAt, String registeredBy) {
    }

    record Activation(long id, String policyId, int version, Instant activatedAt, String activatedBy) {
    }

    private final JdbcClient jdbc;

    PolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredVersion> versions() {
        return jdbc.sql("""
                SELECT policy_id, version, content, content_hash, origin, registered_at, registered_by
                  FROM policy_version ORDER BY policy_id, version
                """).query((rs, i) -> new StoredVersion(rs.getString("policy_id"), rs.getInt("version"), rs.getString("content"),
                rs.getString("content_hash"), rs.getString("origin"), rs.getTimestamp("registered_at").toInstant(),
                rs.getString("registered_by"))).list();
    }

    Optional<String> contentHash(String policyId, int version) {
        return jdbc.sql("SELECT content_hash FROM policy_version WHERE policy_id = :id AND version = :version")
                .param("id", policyId).param("version", version).query(String.class).optional();
    }

    /** Stores a version unless it exists; true when stored now. */
    boolean insert(CompiledPolicy policy, String origin, String by) {
        return jdbc.sql("""
                        INSERT INTO policy_version (policy_id, version, title, content, content_hash, origin, registered_by)
                        VALUES (:id, :version, :title, :content, :hash, :origin, :by)
                        ON CONFLICT (policy_id, version) DO NOTHING
                        """)
                .param("id", policy.id()).param("version", policy.version()).param("title", policy.info().title())
                .param("content", policy.content()).param("hash", policy.info().contentHash()).param("origin", origin)
                .param("by", by).update() == 1;
    }

    Optional<Activation> currentActivation() {
        return jdbc.sql("""
                SELECT id, policy_id, version, activated_at, activated_by FROM policy_activation ORDER BY id DESC LIMIT 1
                """).query(PolicyStore::activation).optional();
    }

    Activation activate(String policyId, int version, String by) {
        return jdbc.sql("""
                        INSERT INTO policy_activation (policy_id, version, activated_by) VALUES (:id, :version, :by)
                        RETURNING id, policy_id, version, activated_at, activated_by
                        """)
                .param("id", policyId).param("version", version).param("by", by).query(PolicyStore::activation).single();
    }

    /** Activates only when nothing was ever activated (safe when several nodes start together). */
    void activateIfNone(String policyId, int version, String by) {
        jdbc.sql("""
                        INSERT INTO policy_activation (policy_id, version, activated_by)
                        SELECT :id, :version, :by WHERE NOT EXISTS (SELECT 1 FROM policy_activation)
                        """)
                .param("id", policyId).param("version", version).param("by", by).update();
    }

    /** policy id → division code → zone, as administrators assigned them. */
    Map<String, Map<String, String[]>> assignments() {
        Map<String, Map<String, String[]>> result = new LinkedHashMap<>();
        jdbc.sql("SELECT policy_id, division_code, zone, assigned_by FROM policy_zone_assignment ORDER BY policy_id, division_code")
                .query((rs, i) -> result.computeIfAbsent(rs.getString("policy_id"), k -> new LinkedHashMap<>())
                        .put(rs.getString("division_code"), new String[] {rs.getString("zone"), rs.getString("assigned_by")}))
                .list();
        return result;
    }

    void assign(String policyId, String division, String zone, String by) {
        jdbc.sql("""
                        INSERT INTO policy_zone_assignment (policy_id, division_code, zone, assigned_by)
                        VALUES (:id, :division, :zone, :by)
                        ON CONFLICT (policy_id, division_code)
                        DO UPDATE SET zone = excluded.zone, assigned_at = now(), assigned_by = excluded.assigned_by
                        """)
                .param("id", policyId).param("division", division).param("zone", zone).param("by", by).update();
    }

    void unassign(String policyId, String division) {
        jdbc.sql("DELETE FROM policy_zone_assignment WHERE policy_id = :id AND division_code = :division")
                .param("id", policyId).param("division", division).update();
    }

    /** Changes whenever a version, an activation or an assignment is added or changed. */
    String stamp() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM policy_version) || '/' || (SELECT coalesce(max(id), 0) FROM policy_activation)
                       || '/' || (SELECT count(*) FROM policy_zone_assignment)
                       || '/' || coalesce((SELECT max(assigned_at)::text FROM policy_zone_assignment), '')
                """).query(String.class).single();
    }

    private static Activation activation(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp("activated_at");
        return new Activation(rs.getLong("id"), rs.getString("policy_id"), rs.getInt("version"), at.toInstant(),
                rs.getString("activated_by"));
    }
}
