package org.qingyuan.reporting.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.qingyuan.reporting.Submission;
import org.qingyuan.reporting.SubmissionFile;
import org.qingyuan.reporting.SubmissionState;
import org.qingyuan.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The submissions ({@code report_submission}) and their files ({@code report_file}); the database refuses frozen edits. */
@Component
class SubmissionStore {

    private static final String COLUMNS = """
            id, policy_id, duty_id, duty_title, parts, form, recipient, period_key, period_label, period_start, cut_off, due,
            remind_on, unit_key, unit_name, unit_kind, unit_division, generation, supersedes, superseded_by, state, as_of,
            summary, prepared_at, prepared_by, submitted_at, submitted_by, submitted_by_name, manifest, seal,
            first_submitted_at, coalesce(received_at, returned_at) AS answered_at, coalesce(received_by, returned_by) AS answered_by,
            return_reason, version""";

    private final JdbcClient jdbc;

    SubmissionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the submission unless the unit already has one for the report and period; true when created. */
    boolean createIfAbsent(Submission s, Instant now) {
        return insert(s, now, true) != null;
    }

    /**
     * Inserts a correction of {@code old}: the old row names it first (only one row per report, period and unit is
     * current), then the correction is inserted under that id; answers it.
     */
    long insertCorrection(Submission correction, Submission old, Instant now) {
        long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('report_submission', 'id'))").query(Long.class).single();
        jdbc.sql("UPDATE report_submission SET superseded_by = :id WHERE id = :old AND superseded_by IS NULL")
                .param("id", id).param("old", old.id()).update();
        insert(correction, now, false, id);
        return id;
    }

    private Long insert(Submission s, Instant now, boolean ifAbsent) {
        return insert(s, now, ifAbsent, null);
    }

    private Long insert(Submission s, Instant now, boolean ifAbsent, Long id) {
        Submission.Subject j = s.subject();
        Submission.Stored st = s.stored();
        return jdbc.sql("""
                        INSERT INTO report_submission (id, policy_id, duty_id, duty_title, parts, form, recipient, period_key, period_label,
                            period_start, cut_off, due, remind_on, unit_key, unit_name, unit_kind, unit_division, generation, supersedes,
                            state, summary, first_submitted_at, created_at)
                        VALUES (coalesce(CAST(:id AS bigint), nextval(pg_get_serial_sequence('report_submission', 'id'))), :policy, :duty, :title, :parts, :form, :recipient, :periodKey, :periodLabel, :start, :cutOff, :due,
                            :remindOn, :unitKey, :unitName, :unitKind, :unitDivision, :generation, :supersedes, :state, :summary,
                            :first, :now)
                        """ + (ifAbsent ? "ON CONFLICT (policy_id, duty_id, period_key, unit_key) WHERE superseded_by IS NULL DO NOTHING" : "")
                        + " RETURNING id")
                .param("id", id).param("policy", j.policyId()).param("duty", j.dutyId()).param("title", j.dutyTitle())
                .param("parts", j.parts().toArray(String[]::new)).param("form", j.form()).param("recipient", j.recipient())
                .param("periodKey", j.periodKey()).param("periodLabel", j.periodLabel()).param("start", j.periodStart())
                .param("cutOff", j.cutOff()).param("due", j.due()).param("remindOn", j.remindOn()).param("unitKey", j.unitKey())
                .param("unitName", j.unitName()).param("unitKind", j.unitKind()).param("unitDivision", j.unitDivision())
                .param("generation", st.generation()).param("supersedes", st.supersedes()).param("state", st.state().name())
                .param("summary", st.summary()).param("first", ts(st.firstSubmittedAt())).param("now", ts(now))
                .query(Long.class).optional().orElse(null);
    }

    /** Writes a changed submission if nobody changed it since {@code expected}; 409 otherwise. */
    void update(Submission s, int expected) {
        Submission.Stored st = s.stored();
        boolean returned = st.state() == SubmissionState.RETURNED;
        boolean received = st.state() == SubmissionState.RECEIVED;
        int n = jdbc.sql("""
                        UPDATE report_submission SET state = :state, as_of = :asOf, summary = :summary, prepared_at = :preparedAt,
                               prepared_by = :preparedBy, submitted_at = :submittedAt, submitted_by = :submittedBy,
                               submitted_by_name = :submittedByName, manifest = :manifest, seal = :seal,
                               received_at = :receivedAt, received_by = :receivedBy, returned_at = :returnedAt,
                               returned_by = :returnedBy, return_reason = :reason, superseded_by = :supersededBy,
                               version = version + 1
                         WHERE id = :id AND version = :expected
                        """)
                .param("state", st.state().name()).param("asOf", ts(st.asOf())).param("summary", st.summary())
                .param("preparedAt", ts(st.preparedAt())).param("preparedBy", st.preparedBy())
                .param("submittedAt", ts(st.submittedAt())).param("submittedBy", st.submittedBy())
                .param("submittedByName", st.submittedByName()).param("manifest", st.manifest()).param("seal", st.seal())
                .param("receivedAt", received ? ts(st.answeredAt()) : null).param("receivedBy", received ? st.answeredBy() : null)
                .param("returnedAt", returned ? ts(st.answeredAt()) : null).param("returnedBy", returned ? st.answeredBy() : null)
                .param("reason", st.returnReason()).param("supersededBy", st.supersededBy())
                .param("id", st.id()).param("expected", expected).update();
        if (n == 0) {
            throw new ConflictException("该报送已被他人修改，请刷新后重试");
        }
    }

    Optional<Submission> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM report_submission WHERE id = :id").param("id", id)
                .query(SubmissionStore::map).optional();
    }

    /** Submissions whose unit lies under the prefix (and of the department when given), filtered, newest period first. */
    List<Submission> list(String prefix, String department, String periodKey, String dutyId, boolean withSuperseded,
                          LocalDate dueFrom, LocalDate dueTo) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM report_submission
                        WHERE unit_division LIKE :prefix || '%'
                          AND (CAST(:department AS text) IS NULL OR (unit_kind = 'DEPARTMENT' AND unit_key = :department))
                          AND (CAST(:period AS text) IS NULL OR period_key = :period)
                          AND (CAST(:duty AS text) IS NULL OR duty_id = :duty)
                          AND (:withSuperseded OR superseded_by IS NULL)
                          AND (CAST(:dueFrom AS date) IS NULL OR due >= :dueFrom)
                          AND (CAST(:dueTo AS date) IS NULL OR due <= :dueTo)
                        ORDER BY due DESC, duty_id, CASE unit_kind WHEN 'DISTRICT' THEN 0 WHEN 'TOWN' THEN 1 ELSE 2 END, unit_key,
                                 generation DESC
                        """)
                .param("prefix", prefix).param("department", department).param("period", periodKey).param("duty", dutyId)
                .param("withSuperseded", withSuperseded).param("dueFrom", dueFrom).param("dueTo", dueTo)
                .query(SubmissionStore::map).list();
    }

    /** The open submissions (not yet submitted) whose reminder day has come and who were not reminded yet. */
    List<Submission> toRemind(LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM report_submission
                        WHERE superseded_by IS NULL AND state IN ('DUE', 'PREPARED') AND remind_on <= :today AND due >= :today
                          AND reminded_on IS NULL
                        """).param("today", today).query(SubmissionStore::map).list();
    }

    /** The open submissions past their due date whose lateness was not announced yet. */
    List<Submission> newlyLate(LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM report_submission
                        WHERE superseded_by IS NULL AND state IN ('DUE', 'PREPARED') AND due < :today AND late_noticed_on IS NULL
                          AND first_submitted_at IS NULL
                        """).param("today", today).query(SubmissionStore::map).list();
    }

    void markReminded(long id, LocalDate day) {
        jdbc.sql("UPDATE report_submission SET reminded_on = :day WHERE id = :id").param("day", day).param("id", id).update();
    }

    void markLateNoticed(long id, LocalDate day) {
        jdbc.sql("UPDATE report_submission SET late_noticed_on = :day WHERE id = :id").param("day", day).param("id", id).update();
    }

    void putFile(long id, String part, String fileName, String mediaType, byte[] content, String sm3, String by, Instant at) {
        jdbc.sql("DELETE FROM report_file WHERE submission_id = :id AND part = :part").param("id", id).param("part", part).update();
        jdbc.sql("""
                        INSERT INTO report_file (submission_id, part, file_name, media_type, size, sm3, content, added_at, added_by)
                        VALUES (:id, :part, :name, :type, :size, :sm3, :content, :at, :by)
                        """)
                .param("id", id).param("part", part).param("name", fileName).param("type", mediaType)
                .param("size", content.length).param("sm3", sm3).param("content", content).param("at", ts(at)).param("by", by)
                .update();
    }

    List<SubmissionFile> files(long id) {
        return jdbc.sql("SELECT part, file_name, media_type, size, sm3 FROM report_file WHERE submission_id = :id ORDER BY part")
                .param("id", id)
                .query((rs, i) -> new SubmissionFile(rs.getString(1), ReportParts.label(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getInt(4), rs.getString(5)))
                .list();
    }

    Optional<byte[]> content(long id, String part) {
        return jdbc.sql("SELECT content FROM report_file WHERE submission_id = :id AND part = :part")
                .param("id", id).param("part", part).query(byte[].class).optional();
    }

    private static Submission map(ResultSet rs, int i) throws SQLException {
        Array parts = rs.getArray("parts");
        Submission.Subject subject = new Submission.Subject(rs.getString("policy_id"), rs.getString("duty_id"),
                rs.getString("duty_title"), Arrays.asList((String[]) parts.getArray()), rs.getString("form"),
                rs.getString("recipient"), rs.getString("period_key"), rs.getString("period_label"),
                rs.getObject("period_start", LocalDate.class), rs.getObject("cut_off", LocalDate.class),
                rs.getObject("due", LocalDate.class), rs.getObject("remind_on", LocalDate.class), rs.getString("unit_key"),
                rs.getString("unit_name"), rs.getString("unit_kind"), rs.getString("unit_division"));
        return new Submission(new Submission.Stored(rs.getLong("id"), subject, rs.getInt("generation"),
                (Long) rs.getObject("supersedes"), (Long) rs.getObject("superseded_by"),
                SubmissionState.valueOf(rs.getString("state")), instant(rs, "as_of"), rs.getString("summary"),
                instant(rs, "prepared_at"), rs.getString("prepared_by"), instant(rs, "submitted_at"),
                rs.getString("submitted_by"), rs.getString("submitted_by_name"), rs.getString("manifest"), rs.getString("seal"),
                instant(rs, "first_submitted_at"), instant(rs, "answered_at"), rs.getString("answered_by"),
                rs.getString("return_reason"), rs.getInt("version")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
