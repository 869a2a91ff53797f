package org.qingyuan.rectification.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.ledger.AppliedMeasures;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseFormColumns;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.Requirement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Set-based, per chunk of enterprises (never per row): one query for the cases; one for what towns reported, for the
 * enterprises without a case; one, for the enterprises with neither (or for every one when the form prints the
 * category), for the current classification's measure and category (asked of the ledger's {@link AppliedMeasures}).
 * No per-row look-ups, so the export keeps its speed.
 */
@Component
class JdbcCaseFormColumns implements CaseFormColumns {

    private static final String CASES = """
            SELECT enterprise_id, measure, measure_name, requirements::text, deadline, state, closed_out_on, person_name, person_phone
              FROM rectification_case WHERE enterprise_id = ANY(:ids)
            """;
    private static final String REPORTS = """
            SELECT enterprise_id, requirement, deadline, deadline_text, person_name, person_phone, progress
              FROM rectification_town_report WHERE enterprise_id = ANY(:ids)
            """;
    private final JdbcClient jdbc;
    /** The requirements as stored ({CUT_WATER,CUT_POWER}) → the list, parsed once per distinct value. */
    private final Map<String, List<Requirement>> requirementLists = new java.util.concurrent.ConcurrentHashMap<>();

    private final AppliedMeasures applied;

    JdbcCaseFormColumns(JdbcClient jdbc, AppliedMeasures applied) {
        this.jdbc = jdbc;
        this.applied = applied;
    }

    @Override
    public Map<Long, Columns> of(Long[] enterpriseIds, boolean withCategory) {
        Map<Long, Columns> out = new HashMap<>();
        if (enterpriseIds.length == 0) {
            return out;
        }
        // the same few values repeat from row to row: make each text once
        Map<String, String> texts = new HashMap<>();
        Map<LocalDate, String> dates = new HashMap<>();
        jdbc.sql(CASES).param("ids", enterpriseIds).query(rs -> {
            long id = rs.getLong(1);
            {
                MeasureKind measure = MeasureKind.valueOf(rs.getString(2));
                List<Requirement> requirements = requirementLists.computeIfAbsent(rs.getString(4), JdbcCaseFormColumns::requirements);
                LocalDate deadline = rs.getObject(5, LocalDate.class);
                LocalDate closedOut = rs.getObject(7, LocalDate.class);
                CaseState state = CaseState.valueOf(rs.getString(6));
                String progress = texts.computeIfAbsent(measure + "|" + requirements + "|" + state + "|" + closedOut,
                        k -> CaseFormColumns.progressWords(measure, requirements, state, closedOut));
                out.put(id, new Columns(null, rs.getString(3), deadline == null ? null : dates.computeIfAbsent(deadline, LocalDate::toString),
                        person(rs.getString(8), rs.getString(9)), progress));
            }
        });
        // what towns reported, for the enterprises without a case
        Long[] uncased = out.isEmpty() ? enterpriseIds : Arrays.stream(enterpriseIds).filter(id -> !out.containsKey(id)).toArray(Long[]::new);
        if (uncased.length > 0) {
            jdbc.sql(REPORTS).param("ids", uncased).query(rs -> {
                LocalDate townDeadline = rs.getObject(3, LocalDate.class);
                out.put(rs.getLong(1), new Columns(null, rs.getString(2),
                        townDeadline != null ? dates.computeIfAbsent(townDeadline, LocalDate::toString) : rs.getString(4),
                        person(rs.getString(5), rs.getString(6)), rs.getString(7)));
            });
        }
        Long[] rest = withCategory ? enterpriseIds : Arrays.stream(enterpriseIds).filter(id -> !out.containsKey(id)).toArray(Long[]::new);
        if (rest.length > 0) {
            applied.of(rest, withCategory).forEach((id, a) -> {
                Columns known = out.get(id);
                out.put(id, known == null ? new Columns(a.categoryLabel(), a.measureLabel(), null, null, null)
                        : new Columns(a.categoryLabel(), known.requirement() != null ? known.requirement() : a.measureLabel(),
                        known.deadline(), known.responsible(), known.progress()));
            });
        }
        return out;
    }

    /** {CUT_WATER,CUT_POWER} → the requirements. */
    private static List<Requirement> requirements(String array) {
        String inner = array.substring(1, array.length() - 1);
        List<Requirement> out = new ArrayList<>();
        if (!inner.isEmpty()) {
            for (String r : inner.split(",")) {
                out.add(Requirement.valueOf(r));
            }
        }
        return List.copyOf(out);
    }

    private static String person(String name, String phone) {
        if (name == null) {
            return null;
        }
        return phone == null ? name : name + " " + phone;
    }
}
