package org.qingyuan.referral.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.referral.JointOperation;
import org.qingyuan.referral.Referral;
import org.qingyuan.referral.ReferralState;
import org.qingyuan.referral.Urgency;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of duties, referrals and joint operations. Reads take the caller's visibility condition. */
@Repository
class ReferralStore {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    ReferralStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    // ---------------------------------------------------------------- duties

    /** The duties of each department for the district (its own text, else the shipped one). */
    record Duty(String departmentCode, String duties, String source, int version, Instant updatedAt, String updatedBy) {
    }

    Map<String, Duty> duties(String district) {
        Map<String, Duty> out = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (department_code) department_code, duties, source, version, updated_at, updated_by
                          FROM department_duty WHERE district_code IN ('*', :district)
                         ORDER BY department_code, (district_code = '*')
                        """).param("district", district)
                .query((rs, i) -> new Duty(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), instant(rs, "updated_at"),
                        rs.getString(6)))
                .list().forEach(d -> out.put(d.departmentCode(), d));
        return out;
    }

    /** Saves the district's text when the version is the one read; false when someone else changed it. */
    boolean saveDuty(String district, String department, int version, String duties, String source, Instant at, String by) {
        if (version == 0) {
            return jdbc.sql("""
                            INSERT INTO department_duty (district_code, department_code, duties, source, version, updated_at, updated_by)
                            VALUES (:district, :department, :duties, :source, 1, :at, :by) ON CONFLICT DO NOTHING
                            """).param("district", district).param("department", department).param("duties", duties)
                    .param("source", source).param("at", Timestamp.from(at)).param("by", by).update() == 1;
        }
        return jdbc.sql("""
                        UPDATE department_duty SET duties = :duties, source = :source, version = version + 1, updated_at = :at, updated_by = :by
                         WHERE district_code = :district AND department_code = :department AND version = :version
                        """).param("district", district).param("department", department).param("duties", duties)
                .param("source", source).param("at", Timestamp.from(at)).param("by", by).param("version", version).update() == 1;
    }

    // ---------------------------------------------------------------- referrals

    long insertReferral(String district, String division, Long enterpriseId, String enterpriseName, String department, String problem,
                        String basis, Urgency urgency, LocalDate on, LocalDate deadline, String rule, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO referral (district_code, division_code, enterprise_id, enterprise_name, department_code, problem,
                            legal_basis, urgency, state, referred_on, deadline, deadline_rule, referred_at, referred_by)
                        VALUES (:district, :division, :enterprise, :name, :department, :problem, :basis, :urgency, 'SENT', :on,
                            :deadline, :rule, :at, :by) RETURNING id
                        """)
                .param("district", district).param("division", division).param("enterprise", enterpriseId).param("name", enterpriseName)
                .param("department", department).param("problem", problem).param("basis", basis).param("urgency", urgency.name())
                .param("on", on).param("deadline", deadline).param("rule", rule).param("at", Timestamp.from(at)).param("by", by)
                .query(Long.class).single();
    }

    List<Referral> referrals(String condition, MapSqlParameterSource params, String order) {
        return named.query("SELECT r.* FROM referral r WHERE " + condition + " ORDER BY " + order, params, ReferralStore::referral);
    }

    Optional<Referral> lockReferral(long id) {
        return jdbc.sql("SELECT r.* FROM referral r WHERE r.id = :id FOR UPDATE").param("id", id).query(ReferralStore::referral).optional();
    }

    boolean updateReferral(long id, int version, String set, MapSqlParameterSource params) {
        params.addValue("id", id).addValue("version", version);
        return named.update("UPDATE referral SET " + set + ", version = version + 1 WHERE id = :id AND version = :version", params) == 1;
    }

    private static Referral referral(ResultSet rs, int n) throws SQLException {
        return new Referral(rs.getLong("id"), rs.getString("district_code"), rs.getString("division_code"),
                (Long) rs.getObject("enterprise_id"), rs.getString("enterprise_name"), rs.getString("department_code"),
                rs.getString("problem"), rs.getString("legal_basis"), Urgency.valueOf(rs.getString("urgency")),
                ReferralState.valueOf(rs.getString("state")), rs.getObject("referred_on", LocalDate.class),
                rs.getObject("deadline", LocalDate.class), rs.getString("deadline_rule"), instant(rs, "referred_at"),
                rs.getString("referred_by"), instant(rs, "accepted_at"), rs.getString("accepted_by"), rs.getString("answer"),
                instant(rs, "answered_at"), rs.getString("answered_by"), instant(rs, "confirmed_at"), rs.getString("confirmed_by"),
                rs.getString("return_reason"), instant(rs, "returned_at"), rs.getInt("returns"),
                rs.getObject("escalated_on", LocalDate.class), rs.getInt("version"));
    }

    // ---------------------------------------------------------------- operations

    long insertOperation(String district, LocalDate on, String title, String lead, List<String> departments, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO joint_operation (district_code, held_on, title, lead_department, departments, created_at, created_by)
                        VALUES (:district, :on, :title, :lead, :departments, :at, :by) RETURNING id
                        """)
                .param("district", district).param("on", on).param("title", title).param("lead", lead)
                .param("departments", departments.toArray(String[]::new)).param("at", Timestamp.from(at)).param("by", by)
                .query(Long.class).single();
    }

    void insertTarget(long operation, JointOperation.Target t) {
        jdbc.sql("""
                        INSERT INTO joint_operation_enterprise (operation_id, enterprise_id, enterprise_name, division_code)
                        VALUES (:o, :e, :n, :d)
                        """).param("o", operation).param("e", t.enterpriseId()).param("n", t.enterpriseName()).param("d", t.divisionCode())
                .update();
    }

    /** Operations matching the condition on {@code o} (joint_operation), newest first, with targets and parts. */
    List<JointOperation> operations(String condition, MapSqlParameterSource params) {
        List<Object[]> heads = named.query("SELECT o.* FROM joint_operation o WHERE " + condition + " ORDER BY o.held_on DESC, o.id DESC",
                params, (rs, i) -> new Object[] {rs.getLong("id"), rs.getString("district_code"), rs.getObject("held_on", LocalDate.class),
                        rs.getString("title"), rs.getString("lead_department"),
                        Arrays.asList((String[]) rs.getArray("departments").getArray()), instant(rs, "created_at"),
                        rs.getString("created_by"), rs.getInt("version")});
        List<JointOperation> out = new ArrayList<>();
        for (Object[] h : heads) {
            long id = (Long) h[0];
            @SuppressWarnings("unchecked")
            List<String> departments = (List<String>) h[5];
            out.add(new JointOperation(id, (String) h[1], (LocalDate) h[2], (String) h[3], (String) h[4], departments, targets(id),
                    parts(id), (Instant) h[6], (String) h[7], (Integer) h[8]));
        }
        return out;
    }

    List<JointOperation.Target> targets(long operation) {
        return jdbc.sql("SELECT enterprise_id, enterprise_name, division_code FROM joint_operation_enterprise WHERE operation_id = :o ORDER BY enterprise_name, enterprise_id")
                .param("o", operation).query((rs, i) -> new JointOperation.Target(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    List<JointOperation.Part> parts(long operation) {
        return jdbc.sql("SELECT * FROM joint_operation_part WHERE operation_id = :o ORDER BY id").param("o", operation)
                .query((rs, i) -> new JointOperation.Part(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("department_code"),
                        rs.getString("action"), rs.getString("outcome"), (Long) rs.getObject("attachment_id"), (Long) rs.getObject("case_id"),
                        rs.getString("case_note"), instant(rs, "recorded_at"), rs.getString("recorded_by"))).list();
    }

    void lockOperation(long id) {
        jdbc.sql("SELECT id FROM joint_operation WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
    }

    boolean bumpOperation(long id, int version) {
        return jdbc.sql("UPDATE joint_operation SET version = version + 1 WHERE id = :id AND version = :v").param("id", id).param("v", version)
                .update() == 1;
    }

    long insertPart(long operation, long enterprise, String department, String action, String outcome, Long attachment, Long caseId,
                    String caseNote, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO joint_operation_part (operation_id, enterprise_id, department_code, action, outcome, attachment_id,
                            case_id, case_note, recorded_at, recorded_by)
                        VALUES (:o, :e, :d, :action, :outcome, :file, :case, :note, :at, :by) RETURNING id
                        """)
                .param("o", operation).param("e", enterprise).param("d", department).param("action", action).param("outcome", outcome)
                .param("file", attachment).param("case", caseId).param("note", caseNote).param("at", Timestamp.from(at)).param("by", by)
                .query(Long.class).single();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
