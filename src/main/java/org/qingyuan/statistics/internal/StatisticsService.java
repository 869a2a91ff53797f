package org.qingyuan.statistics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.Page;
import org.qingyuan.statistics.CountedEnterprise;
import org.qingyuan.statistics.Dimension;
import org.qingyuan.statistics.Figure;
import org.qingyuan.statistics.LedgerStatistics;
import org.qingyuan.statistics.PeriodState;
import org.qingyuan.statistics.Periodicity;
import org.qingyuan.statistics.Tally;
import org.qingyuan.statistics.TallyRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statistics in one SQL statement each over the modules' as-of read models: the ledger as of the date
 * ({@code ledger_enterprise_as_of}), then enterprise by enterprise its case's last step by then
 * ({@code rectification_case_of}) and the case's close-outs and reopenings in the period
 * ({@code rectification_case_events}). Every join is an index lookup per enterprise of the division, so a district's
 * tally costs the same in a province of 500,000 enterprises as alone (issue 22 §1), and no estimate can turn it into
 * a loop over the whole province: these statements need no {@link org.qingyuan.shared.HashJoins}.
 */
@Service
@Transactional(readOnly = true)
class StatisticsService implements LedgerStatistics {

    /** The enterprises in the ledger at the date with their case then and the period's events, for {@code WHERE}s. */
    private static final String FROM = """
              FROM ledger_enterprise_as_of(:at, :prefix) e
              LEFT JOIN LATERAL rectification_case_of(:at, e.enterprise_id) c ON true
              LEFT JOIN LATERAL rectification_case_events(c.case_id, :periodStart, :at) v ON true
             WHERE e.active
            """;

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final Ledger ledger;
    private final Clock clock;
    private final TallyCache cache;
    private final TransactionTemplate readOnly;

    StatisticsService(JdbcClient jdbc, Divisions divisions, Ledger ledger, Clock clock, TallyCache cache,
                      PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.ledger = ledger;
        this.clock = clock;
        this.cache = cache;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    // not in a transaction: askers waiting for a tally being computed hold no connection meanwhile
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Tally tally(Scope scope, DivisionCode division, Dimension by, LocalDate asOf, LocalDate from) {
        return tally(scope, division, by, AsOf.of(asOf, from, clock));
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Tally tallyAt(Scope scope, DivisionCode division, Dimension by, java.time.Instant at, LocalDate from) {
        return tally(scope, division, by, AsOf.at(at, from, clock));
    }

    private Tally tally(Scope scope, DivisionCode division, Dimension by, AsOf when) {
        DivisionCode where = within(scope, division);
        TallyCache.Key key = new TallyCache.Key(where.value(), by.name(), when.at().toString(), when.from().toString());
        if (where.prefix().length() < SHARES_FROM_PREFIX) {
            return cache.get(key, () -> readOnly.execute(status -> compute(where, by, when)));
        }
        return cache.get(key, new TallyCache.Counting() {
            @Override
            public TallyCache.Counted all() {
                return readOnly.execute(status -> counted(where, by, when,
                        new Shares(shares(jdbc.sql(sharesSql(by, FROM)), where, when))));
            }

            @Override
            public TallyCache.Counted again(TallyCache.Counted before, long[] touched) {
                return readOnly.execute(status -> counted(where, by, when, before.shares().replacing(touched,
                        shares(jdbc.sql(sharesSql(by, RECOUNT)).param("ids", java.util.Arrays.stream(touched).boxed().toArray(Long[]::new)),
                                where, when))));
            }
        });
    }

    /** Divisions whose code is at least this long (a district, a town, a village) keep each enterprise's share. */
    static final int SHARES_FROM_PREFIX = 6;

    /** The enterprises asked about ({@code :ids}) as they were at the date, those in the division's ledger then. */
    private static final String RECOUNT = """
              FROM unnest(CAST(:ids AS bigint[])) AS t(id)
             CROSS JOIN LATERAL ledger_enterprise_as_of(:at, :prefix, t.id) e
              LEFT JOIN LATERAL rectification_case_of(:at, e.enterprise_id) c ON true
              LEFT JOIN LATERAL rectification_case_events(c.case_id, :periodStart, :at) v ON true
             WHERE e.active
            """;

    /** Each enterprise's group and figures over the given FROM (the tally's, or the recount's). */
    static String sharesSql(Dimension by, String from) {
        StringBuilder sql = new StringBuilder("SELECT e.enterprise_id, ").append(Groups.keySql(by)).append(" AS key, ")
                .append(by == Dimension.CATEGORY ? "e.category_label" : "CAST(NULL AS text)").append(" AS category_label");
        for (Figure f : Shares.FIGURES) {
            sql.append(", coalesce((").append(conditionSql(f)).append("), false)");
        }
        return sql.append(from).toString();
    }

    /** Each enterprise's share, by its id. */
    private static Map<Long, Shares.Share> shares(JdbcClient.StatementSpec spec, DivisionCode where, AsOf when) {
        Map<Long, Shares.Share> shares = new java.util.HashMap<>();
        Map<String, String> keys = new java.util.HashMap<>();   // one String per group, not one per enterprise
        params(spec, where, when).query(rs -> {
            int figures = 0;
            for (int i = 0; i < Shares.FIGURES.length; i++) {
                if (rs.getBoolean(4 + i)) {
                    figures |= 1 << i;
                }
            }
            String key = keys.computeIfAbsent(rs.getString(2), k -> k);
            shares.put(rs.getLong(1), new Shares.Share(key, rs.getString(3), figures));
        });
        return shares;
    }

    private TallyCache.Counted counted(DivisionCode where, Dimension by, AsOf when, Shares shares) {
        return new TallyCache.Counted(assemble(where, by, when, new LinkedHashMap<>(shares.rows())), shares);
    }

    /** The tally in one grouped statement, never kept (the reference the kept and recounted tallies must equal). */
    Tally counted(DivisionCode where, Dimension by, LocalDate asOf, LocalDate from) {
        return readOnly.execute(status -> compute(where, by, AsOf.of(asOf, from, clock)));
    }

    private Tally compute(DivisionCode where, Dimension by, AsOf when) {
        Map<String, TallyRow> counted = new LinkedHashMap<>();
        params(jdbc.sql(tallySql(by)), where, when).query((rs, i) -> new TallyRow(rs.getString("key"),
                        rs.getString("category_label"), rs.getInt("total"), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                        rs.getInt(7), rs.getInt(8), rs.getInt(9)))
                .list().forEach(r -> counted.put(r.key(), r));
        return assemble(where, by, when, counted);
    }

    /** The tally from the counted groups: the listed groups in their order (empty ones too), then the others. */
    private Tally assemble(DivisionCode where, Dimension by, AsOf when, Map<String, TallyRow> counted) {
        List<TallyRow> rows = new ArrayList<>();
        Groups.listed(by, where, divisions).forEach((key, label) -> {
            TallyRow r = counted.remove(key);
            rows.add(r == null ? empty(key, label) : relabel(r, label));
        });
        counted.values().stream()
                .sorted((a, b) -> by == Dimension.CATEGORY && a.total() != b.total() ? Integer.compare(b.total(), a.total())
                        : a.key().compareTo(b.key()))
                .forEach(r -> rows.add(relabel(r, Groups.label(by, r.key(), r.label(), divisions))));
        String name = divisions.find(where).map(Division::name).orElse(where.value());
        return new Tally(where, name, when.date(), when.from(), by, sum(rows), List.copyOf(rows));
    }

    @Override
    public Page<CountedEnterprise> enterprises(Scope scope, DivisionCode division, Dimension by, String key, Figure figure,
                                               LocalDate asOf, LocalDate from, int page, int size) {
        DivisionCode where = within(scope, division);
        AsOf when = AsOf.of(asOf, from, clock);
        boolean all = key == null || key.isBlank() || "TOTAL".equals(key);
        String filter = (all ? "" : " AND " + Groups.keySql(by) + " = :key")
                + (figure == Figure.TOTAL ? "" : " AND " + conditionSql(figure));
        long total = params(jdbc.sql("SELECT count(*) " + FROM + filter), where, when).param("key", key)
                .query(Long.class).single();
        List<CountedEnterprise> items = params(jdbc.sql("""
                        SELECT e.enterprise_id, e.name, e.division_code, e.enterprise_type, e.category, e.category_label,
                               e.measure, c.state, coalesce(c.overdue AND %s, false) AS overdue
                        """.formatted(CaseState.openSql("c.state")) + FROM + filter
                        + " ORDER BY e.division_code, e.name, e.enterprise_id LIMIT :size OFFSET :offset"), where, when)
                .param("key", key).param("size", size).param("offset", (long) page * size)
                .query((rs, i) -> new CountedEnterprise(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Groups.label(Dimension.VILLAGE, rs.getString(3), null, divisions),
                        EnterpriseType.valueOf(rs.getString(4)).label(),
                        rs.getString(5) == null ? null : rs.getString(6) != null ? rs.getString(6) : rs.getString(5),
                        rs.getString(7) == null ? null : MeasureKind.valueOf(rs.getString(7)).label(),
                        rs.getString(8) == null ? null : CaseState.valueOf(rs.getString(8)).label(), rs.getBoolean(9)))
                .list();
        return new Page<>(items, page, size, total);
    }

    @Override
    public List<PeriodState> strip(Scope scope, long enterpriseId, Periodicity every, int count) {
        ledger.get(EnterpriseId.of(enterpriseId), scope);
        List<LocalDate> ends = every.ends(LocalDate.now(clock.withZone(AsOf.CHINA)), count);
        String[] instants = ends.stream().map(d -> AsOf.of(d, d, clock).end().toInstant().toString()).toArray(String[]::new);
        List<PeriodState> strip = new ArrayList<>();
        jdbc.sql("""
                        SELECT t.n, e.enterprise_id IS NOT NULL AS registered, coalesce(e.active, false) AS active, e.division_code,
                               e.enterprise_type, e.category, e.category_label, e.measure, c.state, coalesce(c.overdue AND %s, false)
                          FROM unnest(CAST(CAST(:ends AS text[]) AS timestamptz[])) WITH ORDINALITY AS t(at, n)
                          LEFT JOIN LATERAL ledger_enterprise_as_of(t.at, '', :id) e ON true
                          LEFT JOIN LATERAL rectification_case_as_of(t.at, :id) c ON true
                         ORDER BY t.n
                        """.formatted(CaseState.openSql("c.state")))
                .param("ends", instants).param("id", enterpriseId)
                .query((rs, i) -> {
                    LocalDate end = ends.get(rs.getInt(1) - 1);
                    String state = rs.getString(9);
                    return strip.add(new PeriodState(every.key(end), every.label(end), end, rs.getBoolean(2), rs.getBoolean(3),
                            rs.getString(4), rs.getString(5) == null ? null : EnterpriseType.valueOf(rs.getString(5)).label(),
                            rs.getString(6) == null ? null : rs.getString(7) != null ? rs.getString(7) : rs.getString(6),
                            rs.getString(8) == null ? null : MeasureKind.valueOf(rs.getString(8)).label(),
                            state == null ? null : CaseState.valueOf(state).label(), state, rs.getBoolean(10)));
                }).list();
        return strip;
    }

    /** The one statement of a tally (parameters: at, prefix, periodStart, fromDate, asOfDate). */
    static String tallySql(Dimension by) {
        // the label only where it names the group: elsewhere the classification is read from its index alone
        return "SELECT " + Groups.keySql(by) + " AS key, "
                + (by == Dimension.CATEGORY ? "max(e.category_label)" : "CAST(NULL AS text)") + " AS category_label, count(*) AS total, "
                + String.join(", ", countSql(Figure.FOUND), countSql(Figure.TO_RECTIFY), countSql(Figure.CLOSED_OUT),
                countSql(Figure.CLOSED_OUT_IN_PERIOD), countSql(Figure.REOPENED), countSql(Figure.OVERDUE))
                + FROM + " GROUP BY 1";
    }

    /** The condition an enterprise meets to count in a figure (the total counts every enterprise in the ledger). */
    static String conditionSql(Figure figure) {
        return switch (figure) {
            case TOTAL -> "true";
            case FOUND -> "e.reported_on BETWEEN :fromDate AND :asOfDate";
            case TO_RECTIFY -> "c.state IS NOT NULL AND c.state <> '" + CaseState.WITHDRAWN.name() + "'";
            case CLOSED_OUT -> "c.state = '" + CaseState.CLOSED_OUT.name() + "'";
            case CLOSED_OUT_IN_PERIOD -> "coalesce(v.closed_out, false)";
            case REOPENED -> "coalesce(v.reopened, false)";
            case OVERDUE -> "c.overdue AND " + CaseState.openSql("c.state");
        };
    }

    private static String countSql(Figure figure) {
        return "count(*) FILTER (WHERE " + conditionSql(figure) + ")";
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, DivisionCode where, AsOf when) {
        return spec.param("at", when.end()).param("prefix", where.prefix()).param("periodStart", when.periodStart())
                .param("fromDate", when.from()).param("asOfDate", when.date());
    }

    private DivisionCode within(Scope scope, DivisionCode division) {
        if (division == null) {
            return scope.division();
        }
        if (!scope.covers(division) || divisions.find(division).isEmpty()) {
            throw new NotFoundException("该区划不在您的辖区内");
        }
        return division;
    }

    private static TallyRow empty(String key, String label) {
        return new TallyRow(key, label, 0, 0, 0, 0, 0, 0, 0);
    }

    private static TallyRow relabel(TallyRow r, String label) {
        return new TallyRow(r.key(), label, r.total(), r.found(), r.toRectify(), r.closedOut(), r.closedOutInPeriod(),
                r.reopened(), r.overdue());
    }

    private static TallyRow sum(List<TallyRow> rows) {
        TallyRow t = empty("TOTAL", "合计");
        for (TallyRow r : rows) {
            t = new TallyRow("TOTAL", "合计", t.total() + r.total(), t.found() + r.found(), t.toRectify() + r.toRectify(),
                    t.closedOut() + r.closedOut(), t.closedOutInPeriod() + r.closedOutInPeriod(), t.reopened() + r.reopened(),
                    t.overdue() + r.overdue());
        }
        return t;
    }
}
