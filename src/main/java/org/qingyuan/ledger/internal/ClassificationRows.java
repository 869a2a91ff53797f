package org.qingyuan.ledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.ledger.internal.ClassificationRecord;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.internal.OverrideDecision;
import org.qingyuan.policy.ClassificationOverride;
import org.qingyuan.policy.Deadline;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.Question;
import tools.jackson.core.type.TypeReference;

import org.qingyuan.ledger.internal.JdbcClassifications.Input;
import org.qingyuan.ledger.internal.JdbcClassifications.Stored;

/** The classification tables' rows read back: an enterprise's classification input, a stored record, an override. */
final class ClassificationRows {

    private ClassificationRows() {
    }

    static Input input(ResultSet rs, int row) throws SQLException {
        long current = rs.getLong("current_id");
        boolean noCurrent = rs.wasNull();
        long override = rs.getLong("override_id");
        boolean noOverride = rs.wasNull();
        return new Input(rs.getLong("enterprise_id"), rs.getString("division_code"), rs.getString("facts"),
                EnterpriseRows.enumOf(Industry.class, rs.getString("industry")), rs.getObject("reported_on", LocalDate.class),
                "ACTIVE".equals(rs.getString("status")), rs.getString("zone_override"), rs.getObject("notice_date", LocalDate.class),
                noCurrent ? null : current, noOverride ? null : override, rs.getString("stale_reason"), rs.getInt("version"),
                rs.getBoolean("stale"));
    }

    @SuppressWarnings("unchecked")
    static Stored stored(ResultSet rs, int row) throws SQLException {
        List<Deadline> deadlines = JdbcClassifications.JSON.readValue(rs.getString("deadlines"), new TypeReference<List<Deadline>>() { });
        Map<String, Object> detail = JdbcClassifications.JSON.readValue(rs.getString("explanation"), new TypeReference<Map<String, Object>>() { });
        Map<String, Object> facts = JdbcClassifications.JSON.readValue(rs.getString("facts"), new TypeReference<Map<String, Object>>() { });
        List<Question> questions = new ArrayList<>();
        Object q = detail.get("questions");
        if (q instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> m = (Map<String, Object>) item;
                questions.add(new Question((String) m.get("fact"), (String) m.get("question")));
            }
        }
        ClassificationRecord record = new ClassificationRecord(rs.getLong("id"), rs.getLong("enterprise_id"),
                rs.getString("policy_id"), rs.getInt("policy_version"), rs.getString("category"),
                (String) detail.get("categoryLabel"), EnterpriseRows.enumOf(MeasureKind.class, rs.getString("measure_kind")),
                rs.getString("measure_label"), List.copyOf(deadlines), (String) detail.get("explanation"), List.copyOf(questions),
                rs.getString("facts_fingerprint"), rs.getString("zone"), rs.getObject("notice_date", LocalDate.class),
                rs.getTimestamp("computed_at").toInstant(), rs.getString("computed_by"), rs.getString("reason"));
        return new Stored(record, facts, detail);
    }

    static OverrideDecision override(ResultSet rs, int row) throws SQLException {
        Map<String, String> stored = JdbcClassifications.JSON.readValue(rs.getString("deadlines"), new TypeReference<Map<String, String>>() { });
        Map<DeadlineKind, LocalDate> deadlines = new EnumMap<>(DeadlineKind.class);
        stored.forEach((kind, date) -> deadlines.put(DeadlineKind.valueOf(kind), LocalDate.parse(date)));
        ClassificationOverride o = new ClassificationOverride(EnterpriseRows.enumOf(MeasureKind.class, rs.getString("measure_kind")),
                rs.getString("measure_label"), deadlines, rs.getString("reason"), rs.getString("decided_by"),
                rs.getTimestamp("decided_at").toInstant(), rs.getString("facts_fingerprint"), rs.getString("policy_id"),
                rs.getInt("policy_version"));
        Timestamp cleared = rs.getTimestamp("cleared_at");
        return new OverrideDecision(rs.getLong("id"), o, cleared == null ? null : cleared.toInstant(), rs.getString("cleared_by"),
                rs.getString("cleared_reason"));
    }
}
