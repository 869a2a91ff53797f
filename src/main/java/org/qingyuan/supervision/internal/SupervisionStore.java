package org.qingyuan.supervision.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.qingyuan.policy.SupervisionRules.StepKind;
import org.qingyuan.supervision.Draw;
import org.qingyuan.supervision.Escalation;
import org.qingyuan.supervision.InspectionTask;
import org.qingyuan.supervision.ItemFinding;
import org.qingyuan.supervision.Problem;
import org.qingyuan.supervision.ProblemState;
import org.qingyuan.supervision.RoundMode;
import org.qingyuan.supervision.Stratum;
import org.qingyuan.supervision.SupervisionRound;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The supervision tables. Reads take the visibility condition of the caller ({@link Visibility}). */
@Repository
class SupervisionStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ROUND = """
            SELECT r.id, r.district_code, r.name, r.mode, r.share, r.seed, r.population_digest, r.population_size, r.policy_id,
                   r.policy_version, r.state, r.drawn_at, r.drawn_by, r.finished_at, r.finished_by, r.version,
                   (SELECT count(*) FROM inspection_task x WHERE x.round_id = r.id) AS tasks,
                   (SELECT count(*) FROM inspection_task x WHERE x.round_id = r.id AND x.state = 'DONE') AS done,
                   (SELECT count(*) FROM supervision_problem p JOIN inspection_task x ON x.id = p.task_id WHERE x.round_id = r.id) AS problems
              FROM supervision_round r
            """;
    static final String TASK = """
            SELECT t.*, r.name AS round_name FROM inspection_task t JOIN supervision_round r ON r.id = t.round_id
            """;
    static final String PROBLEM = "SELECT p.* FROM supervision_problem p";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    SupervisionStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    // ---------------------------------------------------------------- rounds

    long insertRound(String district, String name, RoundMode mode, BigDecimal share, String seed, String population, String digest,
                     int size, String policyId, Integer policyVersion, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO supervision_round (district_code, name, mode, share, seed, population, population_digest,
                            population_size, policy_id, policy_version, state, drawn_at, drawn_by)
                        VALUES (:district, :name, :mode, :share, :seed, :population, :digest, :size, :policyId, :policyVersion,
                            'IN_PROGRESS', :at, :by) RETURNING id
                        """)
                .param("district", district).param("name", name).param("mode", mode.name()).param("share", share)
                .param("seed", seed).param("population", population).param("digest", digest).param("size", size)
                .param("policyId", policyId).param("policyVersion", policyVersion).param("at", Timestamp.from(at)).param("by", by)
                .query(Long.class).single();
    }

    void insertAllocations(long roundId, List<Draw.Allocation> allocations) {
        named.batchUpdate("INSERT INTO supervision_allocation (round_id, town_code, stratum, size, drawn) VALUES (:r, :t, :s, :n, :d)",
                allocations.stream().map(a -> new MapSqlParameterSource("r", roundId).addValue("t", a.townCode())
                        .addValue("s", a.stratum().key()).addValue("n", a.size()).addValue("d", a.drawn())).toArray(MapSqlParameterSource[]::new));
    }

    void insertTasks(long roundId, boolean covert, List<Draw.Drawn> drawn, java.util.Map<Long, String> divisions,
                     java.util.Map<Long, Long> caseIds) {
        named.batchUpdate("""
                        INSERT INTO inspection_task (round_id, enterprise_id, town_code, division_code, stratum, rank_key, covert, case_id, state)
                        VALUES (:r, :e, :t, :d, :s, :k, :c, :case, 'PENDING')
                        """,
                drawn.stream().map(d -> new MapSqlParameterSource("r", roundId).addValue("e", d.enterpriseId()).addValue("t", d.townCode())
                        .addValue("d", divisions.get(d.enterpriseId())).addValue("s", d.stratum().key()).addValue("k", d.key())
                        .addValue("c", covert).addValue("case", caseIds.get(d.enterpriseId()))).toArray(MapSqlParameterSource[]::new));
    }

    List<SupervisionRound> rounds(String condition, MapSqlParameterSource params) {
        return named.query(ROUND + " WHERE " + condition + " ORDER BY r.drawn_at DESC, r.id DESC", params, SupervisionStore::round);
    }

    Optional<SupervisionRound> round(long id, String district) {
        return rounds("r.id = :id AND r.district_code = :district", new MapSqlParameterSource("id", id).addValue("district", district))
                .stream().findFirst();
    }

    String population(long roundId) {
        return jdbc.sql("SELECT population FROM supervision_round WHERE id = :id").param("id", roundId).query(String.class).single();
    }

    List<Draw.Allocation> allocations(long roundId) {
        return jdbc.sql("SELECT town_code, stratum, size, drawn FROM supervision_allocation WHERE round_id = :r ORDER BY town_code, stratum")
                .param("r", roundId).query((rs, i) -> new Draw.Allocation(rs.getString(1), stratum(rs.getString(2)), rs.getInt(3), rs.getInt(4)))
                .list();
    }

    boolean finishRound(long id, int version, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE supervision_round SET state = 'FINISHED', finished_at = :at, finished_by = :by, version = version + 1
                         WHERE id = :id AND version = :v AND state = 'IN_PROGRESS'
                        """).param("at", Timestamp.from(at)).param("by", by).param("id", id).param("v", version).update() == 1;
    }

    private static SupervisionRound round(ResultSet rs, int n) throws SQLException {
        return new SupervisionRound(rs.getLong("id"), rs.getString("district_code"), rs.getString("name"),
                RoundMode.valueOf(rs.getString("mode")), rs.getBigDecimal("share"), rs.getString("seed"),
                rs.getString("population_digest"), rs.getInt("population_size"), rs.getString("policy_id"),
                (Integer) rs.getObject("policy_version"), rs.getString("state"), instant(rs, "drawn_at"), rs.getString("drawn_by"),
                instant(rs, "finished_at"), rs.getString("finished_by"), rs.getInt("tasks"), rs.getInt("done"), rs.getInt("problems"),
                rs.getInt("version"));
    }

    // ---------------------------------------------------------------- tasks

    List<InspectionTask> tasks(String condition, MapSqlParameterSource params, String order) {
        return named.query(TASK + " WHERE " + condition + " ORDER BY " + order, params, SupervisionStore::task);
    }

    /** Locks the task row. */
    void lockTask(long id) {
        jdbc.sql("SELECT id FROM inspection_task WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
    }

    boolean saveInspection(long id, int version, Instant at, String by, Double lat, Double lon, Integer distance, List<String> flags,
                           String outcome, List<ItemFinding> findings, String note, List<Long> photoIds) {
        return jdbc.sql("""
                        UPDATE inspection_task SET state = 'DONE', inspected_at = :at, inspected_by = :by, latitude = :lat, longitude = :lon,
                               distance_m = :distance, flags = :flags, outcome = :outcome, findings = CAST(:findings AS jsonb), note = :note,
                               photo_ids = :photos, version = version + 1
                         WHERE id = :id AND version = :v AND state = 'PENDING'
                        """)
                .param("at", Timestamp.from(at)).param("by", by).param("lat", lat).param("lon", lon).param("distance", distance)
                .param("flags", flags.toArray(String[]::new)).param("outcome", outcome).param("findings", JSON.writeValueAsString(findings))
                .param("note", note).param("photos", photoIds.toArray(Long[]::new)).param("id", id).param("v", version).update() == 1;
    }

    private static InspectionTask task(ResultSet rs, int n) throws SQLException {
        String findings = rs.getString("findings");
        return new InspectionTask(rs.getLong("id"), rs.getLong("round_id"), rs.getString("round_name"), rs.getLong("enterprise_id"),
                null, null, rs.getString("town_code"), rs.getString("division_code"), stratum(rs.getString("stratum")),
                rs.getString("rank_key"), rs.getBoolean("covert"), (Long) rs.getObject("case_id"), rs.getString("state"),
                instant(rs, "inspected_at"), rs.getString("inspected_by"), (Double) rs.getObject("latitude"),
                (Double) rs.getObject("longitude"), (Integer) rs.getObject("distance_m"), strings(rs.getArray("flags")),
                rs.getString("outcome"), findings == null ? List.of() : JSON.readValue(findings, new TypeReference<List<ItemFinding>>() { }),
                rs.getString("note"), longs(rs.getArray("photo_ids")), rs.getInt("version"));
    }

    // ---------------------------------------------------------------- problems

    long insertProblem(Long taskId, long enterpriseId, String name, String address, String town, String division, String type,
                       String requirement, String description, Instant at, String by, Long caseId, boolean reopenedCase) {
        return jdbc.sql("""
                        INSERT INTO supervision_problem (task_id, enterprise_id, enterprise_name, address, town_code, division_code,
                            enterprise_type, requirement, description, state, found_at, found_by, case_id, reopened_case)
                        VALUES (:task, :e, :name, :address, :town, :division, :type, :requirement, :description, 'FOUND', :at, :by,
                            :case, :reopened) RETURNING id
                        """)
                .param("task", taskId).param("e", enterpriseId).param("name", name).param("address", address).param("town", town)
                .param("division", division).param("type", type).param("requirement", requirement).param("description", description)
                .param("at", Timestamp.from(at)).param("by", by).param("case", caseId).param("reopened", reopenedCase)
                .query(Long.class).single();
    }

    List<Problem> problems(String condition, MapSqlParameterSource params, String order) {
        return named.query(PROBLEM + " WHERE " + condition + " ORDER BY " + order, params, SupervisionStore::problem);
    }

    Optional<Problem> lockProblem(long id) {
        jdbc.sql("SELECT id FROM supervision_problem WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
        return problems("p.id = :id", new MapSqlParameterSource("id", id), "p.id").stream().findFirst();
    }

    /** Applies a change guarded by the version; {@code set} is the SET list without the version. */
    boolean updateProblem(long id, int version, String set, MapSqlParameterSource params) {
        return named.update("UPDATE supervision_problem SET " + set + ", version = version + 1 WHERE id = :id AND version = :v",
                params.addValue("id", id).addValue("v", version)) == 1;
    }

    private static Problem problem(ResultSet rs, int n) throws SQLException {
        return new Problem(rs.getLong("id"), (Long) rs.getObject("task_id"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
                rs.getString("address"), rs.getString("town_code"), rs.getString("division_code"), rs.getString("enterprise_type"),
                rs.getString("requirement"), rs.getString("description"), ProblemState.valueOf(rs.getString("state")),
                instant(rs, "found_at"), rs.getString("found_by"), rs.getString("handed_to_kind"), rs.getString("handed_to"),
                instant(rs, "handed_at"), rs.getString("handed_by"), rs.getString("responsible_person"), date(rs, "deadline"),
                instant(rs, "rectified_at"), rs.getString("rectified_by"), rs.getString("rectification_note"),
                longs(rs.getArray("rectification_photo_ids")), instant(rs, "verified_at"), rs.getString("verified_by"),
                instant(rs, "closed_at"), rs.getString("closed_by"), (Long) rs.getObject("case_id"), rs.getBoolean("reopened_case"),
                rs.getInt("escalation_level"), rs.getInt("version"));
    }

    // ---------------------------------------------------------------- escalations

    long insertEscalation(long problemId, int level, StepKind kind, String action, LocalDate issuedOn, String by, LocalDate deadline) {
        return jdbc.sql("""
                        INSERT INTO supervision_escalation (problem_id, level, kind, action, issued_on, issued_by, deadline)
                        VALUES (:p, :level, :kind, :action, :on, :by, :deadline) RETURNING id
                        """)
                .param("p", problemId).param("level", level).param("kind", kind.name()).param("action", action).param("on", issuedOn)
                .param("by", by).param("deadline", deadline).query(Long.class).single();
    }

    List<Escalation> escalations(long problemId) {
        return jdbc.sql("SELECT * FROM supervision_escalation WHERE problem_id = :p ORDER BY level").param("p", problemId)
                .query(SupervisionStore::escalation).list();
    }

    Optional<Escalation> lockEscalation(long id) {
        jdbc.sql("SELECT id FROM supervision_escalation WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
        return jdbc.sql("SELECT * FROM supervision_escalation WHERE id = :id").param("id", id).query(SupervisionStore::escalation).optional();
    }

    boolean recordSummons(long id, int version, LocalDate heldOn, String attendees, String minutes, String commitments,
                          List<Long> documents, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE supervision_escalation SET held_on = :held, attendees = :attendees, minutes = :minutes,
                               commitments = :commitments, document_ids = document_ids || :docs, recorded_by = :by, recorded_at = :at,
                               version = version + 1
                         WHERE id = :id AND version = :v AND kind = 'SUMMONS' AND held_on IS NULL
                        """)
                .param("held", heldOn).param("attendees", attendees).param("minutes", minutes).param("commitments", commitments)
                .param("docs", documents.toArray(Long[]::new)).param("by", by).param("at", Timestamp.from(at)).param("id", id)
                .param("v", version).update() == 1;
    }

    boolean recordNotice(long id, int version, String documentNo, List<Long> documents, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE supervision_escalation SET document_no = coalesce(:no, document_no), document_ids = document_ids || :docs,
                               recorded_by = :by, recorded_at = :at, version = version + 1
                         WHERE id = :id AND version = :v
                        """)
                .param("no", documentNo).param("docs", documents.toArray(Long[]::new)).param("by", by).param("at", Timestamp.from(at))
                .param("id", id).param("v", version).update() == 1;
    }

    private static Escalation escalation(ResultSet rs, int n) throws SQLException {
        return new Escalation(rs.getLong("id"), rs.getLong("problem_id"), rs.getInt("level"), StepKind.valueOf(rs.getString("kind")),
                rs.getString("action"), date(rs, "issued_on"), rs.getString("issued_by"), date(rs, "deadline"),
                rs.getString("document_no"), longs(rs.getArray("document_ids")), date(rs, "held_on"), rs.getString("attendees"),
                rs.getString("minutes"), rs.getString("commitments"), rs.getString("recorded_by"), instant(rs, "recorded_at"),
                rs.getInt("version"));
    }

    // ---------------------------------------------------------------- helpers

    static Stratum stratum(String key) {
        String[] parts = key.split("/");
        return new Stratum(parts[0], parts[1]);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((Long[]) array.getArray()));
    }
}
