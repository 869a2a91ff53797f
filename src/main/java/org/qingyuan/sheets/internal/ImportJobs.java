package org.qingyuan.sheets.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qingyuan.access.Scope;
import org.qingyuan.sheets.internal.ImportJob.Mode;
import org.qingyuan.sheets.internal.ImportJob.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code sheet_import} and {@code sheet_import_row} tables; every read is limited to the caller's scope. */
@Repository
public class ImportJobs {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final PgCopy pgCopy;

    ImportJobs(JdbcClient jdbc, PgCopy pgCopy) {
        this.jdbc = jdbc;
        this.pgCopy = pgCopy;
    }

    long create(Layout layout, Mode mode, String fileName, String filePath, long size, String digest, String division,
                String username, String displayName, String node, Long sameFileAs, Instant now) {
        return jdbc.sql("""
                        INSERT INTO sheet_import (layout, mode, file_name, file_path, file_size, file_digest, division_code,
                            username, display_name, state, node, same_file_as, created_at, heartbeat_at)
                        VALUES (:layout, :mode, :fileName, :filePath, :size, :digest, :division, :username, :displayName,
                            'QUEUED', :node, :same, :now, :now)
                        RETURNING id
                        """)
                .param("layout", layout.name()).param("mode", mode.name()).param("fileName", fileName)
                .param("filePath", filePath).param("size", size).param("digest", digest).param("division", division)
                .param("username", username).param("displayName", displayName).param("node", node)
                .param("same", sameFileAs).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    /** The newest committed import of the same file inside the scope, if any. */
    Optional<Long> sameFile(String digest, Scope scope) {
        return jdbc.sql("""
                        SELECT id FROM sheet_import WHERE file_digest = :digest AND state = 'COMMITTED'
                           AND division_code LIKE :prefix || '%' ORDER BY id DESC LIMIT 1
                        """).param("digest", digest).param("prefix", scope.prefix()).query(Long.class).optional();
    }

    Optional<ImportJob> find(long id, Scope scope) {
        return jdbc.sql("SELECT * FROM sheet_import WHERE id = :id AND division_code LIKE :prefix || '%'")
                .param("id", id).param("prefix", scope.prefix()).query(ImportJobs::job).optional();
    }

    Optional<ImportJob> find(long id) {
        return jdbc.sql("SELECT * FROM sheet_import WHERE id = :id").param("id", id).query(ImportJobs::job).optional();
    }

    List<ImportJob> recent(Scope scope, int limit) {
        return jdbc.sql("SELECT * FROM sheet_import WHERE division_code LIKE :prefix || '%' ORDER BY id DESC LIMIT :limit")
                .param("prefix", scope.prefix()).param("limit", limit).query(ImportJobs::job).list();
    }

    /** QUEUED → RUNNING; false when the job is no longer queued (failed by a sweep meanwhile). */
    boolean start(long id, String node, int totalRows, Instant now) {
        return jdbc.sql("""
                        UPDATE sheet_import SET state = 'RUNNING', node = :node, total_rows = :total, started_at = :now,
                               heartbeat_at = :now
                         WHERE id = :id AND state = 'QUEUED'
                        """).param("node", node).param("total", totalRows).param("now", Timestamp.from(now)).param("id", id)
                .update() == 1;
    }

    void progress(long id, Counts c, Instant now) {
        jdbc.sql("""
                        UPDATE sheet_import SET read_rows = :read, data_rows = :data, accepted_rows = :accepted,
                               rejected_rows = :rejected, duplicate_rows = :duplicates, warning_rows = :warnings, heartbeat_at = :now
                         WHERE id = :id AND state = 'RUNNING'
                        """).param("read", c.read).param("data", c.data).param("accepted", c.accepted)
                .param("rejected", c.rejected).param("duplicates", c.duplicates).param("warnings", c.warnings)
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    void finish(long id, State state, Counts c, String message, List<String> notes, String unit, LocalDate formDate, Instant now) {
        jdbc.sql("""
                        UPDATE sheet_import SET state = :state, read_rows = :read, data_rows = :data, accepted_rows = :accepted,
                               rejected_rows = :rejected, duplicate_rows = :duplicates, warning_rows = :warnings,
                               message = :message, notes = CAST(:notes AS jsonb), form_unit = :unit, form_date = :formDate,
                               finished_at = :now, heartbeat_at = :now
                         WHERE id = :id
                        """).param("state", state.name()).param("read", c.read).param("data", c.data)
                .param("accepted", c.accepted).param("rejected", c.rejected).param("duplicates", c.duplicates)
                .param("warnings", c.warnings).param("message", message).param("notes", JSON.writeValueAsString(notes))
                .param("unit", unit).param("formDate", formDate).param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** Fails a job that is not finished (a sweep, or the worker's own failure); false when it had finished. */
    boolean fail(long id, String message, Instant now) {
        return jdbc.sql("""
                        UPDATE sheet_import SET state = 'FAILED', message = :message, finished_at = :now
                         WHERE id = :id AND state IN ('QUEUED', 'RUNNING')
                        """).param("message", message).param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    /** Jobs not finished: id, state, node and last heartbeat. */
    List<Object[]> unfinished() {
        return jdbc.sql("SELECT id, state, node, heartbeat_at FROM sheet_import WHERE state IN ('QUEUED', 'RUNNING')")
                .query((rs, i) -> new Object[] {rs.getLong(1), State.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getTimestamp(4).toInstant()}).list();
    }

    void heartbeatQueued(String node, Instant now) {
        jdbc.sql("UPDATE sheet_import SET heartbeat_at = :now WHERE node = :node AND state = 'QUEUED'")
                .param("now", Timestamp.from(now)).param("node", node).update();
    }

    /** The running counts of a job. */
    static final class Counts {
        /** Written by the reading thread, read for progress by the writing one. */
        volatile int read;
        int data;
        int accepted;
        int rejected;
        int duplicates;
        int warnings;

        Counts copy() {
            Counts c = new Counts();
            c.read = read;
            c.data = data;
            c.accepted = accepted;
            c.rejected = rejected;
            c.duplicates = duplicates;
            c.warnings = warnings;
            return c;
        }
    }

    /** One row's fate, as written to {@code sheet_import_row}. */
    record RowOutcome(int seq, String sheet, int rowNumber, String outcome, String name, Long enterpriseId, String errors,
                      String warnings, String duplicates) {
    }

    /** Appends row outcomes with COPY (one round trip for the whole chunk) on the current transaction's connection. */
    void addRows(long importId, List<RowOutcome> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder data = new StringBuilder(rows.size() * 96);
        for (RowOutcome r : rows) {
            data.append(importId).append('\t').append(r.seq()).append('\t');
            PgCopy.text(data, r.sheet()).append('\t').append(r.rowNumber()).append('\t').append(r.outcome()).append('\t');
            PgCopy.text(data, r.name()).append('\t');
            data.append(r.enterpriseId() == null ? "\\N" : r.enterpriseId().toString()).append('\t');
            PgCopy.text(data, r.errors()).append('\t');
            PgCopy.text(data, r.warnings()).append('\t');
            PgCopy.text(data, r.duplicates()).append('\n');
        }
        pgCopy.copy("""
                COPY sheet_import_row (import_id, seq, sheet, row_number, outcome, name, enterprise_id, errors, warnings, duplicates)
                FROM STDIN""", data);
    }

    /** A page of row outcomes, optionally of one kind, in file order. */
    public List<Map<String, Object>> rows(long importId, String outcome, boolean withWarningsOnly, int offset, int limit) {
        return jdbc.sql("""
                        SELECT seq, sheet, row_number, outcome, name, enterprise_id, errors::text AS errors,
                               warnings::text AS warnings, duplicates::text AS duplicates
                          FROM sheet_import_row
                         WHERE import_id = :id AND (CAST(:outcome AS text) IS NULL OR outcome = :outcome)
                           AND (NOT :warned OR warnings IS NOT NULL)
                         ORDER BY seq LIMIT :limit OFFSET :offset
                        """).param("id", importId).param("outcome", outcome).param("warned", withWarningsOnly)
                .param("limit", limit).param("offset", offset)
                .query((rs, i) -> rowMap(rs)).list();
    }

    /** Calls back for every row with a problem (not plainly accepted), in file order: for the report. */
    void forEachProblem(long importId, java.util.function.Consumer<Map<String, Object>> each) {
        jdbc.sql("""
                        SELECT seq, sheet, row_number, outcome, name, enterprise_id, errors::text AS errors,
                               warnings::text AS warnings, duplicates::text AS duplicates
                          FROM sheet_import_row
                         WHERE import_id = :id AND (outcome <> 'ACCEPTED' OR warnings IS NOT NULL)
                         ORDER BY seq
                        """).param("id", importId)
                .query(rs -> {
                    each.accept(rowMap(rs));
                });
    }

    private static Map<String, Object> rowMap(ResultSet rs) throws SQLException {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("sheet", rs.getString("sheet"));
        m.put("row", rs.getInt("row_number"));
        m.put("outcome", rs.getString("outcome"));
        m.put("name", rs.getString("name"));
        long id = rs.getLong("enterprise_id");
        m.put("enterpriseId", rs.wasNull() ? null : id);
        m.put("errors", list(rs.getString("errors")));
        m.put("warnings", list(rs.getString("warnings")));
        m.put("duplicates", list(rs.getString("duplicates")));
        return m;
    }

    private static List<Map<String, Object>> list(String json) {
        if (json == null) {
            return List.of();
        }
        return JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() { });
    }

    private static ImportJob job(ResultSet rs, int row) throws SQLException {
        String notes = rs.getString("notes");
        List<String> noteList = notes == null ? List.of() : JSON.readValue(notes, new TypeReference<List<String>>() { });
        long same = rs.getLong("same_file_as");
        Long sameFileAs = rs.wasNull() ? null : same;
        return new ImportJob(rs.getLong("id"), Layout.valueOf(rs.getString("layout")), Mode.valueOf(rs.getString("mode")),
                rs.getString("file_name"), rs.getString("file_path"), rs.getLong("file_size"), rs.getString("file_digest"),
                rs.getString("division_code"), rs.getString("username"), rs.getString("display_name"),
                State.valueOf(rs.getString("state")), rs.getInt("total_rows"), rs.getInt("read_rows"), rs.getInt("data_rows"),
                rs.getInt("accepted_rows"), rs.getInt("rejected_rows"), rs.getInt("duplicate_rows"), rs.getInt("warning_rows"),
                rs.getString("message"), new ArrayList<>(noteList), rs.getString("form_unit"),
                rs.getObject("form_date", LocalDate.class), sameFileAs, instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
