package org.qingyuan.rectification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseSites.Site;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.CaseStep;
import org.qingyuan.rectification.ItemRecord;
import org.qingyuan.rectification.JointEnforcement;
import org.qingyuan.rectification.Permit;
import org.qingyuan.rectification.RectificationCase;
import org.qingyuan.rectification.Requirement;
import org.qingyuan.ledger.EnterpriseVisibility;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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

    private final CaseTimeline timeline;
    private final org.springframework.beans.factory.ObjectProvider<EnterpriseVisibility> visibility;

    CaseStore(JdbcClient jdbc, NamedParameterJdbcTemplate named, CaseTimeline timeline,
              org.springframework.beans.factory.ObjectProvider<EnterpriseVisibility> visibility) {
        this.jdbc = jdbc;
        this.named = named;
        this.timeline = timeline;
        this.visibility = visibility;
    }

    /**
     * The condition and its parameter that keep a scope narrowed to grids off the cases of other grids' enterprises
     * (empty for any other scope): a case follows its enterprise.
     */
    String gridCondition(Scope scope, MapSqlParameterSource params) {
        java.util.Set<Long> hidden = EnterpriseVisibility.hidden(visibility.orderedStream().toList(), scope);
        if (hidden.isEmpty()) {
            return "";
        }
        params.addValue("hiddenEnterprises", hidden.toArray(Long[]::new));
        return " AND NOT c.enterprise_id = ANY(:hiddenEnterprises)";
    }

    /** A stored case with the enterprise's name and place as last copied from the ledger. */
    record Row(RectificationCase rectificationCase, String enterpriseName, String address, Double longitude, Double latitude) {
    }

    Optional<Row> find(long id, Scope scope) {
        var params = new MapSqlParameterSource("id", id).addValue("prefix", scope.prefix());
        return load("c.id = :id AND c.division_code LIKE :prefix || '%'" + gridCondition(scope, params), params).stream().findFirst();
    }

    /** The cases under the scope's division, by enterprise id. */
    Map<Long, org.qingyuan.rectification.CaseBrief> briefs(Scope scope) {
        Map<Long, org.qingyuan.rectification.CaseBrief> result = new HashMap<>();
        jdbc.sql("SELECT id, enterprise_id, measure, measure_name, state, version FROM rectification_case WHERE division_code LIKE :prefix || '%'")
                .param("prefix", scope.prefix())
                .query(rs -> {
                    result.put(rs.getLong(2), new org.qingyuan.rectification.CaseBrief(rs.getLong(1), rs.getLong(2),
                            org.qingyuan.policy.MeasureKind.valueOf(rs.getString(3)), rs.getString(4),
                            org.qingyuan.rectification.CaseState.valueOf(rs.getString(5)), rs.getInt(6)));
                });
        return result;
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
        List<Row> rows = named.query("SELECT " + COLUMNS + " FROM rectification_case c WHERE " + where, params, CaseRows::row);
        if (rows.isEmpty()) {
            return rows;
        }
        Long[] ids = rows.stream().map(r -> r.rectificationCase().id()).toArray(Long[]::new);
        Map<Long, List<Long>> evidence = new HashMap<>();
        named.query("SELECT case_id, requirement, attachment_id FROM rectification_evidence WHERE case_id = ANY(:ids) ORDER BY position",
                new MapSqlParameterSource("ids", ids), rs -> {
                    evidence.computeIfAbsent(CaseRows.key(rs.getLong(1), rs.getString(2)), k -> new ArrayList<>()).add(rs.getLong(3));
                });
        Map<Long, List<ItemRecord>> items = new HashMap<>();
        named.query("SELECT * FROM rectification_item WHERE case_id = ANY(:ids)", new MapSqlParameterSource("ids", ids), rs -> {
            long caseId = rs.getLong("case_id");
            String requirement = rs.getString("requirement");
            Permit permit = rs.getString("permit_name") == null ? null : new Permit(rs.getString("permit_name"),
                    rs.getString("permit_number"), CaseRows.date(rs, "permit_date"));
            items.computeIfAbsent(caseId, k -> new ArrayList<>()).add(new ItemRecord(Requirement.valueOf(requirement),
                    rs.getString("recorded_by"), CaseRows.instant(rs, "recorded_at"), rs.getString("note"),
                    evidence.getOrDefault(CaseRows.key(caseId, requirement), List.of()), (Long) rs.getObject("utility_confirmation_id"),
                    permit, CaseRows.strings(rs.getArray("flags")), rs.getString("reviewed_by"), CaseRows.instant(rs, "reviewed_at")));
        });
        Map<Long, List<JointEnforcement>> enforcements = new HashMap<>();
        named.query("SELECT * FROM rectification_enforcement WHERE case_id = ANY(:ids) ORDER BY id",
                new MapSqlParameterSource("ids", ids), rs -> {
                    enforcements.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>()).add(new JointEnforcement(
                            CaseRows.date(rs, "action_date"), CaseRows.strings(rs.getArray("departments")), rs.getString("note"),
                            rs.getString("recorded_by")));
                });
        return rows.stream().map(r -> {
            RectificationCase s = r.rectificationCase();
            // the row mapper left the aggregate without items and enforcements; rebuild with them
            RectificationCase full = RectificationCase.restore(CaseRows.stored(s), items.getOrDefault(s.id(), List.of()),
                    enforcements.getOrDefault(s.id(), List.of()));
            return new Row(full, r.enterpriseName(), r.address(), r.longitude(), r.latitude());
        }).toList();
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
            batch[i] = CaseRows.params(c, now).addValue("id", ids.get(i)).addValue("version", 0)
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
        List<CaseTimeline.StepRow> steps = new ArrayList<>();
        List<Long> opened = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (!inserted.contains(ids.get(i))) {
                continue;
            }
            opened.add(ids.get(i));
            for (CaseStep s : cases.get(i).newSteps()) {
                steps.add(new CaseTimeline.StepRow(ids.get(i), 0, s));
            }
        }
        timeline.append(steps);
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
            batch[i] = CaseRows.params(c, now).addValue("id", c.id()).addValue("expected", expectedVersions.get(i))
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
                throw timeline.stale(cases.get(i).id(), expectedVersions.get(i));
            }
        }
        Long[] ids = cases.stream().map(RectificationCase::id).toArray(Long[]::new);
        named.update("DELETE FROM rectification_item WHERE case_id = ANY(:ids)", new MapSqlParameterSource("ids", ids));
        List<MapSqlParameterSource> itemRows = new ArrayList<>();
        List<MapSqlParameterSource> evidenceRows = new ArrayList<>();
        List<MapSqlParameterSource> enforcementRows = new ArrayList<>();
        List<CaseTimeline.StepRow> steps = new ArrayList<>();
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
                steps.add(new CaseTimeline.StepRow(c.id(), version, s));
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
        timeline.append(steps);
        return versions;
    }
}
