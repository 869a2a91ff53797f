package org.qingyuan.rectification.internal;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.rectification.CaseStep;
import org.qingyuan.rectification.CaseView;
import org.qingyuan.rectification.StepKind;
import org.qingyuan.shared.ConflictException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The timeline of the cases ({@code rectification_step}): appended by every command, read by the case page. */
@Component
class CaseTimeline {

    /** A step to append, with the case version it produced. */
    record StepRow(long caseId, int version, CaseStep step) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    CaseTimeline(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** The 409 answer to a command on an older version: what was done since (the web names the kinds). */
    ConflictException stale(long id, int expected) {
        Integer current = jdbc.sql("SELECT version FROM rectification_case WHERE id = :id").param("id", id)
                .query(Integer.class).optional().orElse(null);
        List<Map<String, Object>> since = jdbc.sql("""
                        SELECT kind, actor, at, detail FROM rectification_step WHERE case_id = :id AND case_version > :v ORDER BY id
                        """).param("id", id).param("v", expected)
                .query((rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("kind", rs.getString(1));
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

    /**
     * Appends the steps of cases whose rows are already written: each step records where its case stands after the
     * command (state and overdue mark, copied from the row), so that a case as of any instant is its last step by then.
     */
    void append(List<StepRow> steps) {
        named.batchUpdate("""
                INSERT INTO rectification_step (case_id, case_version, kind, actor, at, detail, state, overdue)
                SELECT :caseId, :version, :kind, :actor, :at, :detail, c.state, c.overdue_since IS NOT NULL
                  FROM rectification_case c WHERE c.id = :caseId
                """, steps.stream().map(s -> new MapSqlParameterSource("caseId", s.caseId()).addValue("version", s.version())
                .addValue("kind", s.step().kind().name()).addValue("actor", s.step().by())
                .addValue("at", Timestamp.from(s.step().at())).addValue("detail", s.step().detail()))
                .toArray(MapSqlParameterSource[]::new));
    }

    List<CaseView.TimelineStep> timeline(long caseId) {
        return jdbc.sql("SELECT id, kind, actor, at, detail, case_version FROM rectification_step WHERE case_id = :id ORDER BY id")
                .param("id", caseId)
                .query((rs, i) -> new CaseView.TimelineStep(rs.getLong(1), StepKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getInt(6)))
                .list();
    }
}
