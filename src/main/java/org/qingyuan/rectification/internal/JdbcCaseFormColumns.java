package org.qingyuan.rectification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * No per-row look-ups, so the export keeps its speed. As of an instant, the same three from the history: the cases'
 * states from their timelines, the reports received by then, the classification of then.
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
    /**
     * The cases opened by :at with their state then (the rule of {@code rectification_case_as_of}: the state after the
     * last step by then, read here per case through {@code rectification_step_as_of_idx}: the function's optional
     * enterprise cannot use an index when it comes from the outer row, which cost a second per thousand enterprises)
     * and, when closed out then, the day (China time) of the last close-out by then; the other columns as they are now.
     */
    private static final String CASES_AS_OF = """
            SELECT c.enterprise_id, c.measure, c.measure_name, c.requirements::text, c.deadline, a.state,
                   CASE WHEN a.state = 'CLOSED_OUT' THEN
                       (SELECT (max(s.at) AT TIME ZONE 'Asia/Shanghai')::date FROM rectification_step s
                         WHERE s.case_id = c.id AND s.kind = 'CLOSED_OUT' AND s.at <= :at) END,
                   c.person_name, c.person_phone
              FROM rectification_case c
             CROSS JOIN LATERAL (SELECT s.state FROM rectification_step s WHERE s.case_id = c.id AND s.at <= :at
                                  ORDER BY s.id DESC LIMIT 1) a
             WHERE c.enterprise_id = ANY(:ids)
            """;
    /** The town reports received by :at (a report replaced since is not kept: the later one is not shown either). */
    private static final String REPORTS_AS_OF = REPORTS + " AND received_at <= :at";
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
        return columns(enterpriseIds, withCategory, null);
    }

    @Override
    public Map<Long, Columns> of(Long[] enterpriseIds, boolean withCategory, Instant asOf) {
        return columns(enterpriseIds, withCategory, asOf);
    }

    /** The columns now ({@code asOf} null) or as of an instant. */
    private Map<Long, Columns> columns(Long[] enterpriseIds, boolean withCategory, Instant asOf) {
        Map<Long, Columns> out = new HashMap<>();
        OffsetDateTime at = asOf == null ? null : OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC);
        if (enterpriseIds.length == 0) {
            return out;
        }
        // the same few values repeat from row to row: make each text once
        Map<String, String> texts = new HashMap<>();
        Map<LocalDate, String> dates = new HashMap<>();
        cases(at).param("ids", enterpriseIds).query(rs -> {
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
            reports(at).param("ids", uncased).query(rs -> {
                LocalDate townDeadline = rs.getObject(3, LocalDate.class);
                out.put(rs.getLong(1), new Columns(null, rs.getString(2),
                        townDeadline != null ? dates.computeIfAbsent(townDeadline, LocalDate::toString) : rs.getString(4),
                        person(rs.getString(5), rs.getString(6)), rs.getString(7)));
            });
        }
        Long[] rest = withCategory ? enterpriseIds : Arrays.stream(enterpriseIds).filter(id -> !out.containsKey(id)).toArray(Long[]::new);
        if (rest.length > 0) {
            (asOf == null ? applied.of(rest, withCategory) : applied.of(rest, withCategory, asOf)).forEach((id, a) -> {
                Columns known = out.get(id);
                out.put(id, known == null ? new Columns(a.categoryLabel(), a.measureLabel(), null, null, null)
                        : new Columns(a.categoryLabel(), known.requirement() != null ? known.requirement() : a.measureLabel(),
                        known.deadline(), known.responsible(), known.progress()));
            });
        }
        return out;
    }

    private JdbcClient.StatementSpec cases(OffsetDateTime at) {
        return at == null ? jdbc.sql(CASES) : jdbc.sql(CASES_AS_OF).param("at", at);
    }

    private JdbcClient.StatementSpec reports(OffsetDateTime at) {
        return at == null ? jdbc.sql(REPORTS) : jdbc.sql(REPORTS_AS_OF).param("at", at);
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
