package org.qingyuan.rectification.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseSites.Site;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseDeadline;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.CaseStep;
import org.qingyuan.rectification.CaseView;
import org.qingyuan.rectification.EscalationRule;
import org.qingyuan.rectification.ItemRecord;
import org.qingyuan.rectification.JointEnforcement;
import org.qingyuan.rectification.MeasurePlan;
import org.qingyuan.rectification.Permit;
import org.qingyuan.rectification.RectificationCase;
import org.qingyuan.rectification.StepKind;
import org.qingyuan.rectification.Requirement;
import org.qingyuan.rectification.ResponsiblePersons;
import org.qingyuan.rectification.TownReport;
import org.qingyuan.shared.ConflictException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cases in {@code rectification_case} with their items, evidence references, joint enforcements and
 * the append-only timeline. Writes of many cases (a classification batch, the daily sweep) go in JDBC batches.
 */
@Repository
class CaseStore {

    static final String COLUMNS = """
            c.id, c.enterprise_id, c.enterprise_name, c.address, c.longitude, c.latitude, c.division_code, c.measure,
            c.measure_name, c.requirements, c.deadline, c.deadlines, c.escalations, c.applied_escalations, c.policy_id,
            c.policy_version, c.state, c.overdue_since, c.accepted_by, c.acceptance_record, c.closed_out_by, c.closed_out_on,
            c.town_code, c.village_code, c.department_code, c.person_name, c.person_phone, c.person_username, c.opened_at,
            c.version, c.town_report, c.town_requirement_settled
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JsonMapper json = JsonMapper.builder().build();

    CaseStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A stored case with the enterprise's name and place as last copied from the ledger. */
    record Row(RectificationCase rectificationCase, String enterpriseName, String address, Double longitude, Double latitude) {
    }

    Optional<Row> find(long id, Scope scope) {
        return load("c.id = :id AND c.division_code LIKE :prefix || '%'",
                new MapSqlParameterSource("id", id).addValue("prefix", scope.prefix())).stream().findFirst();
    }

    /** Locks the case row first, then reads it: a command works on the state it will update. */
    Optional<Row> findForUpdate(long id, Scope scope) {
        boolean visible = jdbc.sql("SELECT 1 FROM rectification_case WHERE id = :id AND division_code LIKE :prefix || '%' FOR UPDATE")
                .param("id", id).param("prefix", scope.prefix()).query().listOfRows().size() == 1;
        return visible ? find(id, scope) : Optional.empty();
    }

    /** The cases of these enterprises (any state), by enterprise id; unscoped, for the classification listener. */
    Map<Long, Row> byEnterprise(Collection<Long> enterpriseIds) {
        Map<Long, Row> result = new HashMap<>();
        if (enterpriseIds.isEmpty()) {
            return result;
        }
        load("c.enterprise_id = ANY(:ids)", new MapSqlParameterSource("ids", enterpriseIds.toArray(Long[]::new)))
                .forEach(r -> result.put(r.rectificationCase().enterpriseId(), r));
        return result;
    }

    /** The enterprise of each of these cases (enterprise id → case id). */
    Map<Long, Long> caseIdsOf(List<Long> caseIds) {
        Map<Long, Long> out = new HashMap<>();
        if (!caseIds.isEmpty()) {
            jdbc.sql("SELECT enterprise_id, id FROM rectification_case WHERE id = ANY(:ids)").param("ids", caseIds.toArray(Long[]::new))
                    .query(rs -> {
                        out.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return out;
    }

    /** Open cases (not closed out, not withdrawn), unscoped, for the daily sweep. */
    List<Row> openCases(long afterId, int limit) {
        return load(CaseState.openSql("c.state") + " AND c.id > :after ORDER BY c.id LIMIT " + limit,
                new MapSqlParameterSource("after", afterId));
    }

    List<Row> load(String where, MapSqlParameterSource params) {
        List<Row> rows = named.query("SELECT " + COLUMNS + " FROM rectification_case c WHERE " + where, params, this::row);
        if (rows.isEmpty()) {
            return rows;
        }
        Long[] ids = rows.stream().map(r -> r.rectificationCase().id()).toArray(Long[]::new);
        Map<Long, List<Long>> evidence = new HashMap<>();
        named.query("SELECT case_id, requirement, attachment_id FROM rectification_evidence WHERE case_id = ANY(:ids) ORDER BY position",
                new MapSqlParameterSource("ids", ids), rs -> {
                    evidence.computeIfAbsent(key(rs.getLong(1), rs.getString(2)), k -> new ArrayList<>()).add(rs.getLong(3));
                });
        Map<Long, List<ItemRecord>> items = new HashMap<>();
        named.query("SELECT * FROM rectification_item WHERE case_id = ANY(:ids)", new MapSqlParameterSource("ids", ids), rs -> {
            long caseId = rs.getLong("case_id");
            String requirement = rs.getString("requirement");
            Permit permit = rs.getString("permit_name") == null ? null : new Permit(rs.getString("permit_name"),
                    rs.getString("permit_number"), date(rs, "permit_date"));
            items.computeIfAbsent(caseId, k -> new ArrayList<>()).add(new ItemRecord(Requirement.valueOf(requirement),
                    rs.getString("recorded_by"), instant(rs, "recorded_at"), rs.getString("note"),
                    evidence.getOrDefault(key(caseId, requirement), List.of()), (Long) rs.getObject("utility_confirmation_id"),
                    permit, strings(rs.getArray("flags")), rs.getString("reviewed_by"), instant(rs, "reviewed_at")));
        });
        Map<Long, List<JointEnforcement>> enforcements = new HashMap<>();
        named.query("SELECT * FROM rectification_enforcement WHERE case_id = ANY(:ids) ORDER BY id",
                new MapSqlParameterSource("ids", ids), rs -> {
                    enforcements.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>()).add(new JointEnforcement(
                            date(rs, "action_date"), strings(rs.getArray("departments")), rs.getString("note"),
                            rs.getString("recorded_by")));
                });
        return rows.stream().map(r -> {
            RectificationCase s = r.rectificationCase();
            // the row mapper left the aggregate without items and enforcements; rebuild with them
            RectificationCase full = withTownReport(RectificationCase.restore(stored(s), items.getOrDefault(s.id(), List.of()),
                    enforcements.getOrDefault(s.id(), List.of())), s);
            return new Row(full, r.enterpriseName(), r.address(), r.longitude(), r.latitude());
        }).toList();
    }

    private static long key(long caseId, String requirement) {
        return caseId * 64 + Requirement.valueOf(requirement).ordinal();
    }

    private static RectificationCase.Stored stored(RectificationCase c) {
        return new RectificationCase.Stored(c.id(), c.enterpriseId(), c.divisionCode(), c.plan(), c.deadline(), c.state(),
                c.responsible(), c.appliedEscalations(), c.overdueSince(), c.acceptedBy(), c.acceptanceRecord(), c.closedOutBy(),
                c.closedOutOn(), c.openedAt(), c.version());
    }

    private static RectificationCase withTownReport(RectificationCase target, RectificationCase source) {
        return target.withStoredTownReport(source.townReport(), source.townRequirementSettled());
    }

    private Row row(ResultSet rs, int i) throws SQLException {
        MeasureKind measure = MeasureKind.valueOf(rs.getString("measure"));
        List<Requirement> requirements = strings(rs.getArray("requirements")).stream().map(Requirement::valueOf).toList();
        List<CaseDeadline> deadlines = json.readValue(rs.getString("deadlines"), new TypeReference<List<CaseDeadline>>() { });
        List<EscalationRule> escalations = json.readValue(rs.getString("escalations"), new TypeReference<List<EscalationRule>>() { });
        MeasurePlan plan = new MeasurePlan(measure, rs.getString("measure_name"), requirements, date(rs, "deadline"), deadlines,
                escalations, rs.getString("policy_id"), (Integer) rs.getObject("policy_version"));
        ResponsiblePersons persons = new ResponsiblePersons(rs.getString("town_code"), rs.getString("village_code"),
                rs.getString("department_code"), rs.getString("person_name"), rs.getString("person_phone"),
                rs.getString("person_username"));
        var stored = new RectificationCase.Stored(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("division_code"), plan,
                date(rs, "deadline"), CaseState.valueOf(rs.getString("state")), persons, strings(rs.getArray("applied_escalations")),
                date(rs, "overdue_since"), rs.getString("accepted_by"), rs.getString("acceptance_record"),
                rs.getString("closed_out_by"), date(rs, "closed_out_on"), instant(rs, "opened_at"), rs.getInt("version"));
        String report = rs.getString("town_report");
        RectificationCase c = RectificationCase.restore(stored, List.of(), List.of()).withStoredTownReport(
                report == null ? null : json.readValue(report, TownReport.class), rs.getString("town_requirement_settled"));
        return new Row(c, rs.getString("enterprise_name"),
                rs.getString("address"), (Double) rs.getObject("longitude"), (Double) rs.getObject("latitude"));
    }

    /** Inserts new cases (ids allocated in one query) with their first steps; answers the ids in order. */
    List<Long> insertAll(List<RectificationCase> cases, Map<Long, Site> sites, Instant now) {
        if (cases.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('rectification_case', 'id')) FROM generate_series(1, :n)")
                .param("n", cases.size()).query(Long.class).list();
        MapSqlParameterSource[] batch = new MapSqlParameterSource[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            RectificationCase c = cases.get(i);
            Site site = sites.get(c.enterpriseId());
            batch[i] = params(c, now).addValue("id", ids.get(i)).addValue("version", 0)
                    .addValue("name", site == null ? "企业 #" + c.enterpriseId() : site.name())
                    .addValue("address", site == null ? null : site.address())
                    .addValue("lon", site == null ? null : site.longitude())
                    .addValue("lat", site == null ? null : site.latitude())
                    .addValue("openedAt", Timestamp.from(c.openedAt() == null ? now : c.openedAt()));
        }
        named.batchUpdate("""
                INSERT INTO rectification_case (id, enterprise_id, enterprise_name, address, longitude, latitude, division_code,
                    measure, measure_name, requirements, deadline, deadlines, escalations, applied_escalations, policy_id,
                    policy_version, state, overdue_since, accepted_by, acceptance_record, closed_out_by, closed_out_on, town_code,
                    village_code, department_code, person_name, person_phone, person_username, opened_at, updated_at, version,
                    town_report, town_requirement_settled)
                VALUES (:id, :enterpriseId, :name, :address, :lon, :lat, :division, :measure, :measureName, :requirements,
                    :deadline, CAST(:deadlines AS jsonb), CAST(:escalations AS jsonb), :applied, :policyId, :policyVersion, :state,
                    :overdueSince, :acceptedBy, :acceptanceRecord, :closedOutBy, :closedOutOn, :town, :village, :department,
                    :person, :phone, :username, :openedAt, :now, :version, CAST(:townReport AS jsonb), :townSettled)
                ON CONFLICT (enterprise_id) DO NOTHING
                """, batch);
        // another transaction may have opened a case for the same enterprise meanwhile: keep only the rows inserted here
        java.util.Set<Long> inserted = new java.util.HashSet<>(jdbc.sql("SELECT id FROM rectification_case WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(Long[]::new)).query(Long.class).list());
        List<StepRow> steps = new ArrayList<>();
        List<Long> opened = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (!inserted.contains(ids.get(i))) {
                continue;
            }
            opened.add(ids.get(i));
            for (CaseStep s : cases.get(i).newSteps()) {
                steps.add(new StepRow(ids.get(i), 0, s));
            }
        }
        appendSteps(steps);
        return opened;
    }

    /** One case changed by a command: optimistic check on its version, items and evidence rewritten, steps appended. */
    int update(RectificationCase c, int expectedVersion, Instant now) {
        return updateAll(List.of(c), List.of(expectedVersion), null, now).get(0);
    }

    /**
     * Stores changed cases; answers their new versions. A case whose version moved meanwhile is a conflict that lists
     * the steps taken since.
     *
     * @param sites new names and places to copy from the ledger, or null to keep them
     */
    List<Integer> updateAll(List<RectificationCase> cases, List<Integer> expectedVersions, Map<Long, Site> sites, Instant now) {
        if (cases.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource[] batch = new MapSqlParameterSource[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            RectificationCase c = cases.get(i);
            Site site = sites == null ? null : sites.get(c.enterpriseId());
            batch[i] = params(c, now).addValue("id", c.id()).addValue("expected", expectedVersions.get(i))
                    .addValue("site", site != null)
                    .addValue("name", site == null ? null : site.name())
                    .addValue("address", site == null ? null : site.address())
                    .addValue("lon", site == null ? null : site.longitude())
                    .addValue("lat", site == null ? null : site.latitude());
        }
        int[] updated = named.batchUpdate("""
                UPDATE rectification_case SET measure = :measure, measure_name = :measureName, requirements = :requirements,
                    deadline = :deadline, deadlines = CAST(:deadlines AS jsonb), escalations = CAST(:escalations AS jsonb),
                    applied_escalations = :applied, policy_id = :policyId, policy_version = :policyVersion, state = :state,
                    overdue_since = :overdueSince, accepted_by = :acceptedBy, acceptance_record = :acceptanceRecord,
                    closed_out_by = :closedOutBy, closed_out_on = :closedOutOn, town_code = :town, village_code = :village,
                    department_code = :department, person_name = :person, person_phone = :phone, person_username = :username,
                    town_report = CAST(:townReport AS jsonb), town_requirement_settled = :townSettled,
                    enterprise_name = CASE WHEN :site THEN :name ELSE enterprise_name END,
                    address = CASE WHEN :site THEN :address ELSE address END,
                    longitude = CASE WHEN :site THEN CAST(:lon AS double precision) ELSE longitude END,
                    latitude = CASE WHEN :site THEN CAST(:lat AS double precision) ELSE latitude END,
                    updated_at = :now, version = version + 1
                 WHERE id = :id AND version = :expected
                """, batch);
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                throw stale(cases.get(i).id(), expectedVersions.get(i));
            }
        }
        Long[] ids = cases.stream().map(RectificationCase::id).toArray(Long[]::new);
        named.update("DELETE FROM rectification_item WHERE case_id = ANY(:ids)", new MapSqlParameterSource("ids", ids));
        List<MapSqlParameterSource> itemRows = new ArrayList<>();
        List<MapSqlParameterSource> evidenceRows = new ArrayList<>();
        List<MapSqlParameterSource> enforcementRows = new ArrayList<>();
        List<StepRow> steps = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            RectificationCase c = cases.get(i);
            int version = expectedVersions.get(i) + 1;
            versions.add(version);
            for (ItemRecord item : c.items().values()) {
                itemRows.add(new MapSqlParameterSource("caseId", c.id()).addValue("requirement", item.requirement().name())
                        .addValue("by", item.recordedBy()).addValue("at", Timestamp.from(item.recordedAt()))
                        .addValue("note", item.note()).addValue("utility", item.utilityConfirmationId())
                        .addValue("permitName", item.permit() == null ? null : item.permit().name())
                        .addValue("permitNumber", item.permit() == null ? null : item.permit().number())
                        .addValue("permitDate", item.permit() == null ? null : item.permit().issuedOn())
                        .addValue("flags", item.flags().toArray(String[]::new)).addValue("reviewedBy", item.reviewedBy())
                        .addValue("reviewedAt", item.reviewedAt() == null ? null : Timestamp.from(item.reviewedAt())));
                for (int p = 0; p < item.evidenceIds().size(); p++) {
                    evidenceRows.add(new MapSqlParameterSource("caseId", c.id()).addValue("requirement", item.requirement().name())
                            .addValue("attachment", item.evidenceIds().get(p)).addValue("position", p));
                }
            }
            for (JointEnforcement e : c.newEnforcements()) {
                enforcementRows.add(new MapSqlParameterSource("caseId", c.id()).addValue("date", e.date())
                        .addValue("departments", e.departmentCodes().toArray(String[]::new)).addValue("note", e.note())
                        .addValue("by", e.recordedBy()).addValue("at", Timestamp.from(now)));
            }
            for (CaseStep s : c.newSteps()) {
                steps.add(new StepRow(c.id(), version, s));
            }
        }
        named.batchUpdate("""
                INSERT INTO rectification_item (case_id, requirement, recorded_by, recorded_at, note, utility_confirmation_id,
                    permit_name, permit_number, permit_date, flags, reviewed_by, reviewed_at)
                VALUES (:caseId, :requirement, :by, :at, :note, :utility, :permitName, :permitNumber, :permitDate, :flags,
                    :reviewedBy, :reviewedAt)
                """, itemRows.toArray(MapSqlParameterSource[]::new));
        named.batchUpdate("""
                INSERT INTO rectification_evidence (case_id, requirement, attachment_id, position)
                VALUES (:caseId, :requirement, :attachment, :position) ON CONFLICT DO NOTHING
                """, evidenceRows.toArray(MapSqlParameterSource[]::new));
        named.batchUpdate("""
                INSERT INTO rectification_enforcement (case_id, action_date, departments, note, recorded_by, recorded_at)
                VALUES (:caseId, :date, :departments, :note, :by, :at)
                """, enforcementRows.toArray(MapSqlParameterSource[]::new));
        appendSteps(steps);
        return versions;
    }

    private ConflictException stale(long id, int expected) {
        Integer current = jdbc.sql("SELECT version FROM rectification_case WHERE id = :id").param("id", id)
                .query(Integer.class).optional().orElse(null);
        List<Map<String, Object>> since = jdbc.sql("""
                        SELECT kind, actor, at, detail FROM rectification_step WHERE case_id = :id AND case_version > :v ORDER BY id
                        """).param("id", id).param("v", expected)
                .query((rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("kind", rs.getString(1));
                    m.put("kindName", StepKind.valueOf(rs.getString(1)).label());
                    m.put("by", rs.getString(2));
                    m.put("at", rs.getTimestamp(3).toInstant().toString());
                    m.put("detail", rs.getString(4));
                    return m;
                }).list();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("currentVersion", current);
        props.put("changes", since);
        return new ConflictException("该整治任务已被他人修改（当前版本 " + current + "，您的版本 " + expected + "），请刷新后重试", props);
    }

    private record StepRow(long caseId, int version, CaseStep step) {
    }

    private void appendSteps(List<StepRow> steps) {
        named.batchUpdate("""
                INSERT INTO rectification_step (case_id, case_version, kind, actor, at, detail)
                VALUES (:caseId, :version, :kind, :actor, :at, :detail)
                """, steps.stream().map(s -> new MapSqlParameterSource("caseId", s.caseId()).addValue("version", s.version())
                .addValue("kind", s.step().kind().name()).addValue("actor", s.step().by())
                .addValue("at", Timestamp.from(s.step().at())).addValue("detail", s.step().detail()))
                .toArray(MapSqlParameterSource[]::new));
    }

    List<CaseView.TimelineStep> timeline(long caseId) {
        return jdbc.sql("SELECT id, kind, actor, at, detail, case_version FROM rectification_step WHERE case_id = :id ORDER BY id")
                .param("id", caseId)
                .query((rs, i) -> new CaseView.TimelineStep(rs.getLong(1), StepKind.valueOf(rs.getString(2)), StepKind.valueOf(rs.getString(2)).label(),
                        rs.getString(3), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getInt(6)))
                .list();
    }

    private MapSqlParameterSource params(RectificationCase c, Instant now) {
        MeasurePlan p = c.plan();
        ResponsiblePersons r = c.responsible();
        return new MapSqlParameterSource("enterpriseId", c.enterpriseId()).addValue("division", c.divisionCode())
                .addValue("measure", p.measure().name()).addValue("measureName", p.measureName())
                .addValue("requirements", p.requirements().stream().map(Enum::name).toArray(String[]::new))
                .addValue("deadline", c.deadline()).addValue("deadlines", json.writeValueAsString(p.deadlines()))
                .addValue("escalations", json.writeValueAsString(p.escalations()))
                .addValue("applied", c.appliedEscalations().toArray(String[]::new))
                .addValue("policyId", p.policyId()).addValue("policyVersion", p.policyVersion())
                .addValue("state", c.state().name()).addValue("overdueSince", c.overdueSince())
                .addValue("acceptedBy", c.acceptedBy()).addValue("acceptanceRecord", c.acceptanceRecord())
                .addValue("closedOutBy", c.closedOutBy()).addValue("closedOutOn", c.closedOutOn())
                .addValue("town", r.townCode()).addValue("village", r.villageCode()).addValue("department", r.departmentCode())
                .addValue("person", r.personName()).addValue("phone", r.personPhone()).addValue("username", r.username())
                .addValue("townReport", c.townReport() == null ? null : json.writeValueAsString(c.townReport()))
                .addValue("townSettled", c.townRequirementSettled())
                .addValue("now", Timestamp.from(now));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
