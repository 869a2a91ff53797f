package org.qingyuan.patrol.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.qingyuan.access.Scope;
import org.qingyuan.grid.Grid;
import org.qingyuan.grid.GridAssignment;
import org.qingyuan.grid.Grids;
import org.qingyuan.patrol.Coverage;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.HashJoins;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage in three statements: the ledger's enterprises at the period's end ({@code ledger_enterprise_as_of}), the
 * enterprises a check-in of the period reached within the geofence, and the period's patrols by kind and place; then
 * grouped by grid (the grid module's assignments), village or town.
 */
@Service
class JdbcCoverage implements Coverage {

    private static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Grids grids;
    private final Divisions divisions;
    private final PatrolProperties properties;
    private final Clock clock;

    JdbcCoverage(JdbcClient jdbc, DataSource dataSource, Grids grids, Divisions divisions, PatrolProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.grids = grids;
        this.divisions = divisions;
        this.properties = properties;
        this.clock = clock;
    }

    private record Site(long id, String name, String division) {
    }

    private record Period(LocalDate from, LocalDate to, OffsetDateTime start, OffsetDateTime end) {
    }

    @Override
    @Transactional(readOnly = true)
    public Table table(Scope scope, DivisionCode division, By by, LocalDate from, LocalDate to) {
        DivisionCode where = within(scope, division);
        Period p = period(from, to);
        List<Site> sites = sites(where, p, scope);
        Set<Long> visited = visited(sites, p);
        Map<Long, GridAssignment> assigned = by == By.GRID ? grids.ofEnterprises(sites.stream().map(Site::id).toList()) : Map.of();
        Map<String, int[]> counts = new LinkedHashMap<>();   // key → enterprises, visited, day patrols, night patrols
        Map<String, String> labels = new LinkedHashMap<>();
        seed(by, where, scope, counts, labels);
        for (Site s : sites) {
            String key = key(by, s, assigned);
            int[] c = counts.computeIfAbsent(key, k -> new int[4]);
            c[0]++;
            if (visited.contains(s.id())) {
                c[1]++;
            }
            if (key.equals("NONE")) {
                labels.putIfAbsent(key, "未划入网格");
            }
        }
        int[] night = {0};
        jdbc.sql("""
                        SELECT kind, division_code, grid_id, count(*) FROM patrol
                         WHERE started_at >= :start AND started_at < :end AND division_code LIKE :prefix || '%'
                         GROUP BY 1, 2, 3
                        """).param("start", p.start()).param("end", p.end()).param("prefix", where.prefix())
                .query((rs, i) -> {
                    String kind = rs.getString(1);
                    String d = rs.getString(2);
                    long grid = rs.getLong(3);
                    int n = rs.getInt(4);
                    String key = switch (by) {
                        case GRID -> rs.wasNull() ? null : Long.toString(grid);
                        case VILLAGE -> d.length() >= 12 ? d.substring(0, 12) : null;
                        case TOWN -> d.length() >= 9 ? d.substring(0, 9) : null;
                    };
                    if (kind.equals("NIGHT")) {
                        night[0] += n;
                    }
                    if (key != null && counts.containsKey(key)) {
                        counts.get(key)[kind.equals("DAY") ? 2 : 3] += n;
                    }
                    return null;
                }).list();
        List<Row> rows = new ArrayList<>();
        int[] t = new int[4];
        counts.forEach((key, c) -> {
            rows.add(new Row(key, labels.getOrDefault(key, key), c[0], c[1], c[2], by == By.TOWN ? c[3] : null));
            for (int i = 0; i < 3; i++) {
                t[i] += c[i];
            }
        });
        Row total = new Row("TOTAL", "合计", t[0], t[1], dayTotal(rows, where, p), night[0]);
        return new Table(where, divisions.find(where).map(Division::name).orElse(where.value()), p.from(), p.to(), by,
                properties.maxCheckInDistanceM(), total, List.copyOf(rows));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Unvisited> unvisited(Scope scope, DivisionCode division, By by, String key, LocalDate from, LocalDate to) {
        DivisionCode where = within(scope, division);
        Period p = period(from, to);
        List<Site> sites = sites(where, p, scope);
        Set<Long> visited = visited(sites, p);
        Map<Long, GridAssignment> assigned = grids.ofEnterprises(sites.stream().map(Site::id).toList());
        return sites.stream().filter(s -> !visited.contains(s.id()))
                .filter(s -> key == null || key.isBlank() || key.equals("TOTAL") || key(by, s, assigned).equals(key))
                .sorted(Comparator.comparing(Site::division).thenComparing(Site::name))
                .map(s -> new Unvisited(s.id(), s.name(), s.division(),
                        assigned.containsKey(s.id()) ? assigned.get(s.id()).gridLabel() : null))
                .toList();
    }

    /** The ledger's enterprises in the division at the period's end (in the scope's grids, for a grid member). */
    private List<Site> sites(DivisionCode where, Period p, Scope scope) {
        List<Site> all = HashJoins.run(dataSource, () -> jdbc.sql("""
                        SELECT enterprise_id, name, division_code FROM ledger_enterprise_as_of(:at, :prefix) WHERE active
                        """).param("at", p.end()).param("prefix", where.prefix())
                .query((rs, i) -> new Site(rs.getLong(1), rs.getString(2), rs.getString(3))).list());
        if (scope.grids() == null) {
            return all;
        }
        Map<Long, GridAssignment> assigned = grids.ofEnterprises(all.stream().map(Site::id).toList());
        return all.stream().filter(s -> assigned.containsKey(s.id()) && scope.grids().contains(assigned.get(s.id()).gridId())).toList();
    }

    /** The enterprises a check-in of the period reached within the geofence: one index probe each, stopping at the first. */
    private Set<Long> visited(List<Site> sites, Period p) {
        if (sites.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT e.id FROM unnest(CAST(:ids AS bigint[])) AS e(id)
                         WHERE EXISTS (SELECT 1 FROM patrol_check_in c
                                        WHERE c.enterprise_id = e.id AND c.checked_at >= :start AND c.checked_at < :end
                                          AND c.distance_m <= :max)
                        """).param("ids", sites.stream().map(Site::id).toArray(Long[]::new)).param("start", p.start())
                .param("end", p.end()).param("max", properties.maxCheckInDistanceM()).query(Long.class).list());
    }

    private int dayTotal(List<Row> rows, DivisionCode where, Period p) {
        return jdbc.sql("""
                        SELECT count(*) FROM patrol WHERE kind = 'DAY' AND started_at >= :start AND started_at < :end
                           AND division_code LIKE :prefix || '%'
                        """).param("start", p.start()).param("end", p.end()).param("prefix", where.prefix()).query(Integer.class).single();
    }

    /** Every grid, village or town of the division gets a row, visited or not. */
    private void seed(By by, DivisionCode where, Scope scope, Map<String, int[]> counts, Map<String, String> labels) {
        switch (by) {
            case GRID -> grids.list(where.value(), scope).stream()
                    .filter((Grid g) -> scope.grids() == null || scope.grids().contains(g.id()))
                    .forEach(g -> {
                        counts.put(Long.toString(g.id()), new int[4]);
                        labels.put(Long.toString(g.id()), g.label());
                    });
            case VILLAGE -> villages(where).forEach(v -> {
                counts.put(v.code().value(), new int[4]);
                labels.put(v.code().value(), v.name());
            });
            case TOWN -> towns(where).forEach(t -> {
                counts.put(t.code().value(), new int[4]);
                labels.put(t.code().value(), t.name());
            });
        }
    }

    private List<Division> towns(DivisionCode where) {
        Division d = divisions.find(where).orElseThrow();
        if (d.level() == DivisionLevel.TOWN) {
            return List.of(d);
        }
        return d.level().ordinal() < DivisionLevel.TOWN.ordinal() ? divisions.children(where).stream()
                .filter(c -> c.level() == DivisionLevel.TOWN).toList() : List.of();
    }

    private List<Division> villages(DivisionCode where) {
        Division d = divisions.find(where).orElseThrow();
        if (d.level() == DivisionLevel.VILLAGE) {
            return List.of(d);
        }
        List<Division> out = new ArrayList<>();
        for (Division town : towns(where)) {
            out.addAll(divisions.children(town.code()));
        }
        return out;
    }

    private static String key(By by, Site s, Map<Long, GridAssignment> assigned) {
        return switch (by) {
            case GRID -> assigned.containsKey(s.id()) ? Long.toString(assigned.get(s.id()).gridId()) : "NONE";
            case VILLAGE -> s.division();
            case TOWN -> s.division().substring(0, 9);
        };
    }

    private DivisionCode within(Scope scope, DivisionCode division) {
        DivisionCode where = division == null ? scope.division() : division;
        if (!scope.covers(where) || divisions.find(where).isEmpty()) {
            throw new NotFoundException("该区划不在您的辖区内");
        }
        return where;
    }

    private Period period(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(Revisits.CHINA));
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        List<FieldError> errors = new ArrayList<>();
        if (start.isAfter(end)) {
            errors.add(new FieldError("from", "开始日期不能晚于结束日期"));
        } else if (end.toEpochDay() - start.toEpochDay() >= MAX_DAYS) {
            errors.add(new FieldError("from", "统计期间最长一年"));
        }
        ValidationException.throwIfAny(errors);
        return new Period(start, end, start.atStartOfDay(Revisits.CHINA).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                end.plusDays(1).atStartOfDay(Revisits.CHINA).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
    }
}
