package org.qingyuan.grid.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qingyuan.access.Scope;
import org.qingyuan.grid.GridAssignment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The grid tables: {@code grid}, {@code grid_member}, {@code grid_enterprise}. */
@Repository
class GridStore {

    /** A stored grid row (names of divisions are added by the service). */
    record Row(long id, String villageCode, String name, String boundary, List<String> members, int enterprises, int version) {
    }

    private static final String SELECT = """
            SELECT g.id, g.village_code, g.name, g.boundary::text AS boundary, g.version,
                   coalesce((SELECT array_agg(m.username ORDER BY m.username) FROM grid_member m WHERE m.grid_id = g.id), '{}') AS members,
                   (SELECT count(*) FROM grid_enterprise e WHERE e.grid_id = g.id) AS enterprises
            FROM grid g
            """;

    private final JdbcClient jdbc;

    GridStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("village_code"), rs.getString("name"), rs.getString("boundary"),
                strings(rs.getArray("members")), rs.getInt("enterprises"), rs.getInt("version"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** A grid inside the scope (and its grids, for a grid member). */
    Optional<Row> find(long id, Scope scope) {
        return jdbc.sql(SELECT + " WHERE g.id = :id AND g.village_code LIKE :prefix || '%' AND (:all OR g.id = ANY(:grids))")
                .param("id", id).param("prefix", scope.prefix()).param("all", !scope.gridLimited()).param("grids", grids(scope))
                .query(GridStore::row).optional();
    }

    Optional<Row> lock(long id) {
        jdbc.sql("SELECT id FROM grid WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
        return jdbc.sql(SELECT + " WHERE g.id = :id").param("id", id).query(GridStore::row).optional();
    }

    List<Row> list(String prefix, Scope scope) {
        return jdbc.sql(SELECT + " WHERE g.village_code LIKE :prefix || '%' AND g.village_code LIKE :scope || '%'"
                        + " AND (:all OR g.id = ANY(:grids)) ORDER BY g.village_code, g.name, g.id")
                .param("prefix", prefix).param("scope", scope.prefix()).param("all", !scope.gridLimited())
                .param("grids", grids(scope)).query(GridStore::row).list();
    }

    List<Row> inVillage(String villageCode) {
        return jdbc.sql(SELECT + " WHERE g.village_code = :v ORDER BY g.name, g.id").param("v", villageCode).query(GridStore::row).list();
    }

    List<Row> ofMember(String username) {
        return jdbc.sql(SELECT + " WHERE g.id IN (SELECT grid_id FROM grid_member WHERE username = :u) ORDER BY g.village_code, g.name")
                .param("u", username).query(GridStore::row).list();
    }

    List<Long> gridIdsOfMember(String username) {
        return jdbc.sql("SELECT grid_id FROM grid_member WHERE username = :u ORDER BY grid_id").param("u", username)
                .query(Long.class).list();
    }

    long insert(String villageCode, String name, String boundary, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO grid (village_code, name, boundary, created_at, created_by, updated_at, updated_by)
                        VALUES (:v, :name, CAST(:boundary AS jsonb), :at, :by, :at, :by) RETURNING id
                        """)
                .param("v", villageCode).param("name", name).param("boundary", boundary).param("at", Timestamp.from(at))
                .param("by", by).query(Long.class).single();
    }

    /** Updates name and boundary if the version matches; answers the new version, or -1 when stale. */
    int update(long id, int version, String name, String boundary, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE grid SET name = :name, boundary = CAST(:boundary AS jsonb), version = version + 1,
                               updated_at = :at, updated_by = :by
                        WHERE id = :id AND version = :version RETURNING version
                        """)
                .param("id", id).param("version", version).param("name", name).param("boundary", boundary)
                .param("at", Timestamp.from(at)).param("by", by).query(Integer.class).optional().orElse(-1);
    }

    /** True when a grid of the village has a boundary (else nothing there is placed by coordinates). */
    boolean anyBoundedIn(String villageCode) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM grid WHERE village_code = :v AND boundary IS NOT NULL)").param("v", villageCode)
                .query(Boolean.class).single();
    }

    boolean nameTaken(String villageCode, String name, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM grid WHERE village_code = :v AND name = :n AND id <> :id)")
                .param("v", villageCode).param("n", name).param("id", exceptId).query(Boolean.class).single();
    }

    void replaceMembers(long gridId, Collection<String> usernames) {
        jdbc.sql("DELETE FROM grid_member WHERE grid_id = :id").param("id", gridId).update();
        for (String u : usernames) {
            jdbc.sql("INSERT INTO grid_member (grid_id, username) VALUES (:id, :u)").param("id", gridId).param("u", u).update();
        }
    }

    Map<Long, GridAssignment> assignments(Collection<Long> enterpriseIds) {
        Map<Long, GridAssignment> found = new HashMap<>();
        if (enterpriseIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT a.enterprise_id, a.grid_id, g.name, g.village_code, a.assigned_by, a.version
                        FROM grid_enterprise a JOIN grid g ON g.id = a.grid_id WHERE a.enterprise_id = ANY(:ids)
                        """)
                .param("ids", enterpriseIds.toArray(Long[]::new))
                .query((rs, n) -> new GridAssignment(rs.getLong("enterprise_id"), rs.getLong("grid_id"),
                        rs.getString("village_code") + "|" + rs.getString("name"),
                        GridAssignment.AssignedBy.valueOf(rs.getString("assigned_by")), rs.getInt("version")))
                .list().forEach(a -> found.put(a.enterpriseId(), a));
        return found;
    }

    List<Long> enterprisesIn(long gridId) {
        return jdbc.sql("SELECT enterprise_id FROM grid_enterprise WHERE grid_id = :id ORDER BY enterprise_id").param("id", gridId)
                .query(Long.class).list();
    }

    /** Places an enterprise in a grid (or moves it); answers the assignment's version. */
    int assign(long enterpriseId, long gridId, GridAssignment.AssignedBy by, Instant at, String user) {
        return jdbc.sql("""
                        INSERT INTO grid_enterprise (enterprise_id, grid_id, assigned_by, assigned_at, assigned_user)
                        VALUES (:e, :g, :by, :at, :user)
                        ON CONFLICT (enterprise_id) DO UPDATE SET grid_id = EXCLUDED.grid_id, assigned_by = EXCLUDED.assigned_by,
                            assigned_at = EXCLUDED.assigned_at, assigned_user = EXCLUDED.assigned_user,
                            version = grid_enterprise.version + 1
                        RETURNING version
                        """)
                .param("e", enterpriseId).param("g", gridId).param("by", by.name()).param("at", Timestamp.from(at))
                .param("user", user).query(Integer.class).single();
    }

    void unassign(long enterpriseId) {
        jdbc.sql("DELETE FROM grid_enterprise WHERE enterprise_id = :e").param("e", enterpriseId).update();
    }

    /** The enterprises of the division's other grids than the scope's. */
    Set<Long> hiddenFrom(Scope scope) {
        return new java.util.HashSet<>(jdbc.sql("""
                        SELECT ge.enterprise_id FROM grid_enterprise ge JOIN grid g ON g.id = ge.grid_id
                         WHERE g.village_code LIKE :prefix || '%' AND NOT ge.grid_id = ANY(:grids)
                        """).param("prefix", scope.prefix()).param("grids", grids(scope)).query(Long.class).list());
    }

    private static Long[] grids(Scope scope) {
        Set<Long> grids = scope.grids();
        return grids == null ? new Long[0] : grids.toArray(Long[]::new);
    }
}
