package org.qingyuan.rectification.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseDeadline;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.EscalationRule;
import org.qingyuan.rectification.MeasurePlan;
import org.qingyuan.rectification.RectificationCase;
import org.qingyuan.rectification.Requirement;
import org.qingyuan.rectification.ResponsiblePersons;
import org.qingyuan.rectification.StoredCase;
import org.qingyuan.rectification.TownReport;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A case as its {@code rectification_case} row: read back into the aggregate, and the parameters to write it. */
final class CaseRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CaseRows() {
    }

    static long key(long caseId, String requirement) {
        return caseId * 64 + Requirement.valueOf(requirement).ordinal();
    }

    static StoredCase stored(RectificationCase c) {
        return new StoredCase(c.id(), c.enterpriseId(), c.divisionCode(), c.plan(), c.deadline(), c.state(),
                c.responsible(), c.appliedEscalations(), c.overdueSince(), c.acceptedBy(), c.acceptanceRecord(), c.closedOutBy(),
                c.closedOutOn(), c.townReport(), c.townRequirementSettled(), c.openedAt(), c.version());
    }

    static CaseStore.Row row(ResultSet rs, int i) throws SQLException {
        MeasureKind measure = MeasureKind.valueOf(rs.getString("measure"));
        List<Requirement> requirements = strings(rs.getArray("requirements")).stream().map(Requirement::valueOf).toList();
        List<CaseDeadline> deadlines = JSON.readValue(rs.getString("deadlines"), new TypeReference<List<CaseDeadline>>() { });
        List<EscalationRule> escalations = JSON.readValue(rs.getString("escalations"), new TypeReference<List<EscalationRule>>() { });
        MeasurePlan plan = new MeasurePlan(measure, rs.getString("measure_name"), requirements, date(rs, "deadline"), deadlines,
                escalations, rs.getString("policy_id"), (Integer) rs.getObject("policy_version"));
        ResponsiblePersons persons = new ResponsiblePersons(rs.getString("town_code"), rs.getString("village_code"),
                rs.getString("department_code"), rs.getString("person_name"), rs.getString("person_phone"),
                rs.getString("person_username"));
        String report = rs.getString("town_report");
        var stored = new StoredCase(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("division_code"), plan,
                date(rs, "deadline"), CaseState.valueOf(rs.getString("state")), persons, strings(rs.getArray("applied_escalations")),
                date(rs, "overdue_since"), rs.getString("accepted_by"), rs.getString("acceptance_record"),
                rs.getString("closed_out_by"), date(rs, "closed_out_on"),
                report == null ? null : JSON.readValue(report, TownReport.class), rs.getString("town_requirement_settled"),
                instant(rs, "opened_at"), rs.getInt("version"));
        RectificationCase c = RectificationCase.restore(stored, List.of(), List.of());
        return new CaseStore.Row(c, rs.getString("enterprise_name"),
                rs.getString("address"), (Double) rs.getObject("longitude"), (Double) rs.getObject("latitude"));
    }

    static MapSqlParameterSource params(RectificationCase c, Instant now) {
        MeasurePlan p = c.plan();
        ResponsiblePersons r = c.responsible();
        return new MapSqlParameterSource("enterpriseId", c.enterpriseId()).addValue("division", c.divisionCode())
                .addValue("measure", p.measure().name()).addValue("measureName", p.measureName())
                .addValue("requirements", p.requirements().stream().map(Enum::name).toArray(String[]::new))
                .addValue("deadline", c.deadline()).addValue("deadlines", JSON.writeValueAsString(p.deadlines()))
                .addValue("escalations", JSON.writeValueAsString(p.escalations()))
                .addValue("applied", c.appliedEscalations().toArray(String[]::new))
                .addValue("policyId", p.policyId()).addValue("policyVersion", p.policyVersion())
                .addValue("state", c.state().name()).addValue("overdueSince", c.overdueSince())
                .addValue("acceptedBy", c.acceptedBy()).addValue("acceptanceRecord", c.acceptanceRecord())
                .addValue("closedOutBy", c.closedOutBy()).addValue("closedOutOn", c.closedOutOn())
                .addValue("town", r.townCode()).addValue("village", r.villageCode()).addValue("department", r.departmentCode())
                .addValue("person", r.personName()).addValue("phone", r.personPhone()).addValue("username", r.username())
                .addValue("townReport", c.townReport() == null ? null : JSON.writeValueAsString(c.townReport()))
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
