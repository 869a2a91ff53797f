package org.qingyuan.map.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseVisibility;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The map's reads over the view {@code map_site}, always inside the caller's jurisdiction (division prefix, and for a
 * grid member without the enterprises of his village's other grids).
 */
@Service
@Transactional(readOnly = true)
public class MapQueries {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String OPEN = CaseState.openSql("s.state");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MapProperties properties;
    private final List<EnterpriseVisibility> visibility;

    MapQueries(JdbcClient jdbc, Clock clock, MapProperties properties, List<EnterpriseVisibility> visibility) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.visibility = visibility;
    }

    /** The markers (or cells) inside the box at the zoom: single markers up to the point limit, else cells. */
    public MapView view(Scope scope, MapFilter filter, Box box, int zoom) {
        Where where = where(scope, filter);
        String inBox = " AND s.latitude IS NOT NULL AND s.longitude IS NOT NULL"
                + " AND point(s.longitude, s.latitude) <@ box(point(:west, :south), point(:east, :north))";
        LocalDate today = today();
        List<MapView.Point> points = where.bind(jdbc.sql("""
                        SELECT s.enterprise_id, s.latitude, s.longitude, s.measure, s.state,
                               coalesce(%1$s AND s.deadline < :today, false) AS overdue,
                               coalesce(%1$s AND s.deadline BETWEEN :today AND :soon, false) AS due_soon
                          FROM map_site s
                        """.formatted(OPEN) + where.sql + inBox + " LIMIT :limit"), today)
                .param("west", box.west()).param("south", box.south()).param("east", box.east()).param("north", box.north())
                .param("limit", properties.pointLimit() + 1)
                .query((rs, i) -> new MapView.Point(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getBoolean(7)))
                .list();
        if (points.size() <= properties.pointLimit()) {
            return new MapView("points", 0, points, List.of());
        }
        double cell = cellDegrees(zoom);
        probeByKey();
        List<MapView.Cell> cells = where.bind(jdbc.sql("""
                        SELECT avg(s.latitude), avg(s.longitude), count(*),
                               count(*) FILTER (WHERE %s AND s.deadline < :today),
                               mode() WITHIN GROUP (ORDER BY s.measure)
                          FROM map_site s
                        """.formatted(OPEN) + where.sql + inBox
                        + " GROUP BY floor(s.longitude / :cell), floor(s.latitude / :cell)"), today)
                .param("west", box.west()).param("south", box.south()).param("east", box.east()).param("north", box.north())
                .param("cell", cell)
                .query((rs, i) -> new MapView.Cell(rs.getDouble(1), rs.getDouble(2), rs.getLong(3), rs.getLong(4), rs.getString(5)))
                .list();
        return new MapView("cells", cell, List.of(), cells);
    }

    /**
     * For the rest of the transaction, join a jurisdiction's rows to the province-wide tables behind {@code map_site}
     * by their keys: hashing the whole tables costs seconds at a million enterprises, probing a district's 50,000 rows
     * a fraction of one.
     */
    private void probeByKey() {
        jdbc.sql("SELECT set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)")
                .query().listOfRows();
    }

    /** A cell of about 64 screen pixels at the zoom (a 256-pixel tile spans 360 / 2^zoom degrees of longitude). */
    static double cellDegrees(int zoom) {
        return 360.0 / Math.pow(2, Math.max(0, Math.min(zoom, 22))) / 4;
    }

    /** One enterprise's card; 404 outside the jurisdiction. */
    public MapCard card(Scope scope, long enterpriseId) {
        Where where = where(scope, new MapFilter(null, null, null, null, false, false));
        return where.bind(jdbc.sql("""
                        SELECT s.enterprise_id, s.name, s.division_code, s.address, s.latitude, s.longitude, s.version,
                               s.category_label, s.measure, s.case_id, s.state, s.deadline,
                               coalesce(%s AND s.deadline < :today, false) AS overdue
                          FROM map_site s
                        """.formatted(OPEN) + where.sql + " AND s.enterprise_id = :id"), today())
                .param("id", enterpriseId)
                .query((rs, i) -> new MapCard(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Double) rs.getObject(5), (Double) rs.getObject(6), rs.getInt(7), rs.getString(8), rs.getString(9),
                        (Long) rs.getObject(10), rs.getString(11), rs.getObject(12, LocalDate.class), rs.getBoolean(13)))
                .optional().orElseThrow(() -> new NotFoundException("企业不存在或不在您的辖区内"));
    }

    /** How many enterprises under the filters have no position, and the first {@code limit} of them by village and name. */
    public Unplaced unplaced(Scope scope, MapFilter filter, int limit) {
        Where where = where(scope, filter);
        String missing = " AND (s.latitude IS NULL OR s.longitude IS NULL)";
        LocalDate today = today();
        long count = where.bind(jdbc.sql("SELECT count(*) FROM map_site s" + where.sql + missing), today)
                .query(Long.class).single();
        List<MapCard> first = where.bind(jdbc.sql("""
                        SELECT s.enterprise_id, s.name, s.division_code, s.address, s.version, s.category_label, s.measure
                          FROM map_site s
                        """ + where.sql + missing + " ORDER BY s.division_code, s.name, s.enterprise_id LIMIT :limit"), today)
                .param("limit", limit)
                .query((rs, i) -> new MapCard(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), null, null,
                        rs.getInt(5), rs.getString(6), rs.getString(7), null, null, null, false))
                .list();
        return new Unplaced(count, first);
    }

    /**
     * The box holding every placed enterprise of the jurisdiction under the filters ({@code [south, west, north, east]}),
     * empty when none is placed: the map opens on it together with the outline, so that no marker starts out of view.
     */
    public java.util.Optional<double[]> extent(Scope scope, MapFilter filter) {
        Where where = where(scope, filter);
        return where.bind(jdbc.sql("SELECT min(s.latitude), min(s.longitude), max(s.latitude), max(s.longitude) FROM map_site s"
                        + where.sql + " AND s.latitude IS NOT NULL AND s.longitude IS NOT NULL"), today())
                .query((rs, i) -> rs.getObject(1) == null ? null
                        : new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)})
                .optional();
    }

    /** The categories present in the jurisdiction (id, label), for the filter. */
    public List<String[]> categories(Scope scope) {
        Where where = where(scope, new MapFilter(null, null, null, null, false, false));
        return where.bind(jdbc.sql("SELECT s.category, max(s.category_label) FROM map_site s" + where.sql
                        + " AND s.category IS NOT NULL GROUP BY s.category ORDER BY s.category"), today())
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    /**
     * Today's sites of the jurisdiction as the home page's figures count them: each active enterprise's division,
     * category, measure and case state, and whether its open case is overdue or due within the configured days. Every
     * figure of the home page is a sum over these ({@link KeptOverviews.Figures#of}), so that after a change only the
     * changed enterprises (or villages) need reading again.
     *
     * @param divisions with {@code enterprises}, only the sites in these divisions or of these enterprises; both null:
     *                  all of the jurisdiction's
     */
    public List<Site> sites(Scope scope, Collection<String> divisions, Collection<Long> enterprises) {
        probeByKey();
        Where where = where(scope, new MapFilter(null, null, null, null, false, false));
        boolean some = divisions != null || enterprises != null;
        String only = !some ? "" : " AND (s.division_code IN (:divisions) OR s.enterprise_id IN (:enterprises))";
        JdbcClient.StatementSpec spec = where.bind(jdbc.sql("""
                        SELECT s.enterprise_id, s.division_code, s.category, s.category_label, s.measure, s.state,
                               coalesce(%1$s AND s.deadline < :today, false),
                               coalesce(%1$s AND s.deadline BETWEEN :today AND :soon, false)
                          FROM map_site s
                        """.formatted(OPEN) + where.sql + only), today());
        if (some) {   // an empty IN list is not SQL: a value no row has stands in
            spec = spec.param("divisions", divisions == null || divisions.isEmpty() ? List.of("") : divisions)
                    .param("enterprises", enterprises == null || enterprises.isEmpty() ? List.of(-1L) : enterprises);
        }
        Map<String, String> same = new HashMap<>();   // one String per distinct value: a district keeps 25,000 sites
        return spec.query((rs, i) -> new Site(rs.getLong(1), one(same, rs.getString(2)), one(same, rs.getString(3)),
                one(same, rs.getString(4)), one(same, rs.getString(5)), one(same, rs.getString(6)), rs.getBoolean(7),
                rs.getBoolean(8))).list();
    }

    private static String one(Map<String, String> same, String value) {
        return value == null ? null : same.computeIfAbsent(value, v -> v);
    }

    /**
     * An active enterprise of the jurisdiction as the home page counts it: its division, its category (with its label),
     * measure and case state (each null where none applies), and whether its open case is overdue or due soon.
     */
    public record Site(long enterprise, String division, String category, String categoryLabel, String measure, String state,
                       boolean overdue, boolean dueSoon) {
    }

    /**
     * One group's counts today.
     *
     * @param grouping {@code place}, {@code category}, {@code measure}, {@code state} or {@code total}
     * @param key the group (null: none applies — not classified, no measure, no case)
     */
    public record Count(String grouping, String key, String categoryLabel, long total, long toRectify, long closedOut,
                        long overdue) {
    }

    /** One division's open work: overdue and due within the configured days. */
    public record WorkByPlace(String divisionCode, long overdue, long dueSoon) {
    }

    /** The unplaced list's answer. */
    public record Unplaced(long count, List<MapCard> first) {
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private Where where(Scope scope, MapFilter filter) {
        String prefix = scope.prefix();
        if (filter.division() != null) {
            if (!DivisionCode.isValid(filter.division())) {
                throw new InvalidInputException("division", "参数 division 应为区划代码");
            }
            DivisionCode d = DivisionCode.of(filter.division());
            if (!scope.covers(d)) {
                throw new NotFoundException("该区划不在您的辖区内");
            }
            prefix = d.prefix();
        }
        StringBuilder sql = new StringBuilder(" WHERE s.division_code LIKE :prefix || '%'");
        Set<Long> hidden = EnterpriseVisibility.hidden(visibility, scope);
        if (!hidden.isEmpty()) {
            sql.append(" AND s.enterprise_id NOT IN (:hidden)");
        }
        if (filter.category() != null) {
            sql.append(" AND s.category = :category");
        }
        if (filter.measure() != null) {
            sql.append(" AND s.measure = :measure");
        }
        if (filter.state() != null) {
            sql.append(" AND s.state = :state");
        }
        if (filter.overdue()) {
            sql.append(" AND ").append(OPEN).append(" AND s.deadline < :today");
        }
        if (filter.dueSoon()) {
            sql.append(" AND ").append(OPEN).append(" AND s.deadline BETWEEN :today AND :soon");
        }
        return new Where(sql.toString(), prefix, List.copyOf(hidden), filter, properties.dueSoonDays());
    }

    /** A WHERE clause and its parameters. */
    private record Where(String sql, String prefix, List<Long> hidden, MapFilter filter, int dueSoonDays) {

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, LocalDate today) {
            spec = spec.param("prefix", prefix).param("today", today).param("soon", today.plusDays(dueSoonDays));
            if (!hidden.isEmpty()) {
                spec = spec.param("hidden", hidden);
            }
            if (filter.category() != null) {
                spec = spec.param("category", filter.category());
            }
            if (filter.measure() != null) {
                spec = spec.param("measure", filter.measure().name());
            }
            if (filter.state() != null) {
                spec = spec.param("state", filter.state().name());
            }
            return spec;
        }
    }
}
