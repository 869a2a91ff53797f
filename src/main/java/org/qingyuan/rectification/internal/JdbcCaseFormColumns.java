package org.qingyuan.rectification.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseFormColumns;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.Requirement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One query per chunk of enterprises: the case, the town's report and the current classification's category
 * and measure (read from the ledger's classification tables, which the ledger writes and this only reads), joined
 * by enterprise id. No per-row look-ups, so the export keeps its speed.
 */
@Component
class JdbcCaseFormColumns implements CaseFormColumns {

    private final JdbcClient jdbc;

    JdbcCaseFormColumns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Columns> of(Long[] enterpriseIds) {
        Map<Long, Columns> out = new HashMap<>();
        if (enterpriseIds.length == 0) {
            return out;
        }
        // the same few values repeat from row to row: make each text once
        Map<String, String> texts = new HashMap<>();
        jdbc.sql("""
                        SELECT e.id, c.measure, c.measure_name, c.requirements, c.deadline, c.state, c.closed_out_on, c.person_name,
                               c.person_phone, r.explanation ->> 'categoryLabel', coalesce(o.measure_label, r.measure_label),
                               t.requirement, t.deadline, t.deadline_text, t.person_name, t.person_phone, t.progress
                          FROM unnest(CAST(:ids AS bigint[])) AS e(id)
                          LEFT JOIN rectification_case c ON c.enterprise_id = e.id
                          LEFT JOIN enterprise_classification ec ON ec.enterprise_id = e.id
                          LEFT JOIN classification_record r ON r.id = ec.current_id
                          LEFT JOIN classification_override o ON o.id = ec.override_id
                          LEFT JOIN rectification_town_report t ON t.enterprise_id = e.id
                         WHERE c.id IS NOT NULL OR r.id IS NOT NULL OR t.enterprise_id IS NOT NULL
                        """)
                .param("ids", enterpriseIds)
                .query(rs -> {
                    long id = rs.getLong(1);
                    String category = rs.getString(10);
                    Columns columns;
                    if (rs.getString(2) != null) {
                        MeasureKind measure = MeasureKind.valueOf(rs.getString(2));
                        List<Requirement> requirements = Arrays.stream((String[]) rs.getArray(4).getArray())
                                .map(Requirement::valueOf).toList();
                        LocalDate deadline = rs.getObject(5, LocalDate.class);
                        String progress = CaseFormColumns.progressWords(measure, requirements, CaseState.valueOf(rs.getString(6)),
                                rs.getObject(7, LocalDate.class));
                        columns = new Columns(category, rs.getString(3), deadline == null ? null : deadline.toString(),
                                person(rs.getString(8), rs.getString(9)), texts.computeIfAbsent(progress, k -> k));
                    } else {
                        String measureLabel = rs.getString(11);
                        LocalDate townDeadline = rs.getObject(13, LocalDate.class);
                        columns = new Columns(category, measureLabel != null ? measureLabel : rs.getString(12),
                                townDeadline != null ? townDeadline.toString() : rs.getString(14),
                                person(rs.getString(15), rs.getString(16)), rs.getString(17));
                    }
                    out.put(id, columns);
                });
        return out;
    }

    private static String person(String name, String phone) {
        if (name == null) {
            return null;
        }
        return phone == null ? name : name + " " + phone;
    }
}
