package org.qingyuan.rectification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.rectification.TownReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The towns' reports in {@code rectification_town_report}: kept as received, applied once to their case. */
@Repository
class TownReportStore {

    private final JdbcClient jdbc;

    TownReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the reports, pending, in one statement (a later report of an enterprise replaces the earlier one). */
    void save(List<TownReport> reports, String by, Instant at) {
        if (reports.isEmpty()) {
            return;
        }
        int n = reports.size();
        Long[] ids = new Long[n];
        String[] requirement = new String[n];
        String[] deadlineText = new String[n];
        String[] deadline = new String[n];
        String[] name = new String[n];
        String[] phone = new String[n];
        String[] progress = new String[n];
        String[] source = new String[n];
        for (int i = 0; i < n; i++) {
            TownReport r = reports.get(i);
            ids[i] = r.enterpriseId();
            requirement[i] = r.requirement();
            deadlineText[i] = r.deadlineText();
            deadline[i] = r.deadline() == null ? null : r.deadline().toString();
            name[i] = r.personName();
            phone[i] = r.personPhone();
            progress[i] = r.progress();
            source[i] = r.source();
        }
        jdbc.sql("""
                        INSERT INTO rectification_town_report (enterprise_id, requirement, deadline_text, deadline, person_name,
                            person_phone, progress, source, reported_by, received_at)
                        SELECT * , CAST(:by AS text), CAST(:at AS timestamptz) FROM unnest(CAST(:ids AS bigint[]), CAST(:requirement AS text[]),
                            CAST(:deadlineText AS text[]), CAST(:deadline AS date[]), CAST(:name AS text[]), CAST(:phone AS text[]),
                            CAST(:progress AS text[]), CAST(:source AS text[]))
                        ON CONFLICT (enterprise_id) DO UPDATE SET requirement = EXCLUDED.requirement,
                            deadline_text = EXCLUDED.deadline_text, deadline = EXCLUDED.deadline, person_name = EXCLUDED.person_name,
                            person_phone = EXCLUDED.person_phone, progress = EXCLUDED.progress, source = EXCLUDED.source,
                            reported_by = EXCLUDED.reported_by, received_at = EXCLUDED.received_at, applied_at = NULL, case_id = NULL
                        """)
                .param("ids", ids).param("requirement", requirement).param("deadlineText", deadlineText)
                .param("deadline", deadline).param("name", name).param("phone", phone).param("progress", progress)
                .param("source", source).param("by", by).param("at", Timestamp.from(at))
                .update();
    }

    /** A report waiting for its case, with who imported it. */
    record Pending(TownReport report, String by) {
    }

    /** The reports of these enterprises that no case has taken yet. */
    Map<Long, Pending> pending(Collection<Long> enterpriseIds) {
        Map<Long, Pending> out = new HashMap<>();
        if (enterpriseIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT enterprise_id, requirement, deadline_text, deadline, person_name, person_phone, progress, source, reported_by
                          FROM rectification_town_report WHERE enterprise_id = ANY(:ids) AND applied_at IS NULL
                        """)
                .param("ids", enterpriseIds.toArray(Long[]::new))
                .query(rs -> {
                    out.put(rs.getLong(1), new Pending(new TownReport(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                            rs.getString(9)));
                });
        return out;
    }

    /** Marks reports as taken by their cases (enterprise id → case id). */
    void applied(Map<Long, Long> casesByEnterprise, Instant at) {
        if (casesByEnterprise.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE rectification_town_report t SET applied_at = :at, case_id = a.case_id
                          FROM unnest(CAST(:enterprises AS bigint[]), CAST(:cases AS bigint[])) AS a(enterprise_id, case_id)
                         WHERE t.enterprise_id = a.enterprise_id
                        """)
                .param("enterprises", casesByEnterprise.keySet().toArray(Long[]::new))
                .param("cases", casesByEnterprise.values().toArray(Long[]::new))
                .param("at", Timestamp.from(at))
                .update();
    }
}
