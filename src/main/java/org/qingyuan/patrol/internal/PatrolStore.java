package org.qingyuan.patrol.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.qingyuan.access.Scope;
import org.qingyuan.patrol.CheckIn;
import org.qingyuan.patrol.Finding;
import org.qingyuan.patrol.Patrol;
import org.qingyuan.patrol.PatrolKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The patrol tables: {@code patrol}, {@code patrol_check_in}, {@code night_rota}. Reads take the scope. */
@Repository
class PatrolStore {

    private final JdbcClient jdbc;

    PatrolStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- patrols

    private static final String PATROL = """
            SELECT id, kind, division_code, grid_id, rota_id, leader, participants, started_at, started_by, ended_at, version
            FROM patrol p
            """;
    /** Inside the division prefix, and for a grid member his grids' day patrols and the patrols he started. */
    private static final String IN_SCOPE = " p.division_code LIKE :prefix || '%' AND (:all OR p.grid_id = ANY(:grids) OR p.started_by = :user)";

    private static Patrol patrol(ResultSet rs, int n) throws SQLException {
        return new Patrol(rs.getLong("id"), PatrolKind.valueOf(rs.getString("kind")), rs.getString("division_code"),
                (Long) rs.getObject("grid_id"), (Long) rs.getObject("rota_id"), rs.getString("leader"),
                strings(rs.getArray("participants")), instant(rs, "started_at"), rs.getString("started_by"),
                instant(rs, "ended_at"), rs.getInt("version"));
    }

    long insert(Patrol p) {
        return jdbc.sql("""
                        INSERT INTO patrol (kind, division_code, grid_id, rota_id, leader, participants, started_at, started_by)
                        VALUES (:kind, :division, :grid, :rota, :leader, :participants, :at, :by) RETURNING id
                        """)
                .param("kind", p.kind().name()).param("division", p.divisionCode()).param("grid", p.gridId())
                .param("rota", p.rotaId()).param("leader", p.leader()).param("participants", p.participants().toArray(String[]::new))
                .param("at", Timestamp.from(p.startedAt())).param("by", p.startedBy()).query(Long.class).single();
    }

    Optional<Patrol> find(long id, Scope scope, String user) {
        return jdbc.sql(PATROL + " WHERE p.id = :id AND" + IN_SCOPE).param("id", id).params(scope(scope, user))
                .query(PatrolStore::patrol).optional();
    }

    Optional<Patrol> lock(long id) {
        return jdbc.sql(PATROL + " WHERE p.id = :id FOR UPDATE").param("id", id).query(PatrolStore::patrol).optional();
    }

    /** Saves the end if the version matches; answers the new version or -1 when stale. */
    int saveEnd(Patrol p, int version) {
        return jdbc.sql("UPDATE patrol SET ended_at = :at, version = version + 1 WHERE id = :id AND version = :v RETURNING version")
                .param("at", Timestamp.from(p.endedAt())).param("id", p.id()).param("v", version).query(Integer.class)
                .optional().orElse(-1);
    }

    List<Patrol> recent(Scope scope, String user, Instant since, int limit) {
        return jdbc.sql(PATROL + " WHERE" + IN_SCOPE + " AND p.started_at >= :since ORDER BY p.started_at DESC, p.id DESC LIMIT :limit")
                .params(scope(scope, user)).param("since", Timestamp.from(since)).param("limit", limit)
                .query(PatrolStore::patrol).list();
    }

    Optional<Patrol> underWay(String user, PatrolKind kind) {
        return jdbc.sql(PATROL + " WHERE p.started_by = :user AND p.kind = :kind AND p.ended_at IS NULL ORDER BY p.started_at DESC LIMIT 1")
                .param("user", user).param("kind", kind.name()).query(PatrolStore::patrol).optional();
    }

    // ---------------------------------------------------------------- check-ins

    private static final String CHECK_IN = """
            SELECT c.* FROM patrol_check_in c
            """;

    private static CheckIn checkIn(ResultSet rs, int n) throws SQLException {
        Array photos = rs.getArray("photo_ids");
        List<Long> photoIds = photos == null ? List.of() : Arrays.stream((Long[]) photos.getArray()).toList();
        return new CheckIn(rs.getLong("id"), rs.getLong("patrol_id"), (Long) rs.getObject("enterprise_id"), null,
                rs.getString("division_code"), instant(rs, "checked_at"), (Double) rs.getObject("latitude"),
                (Double) rs.getObject("longitude"), (Double) rs.getObject("accuracy_m"), (Integer) rs.getObject("distance_m"),
                strings(rs.getArray("flags")), Finding.valueOf(rs.getString("finding")), rs.getString("note"),
                (Long) rs.getObject("case_id"), strings(rs.getArray("alerted")), rs.getBoolean("scene_held"),
                instant(rs, "enforcement_at"), rs.getString("enforcement_note"), rs.getString("recorded_by"), photoIds,
                rs.getInt("version"));
    }

    long insertCheckIn(long patrolId, Long enterpriseId, String division, Instant at, Double lat, Double lon, Double accuracy,
                       Integer distance, Finding finding, String note, String by) {
        return insertCheckIn(patrolId, enterpriseId, division, at, lat, lon, accuracy, distance, finding, note, by, null);
    }

    /** The check-in a user's phone sent under this key before, if any. */
    java.util.Optional<Long> checkInByClientKey(String by, String clientKey) {
        return jdbc.sql("SELECT id FROM patrol_check_in WHERE recorded_by = :by AND client_key = :key").param("by", by)
                .param("key", clientKey).query(Long.class).optional();
    }

    long insertCheckIn(long patrolId, Long enterpriseId, String division, Instant at, Double lat, Double lon, Double accuracy,
                       Integer distance, Finding finding, String note, String by, String clientKey) {
        return jdbc.sql("""
                        INSERT INTO patrol_check_in (patrol_id, enterprise_id, division_code, checked_at, latitude, longitude,
                            accuracy_m, distance_m, finding, note, recorded_by, client_key)
                        VALUES (:patrol, :enterprise, :division, :at, :lat, :lon, :accuracy, :distance, :finding, :note, :by, :key)
                        RETURNING id
                        """).param("key", clientKey)
                .param("patrol", patrolId).param("enterprise", enterpriseId).param("division", division)
                .param("at", Timestamp.from(at)).param("lat", lat).param("lon", lon).param("accuracy", accuracy)
                .param("distance", distance).param("finding", finding.name()).param("note", note).param("by", by)
                .query(Long.class).single();
    }

    void saveOutcome(long id, List<Long> photoIds, List<String> flags, Long caseId, List<String> alerted, boolean sceneHeld) {
        jdbc.sql("""
                        UPDATE patrol_check_in SET photo_ids = :photos, flags = :flags, case_id = :case, alerted = :alerted,
                               scene_held = :held WHERE id = :id
                        """)
                .param("photos", photoIds.toArray(Long[]::new)).param("flags", flags.toArray(String[]::new)).param("case", caseId).param("alerted", alerted.toArray(String[]::new))
                .param("held", sceneHeld).param("id", id).update();
    }

    /** Records the arrival of enforcement if the version matches; answers the new version or -1. */
    int saveEnforcement(long id, int version, Instant at, String note) {
        return jdbc.sql("""
                        UPDATE patrol_check_in SET enforcement_at = :at, enforcement_note = :note, version = version + 1
                        WHERE id = :id AND version = :v AND scene_held AND enforcement_at IS NULL RETURNING version
                        """)
                .param("at", Timestamp.from(at)).param("note", note).param("id", id).param("v", version)
                .query(Integer.class).optional().orElse(-1);
    }

    Optional<CheckIn> checkIn(long id, Scope scope, String user) {
        return jdbc.sql(CHECK_IN + " JOIN patrol p ON p.id = c.patrol_id WHERE c.id = :id AND" + IN_SCOPE)
                .param("id", id).params(scope(scope, user)).query(PatrolStore::checkIn).optional();
    }

    List<CheckIn> checkIns(long patrolId) {
        return jdbc.sql(CHECK_IN + " WHERE c.patrol_id = :id ORDER BY c.checked_at, c.id").param("id", patrolId)
                .query(PatrolStore::checkIn).list();
    }

    List<CheckIn> ofEnterprise(long enterpriseId, int limit) {
        return jdbc.sql(CHECK_IN + " WHERE c.enterprise_id = :id ORDER BY c.checked_at DESC, c.id DESC LIMIT :limit")
                .param("id", enterpriseId).param("limit", limit).query(PatrolStore::checkIn).list();
    }

    /** The enterprises checked in since the instant, among those given. */
    Set<Long> checkedInSince(List<Long> enterpriseIds, Instant since) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT enterprise_id FROM patrol_check_in WHERE enterprise_id = ANY(:ids) AND checked_at >= :since")
                .param("ids", enterpriseIds.toArray(Long[]::new)).param("since", Timestamp.from(since)).query(Long.class).list());
    }

    /** Rebounds whose scene is still held, inside the scope. */
    List<CheckIn> scenesHeld(Scope scope, String user) {
        return jdbc.sql(CHECK_IN + " JOIN patrol p ON p.id = c.patrol_id WHERE c.scene_held AND c.enforcement_at IS NULL AND"
                        + IN_SCOPE + " ORDER BY c.checked_at DESC").params(scope(scope, user)).query(PatrolStore::checkIn).list();
    }

    // ---------------------------------------------------------------- rota

    private static RotaEntry rota(ResultSet rs, int n) throws SQLException {
        return new RotaEntry(rs.getLong("id"), rs.getString("town_code"), rs.getObject("night", LocalDate.class),
                rs.getString("leader"), strings(rs.getArray("members")), rs.getString("note"), (Long) rs.getObject("patrol_id"),
                rs.getInt("version"));
    }

    List<RotaEntry> rota(String prefix, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT * FROM night_rota WHERE town_code LIKE :prefix || '%' AND night BETWEEN :from AND :to ORDER BY night, town_code")
                .param("prefix", prefix).param("from", from).param("to", to).query(PatrolStore::rota).list();
    }

    Optional<RotaEntry> rotaEntry(long id, String prefix) {
        return jdbc.sql("SELECT * FROM night_rota WHERE id = :id AND town_code LIKE :prefix || '%'").param("id", id)
                .param("prefix", prefix).query(PatrolStore::rota).optional();
    }

    Optional<RotaEntry> rotaOn(String town, LocalDate night) {
        return jdbc.sql("SELECT * FROM night_rota WHERE town_code = :town AND night = :night").param("town", town)
                .param("night", night).query(PatrolStore::rota).optional();
    }

    long insertRota(String town, LocalDate night, String leader, List<String> members, String note, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO night_rota (town_code, night, leader, members, note, updated_at, updated_by)
                        VALUES (:town, :night, :leader, :members, :note, :at, :by) RETURNING id
                        """)
                .param("town", town).param("night", night).param("leader", leader).param("members", members.toArray(String[]::new))
                .param("note", note).param("at", Timestamp.from(at)).param("by", by).query(Long.class).single();
    }

    int updateRota(long id, int version, String leader, List<String> members, String note, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE night_rota SET leader = :leader, members = :members, note = :note, updated_at = :at, updated_by = :by,
                               version = version + 1
                        WHERE id = :id AND version = :v RETURNING version
                        """)
                .param("leader", leader).param("members", members.toArray(String[]::new)).param("note", note)
                .param("at", Timestamp.from(at)).param("by", by).param("id", id).param("v", version)
                .query(Integer.class).optional().orElse(-1);
    }

    void linkRota(long rotaId, long patrolId) {
        jdbc.sql("UPDATE night_rota SET patrol_id = :p, version = version + 1 WHERE id = :id").param("p", patrolId)
                .param("id", rotaId).update();
    }

    // ---------------------------------------------------------------- helpers

    private static java.util.Map<String, Object> scope(Scope scope, String user) {
        return java.util.Map.of("prefix", scope.prefix(), "all", !scope.gridLimited(),
                "grids", scope.grids() == null ? new Long[0] : scope.grids().toArray(Long[]::new), "user", user == null ? "" : user);
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
