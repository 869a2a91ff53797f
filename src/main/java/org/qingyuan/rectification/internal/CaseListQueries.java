package org.qingyuan.rectification.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.Scope;
import org.qingyuan.shared.Page;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.Board;
import org.qingyuan.rectification.CaseQuery;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.rectification.CaseLists;
import org.qingyuan.rectification.ItemRecord;
import org.qingyuan.rectification.RectificationCase;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read model of the case list and the battle board (挂图作战): set-based queries over {@code rectification_case},
 * always inside the caller's jurisdiction. Commands live in {@link CaseService}.
 */
@Service
class CaseListQueries implements CaseLists {

    /** An open case, in SQL (see {@link CaseState#open()}). */
    private static final String OPEN = CaseState.openSql("c.state");
    /** The prefix again as a range, so that a generic (cached) plan still reads rectification_case_board_idx. */
    private static final String HERE = "division_code LIKE :prefix || '%' AND division_code ~>=~ :prefix"
            + " AND division_code ~<~ (:prefix || ':')";
    private static final String HERE_C = HERE.replace("division_code", "c.division_code");

    private final CaseStore store;
    private final NamedParameterJdbcTemplate named;
    private final Divisions divisions;
    private final RectificationProperties properties;
    private final Clock clock;
    private final KeptBoards boards;

    CaseListQueries(CaseStore store, NamedParameterJdbcTemplate named, Divisions divisions, RectificationProperties properties,
                    Clock clock, KeptBoards boards) {
        this.boards = boards;
        this.store = store;
        this.named = named;
        this.divisions = divisions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<CaseSummary> search(CaseQuery q, Scope scope) {
        LocalDate today = today();
        MapSqlParameterSource p = new MapSqlParameterSource("prefix", prefix(q.division(), scope)).addValue("today", today);
        StringBuilder where = new StringBuilder("c.division_code LIKE :prefix || '%'" + store.gridCondition(scope, p));
        if (q.measure() != null) {
            where.append(" AND c.measure = :measure");
            p.addValue("measure", q.measure().name());
        }
        if (q.state() != null) {
            where.append(" AND c.state = :state");
            p.addValue("state", q.state().name());
        }
        if (Boolean.TRUE.equals(q.overdue())) {
            where.append(" AND c.deadline < :today AND " + OPEN);
        } else if (Boolean.FALSE.equals(q.overdue())) {
            where.append(" AND NOT (c.deadline IS NOT NULL AND c.deadline < :today AND " + OPEN + ")");
        }
        if (q.dueWithinDays() != null) {
            where.append(" AND c.deadline BETWEEN :today AND :until AND " + OPEN);
            p.addValue("until", today.plusDays(q.dueWithinDays()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND c.enterprise_name ILIKE '%' || :text || '%'");
            p.addValue("text", q.text().strip().replace("%", "").replace("_", ""));
        }
        long total = named.queryForObject("SELECT count(*) FROM rectification_case c WHERE " + where, p, Long.class);
        String order = q.dueWithinDays() != null || Boolean.TRUE.equals(q.overdue()) ? "c.deadline, c.id" : "c.id DESC";
        List<CaseSummary> items = summaries(where + " ORDER BY " + order + " LIMIT " + q.size() + " OFFSET "
                + (long) q.page() * q.size(), p, today);
        return new Page<>(items, q.page(), q.size(), total);
    }

    @Override
    @Transactional(readOnly = true)
    public Board board(String division, Scope scope) {
        return board(division, scope, boards);
    }

    /** The board of a division as the keeper keeps it (tests give their own). */
    Board board(String division, Scope scope, KeptBoards keeper) {
        LocalDate today = today();
        String prefix = prefix(division, scope);
        MapSqlParameterSource p = new MapSqlParameterSource("prefix", prefix).addValue("today", today)
                .addValue("monday", today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                .addValue("first", today.withDayOfMonth(1)).addValue("until", today.plusDays(properties.dueSoonDays()));
        String grid = store.gridCondition(scope, p);
        StringBuilder question = new StringBuilder(prefix).append('\n').append(grid);
        new java.util.TreeMap<>(p.getValues()).forEach((name, value) -> question.append('\n').append(name).append('=')
                .append(value instanceof Object[] array ? java.util.Arrays.deepToString(array) : String.valueOf(value)));
        String gridHere = grid.replace("c.enterprise_id", "enterprise_id");
        return keeper.board(question.toString(), new KeptBoards.Reads() {
            @Override
            public KeptBoards.Counted count() {
                return counted(COUNT.formatted(HERE + gridHere), p);
            }

            @Override
            public KeptBoards.Counted since(String snapshot) {
                return counted(CHANGE.formatted(HERE + gridHere), new MapSqlParameterSource(p.getValues()).addValue("since", snapshot));
            }

            @Override
            public Board board(BoardTally tally) {
                String open = " AND " + OPEN;
                List<CaseSummary> overdue = first20(prefix, grid + " AND c.deadline < :today" + open, p, today);
                List<CaseSummary> dueSoon = first20(prefix, grid + " AND c.deadline BETWEEN :today AND :until" + open, p, today);
                return tally.board(prefix, overdue, dueSoon,
                        town -> divisions.find(DivisionCode.of(town)).map(d -> d.name()).orElse(town));
            }
        });
    }

    /** The statement's snapshot and whether its transaction writes, then the board's figures by town, measure and state. */
    private static final String COUNTED = """
            SELECT s.snapshot, s.writing, %s, %s, g.town, g.measure, g.state, g.cases, g.overdue, g.week, g.month
              FROM (SELECT pg_current_snapshot()::text AS snapshot, pg_current_xact_id_if_assigned() IS NOT NULL AS writing) s
              LEFT JOIN (%s) g ON true
            """;
    /** Every count of the board in one pass over the division's cases (rectification_case_board_idx, index only). */
    private static final String COUNT = COUNTED.formatted("1", "false", """
            SELECT left(division_code, 9) AS town, measure, state, count(*) AS cases,
                   count(*) FILTER (WHERE deadline < :today) AS overdue, count(*) FILTER (WHERE closed_out_on >= :monday) AS week,
                   count(*) FILTER (WHERE closed_out_on >= :first) AS month
              FROM rectification_case WHERE %s GROUP BY 1, 2, 3""");
    /** The same figures as changed by the transactions the snapshot :since did not see (V53's rows: -1 as was, +1 as is). */
    private static final String CHANGE = "WITH d AS (SELECT * FROM rectification_case_change"
            + " WHERE xid >= pg_snapshot_xmin(CAST(:since AS pg_snapshot)) AND NOT pg_visible_in_snapshot(xid, CAST(:since AS pg_snapshot)))\n"
            + COUNTED.formatted("(SELECT count(*) FROM d)", "EXISTS (SELECT 1 FROM d WHERE sign = 0)", """
            SELECT left(division_code, 9) AS town, measure, state, sum(sign) AS cases,
                   coalesce(sum(sign) FILTER (WHERE deadline < :today), 0) AS overdue,
                   coalesce(sum(sign) FILTER (WHERE closed_out_on >= :monday), 0) AS week,
                   coalesce(sum(sign) FILTER (WHERE closed_out_on >= :first), 0) AS month
              FROM d WHERE sign <> 0 AND %s GROUP BY 1, 2, 3""");

    private KeptBoards.Counted counted(String sql, MapSqlParameterSource p) {
        return named.query(sql, p, rs -> {
            BoardTally tally = BoardTally.empty();
            String snapshot = null;
            boolean writing = false;
            long changes = 0;
            boolean recount = false;
            while (rs.next()) {
                snapshot = rs.getString(1);
                writing = rs.getBoolean(2);
                changes = rs.getLong(3);
                recount = rs.getBoolean(4);
                if (rs.getString(5) != null) {
                    tally.add(rs.getString(5), MeasureKind.valueOf(rs.getString(6)), CaseState.valueOf(rs.getString(7)),
                            rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11));
                }
            }
            return new KeptBoards.Counted(snapshot, writing, changes, recount, tally);
        });
    }

    /**
     * The 20 open cases of the division meeting the condition ({@code " AND ..."}) with the nearest deadlines, then those
     * 20 loaded. A district's or a town's walks its own deadline index in order (V52) and stops after 20: its division is
     * named by that index's expression alone, since with the prefix's range as well the planner may rather combine both
     * indexes and sort all the division's overdue cases (100 ms for 8,400 of a district's). A village's reads its few
     * cases (materialized, so that the planner cannot walk the province's deadlines in order instead) and sorts them.
     */
    private List<CaseSummary> first20(String prefix, String condition, MapSqlParameterSource p, LocalDate today) {
        List<Long> ids = prefix.length() == 6 || prefix.length() == 9
                ? named.queryForList("SELECT c.id FROM rectification_case c WHERE left(c.division_code, " + prefix.length()
                        + ") = :prefix" + condition + " ORDER BY c.deadline, c.id LIMIT 20", p, Long.class)
                : named.queryForList("WITH here AS MATERIALIZED (SELECT c.id, c.deadline FROM rectification_case c WHERE "
                        + HERE_C + condition + ") SELECT id FROM here ORDER BY deadline, id LIMIT 20", p, Long.class);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, CaseSummary> loaded = new java.util.HashMap<>();
        summaries("c.id = ANY(:first20)", new MapSqlParameterSource("first20", ids.toArray(Long[]::new)), today)
                .forEach(s -> loaded.put(s.id(), s));
        return ids.stream().map(loaded::get).filter(java.util.Objects::nonNull).toList();
    }

    private List<CaseSummary> summaries(String where, MapSqlParameterSource p, LocalDate today) {
        return store.load(where, p).stream().map(r -> summary(r, today)).toList();
    }

    static CaseSummary summary(CaseStore.Row r, LocalDate today) {
        RectificationCase c = r.rectificationCase();
        int done = c.requirements().size() - c.missingItems().size();
        int review = (int) c.items().values().stream().filter(ItemRecord::awaitingReview).count();
        return new CaseSummary(c.id(), c.enterpriseId(), r.enterpriseName(), c.divisionCode(), c.measure(), c.measureName(),
                c.state(), c.progressLabel(), c.deadline(), c.overdue(today), done, c.requirements().size(), review,
                c.responsible().personName(), c.responsible().personPhone(), c.closedOutOn(), c.version());
    }

    private String prefix(String division, Scope scope) {
        if (division == null || division.isBlank()) {
            return scope.prefix();
        }
        DivisionCode code = InvalidInputException.divisionCode("division", division.strip());
        if (!scope.covers(code)) {
            throw new NotFoundException("该区划不在您的辖区内");
        }
        return code.prefix();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(EvidenceCheck.CHINA));
    }
}
