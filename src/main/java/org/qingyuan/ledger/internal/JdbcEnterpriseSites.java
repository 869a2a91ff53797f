package org.qingyuan.ledger.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.ledger.EnterpriseSites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads names and coordinates of enterprises by id, a thousand per query. */
@Component
class JdbcEnterpriseSites implements EnterpriseSites {

    private final JdbcClient jdbc;

    JdbcEnterpriseSites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Site> sites(Collection<Long> enterpriseIds) {
        Map<Long, Site> result = new HashMap<>();
        List<Long> ids = new ArrayList<>(enterpriseIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            jdbc.sql("SELECT id, name, division_code, address, longitude, latitude FROM enterprise WHERE id = ANY(:ids)")
                    .param("ids", chunk.toArray(Long[]::new))
                    .query((rs, i) -> new Site(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            (Double) rs.getObject(5), (Double) rs.getObject(6)))
                    .list().forEach(s -> result.put(s.id(), s));
        }
        return result;
    }

    @Override
    public Map<Long, Listed> listed(Collection<Long> enterpriseIds, org.qingyuan.shared.DivisionCode within) {
        if (enterpriseIds.isEmpty()) {
            return Map.of();
        }
        if (enterpriseIds.size() > 1000) {
            throw new IllegalArgumentException("at most 1000 ids at once");
        }
        Map<Long, Listed> result = new HashMap<>();
        jdbc.sql("""
                        SELECT e.id, e.name, e.credit_code, e.division_code, e.address,
                               cr.category AS cls_category, cr.measure_kind AS cls_measure_kind, cr.measure_label AS cls_measure_label,
                               co.measure_kind AS cls_override_kind, co.measure_label AS cls_override_label,
                               co.id IS NOT NULL AS cls_overridden, coalesce(ec.stale, false) AS cls_stale
                          FROM enterprise e
                          LEFT JOIN enterprise_classification ec ON ec.enterprise_id = e.id
                          LEFT JOIN classification_record cr ON cr.id = ec.current_id
                          LEFT JOIN classification_override co ON co.id = ec.override_id AND co.cleared_at IS NULL
                         WHERE e.id = ANY(:ids) AND e.status = 'ACTIVE' AND e.division_code LIKE :prefix || '%'
                        """)
                .param("ids", enterpriseIds.stream().distinct().toArray(Long[]::new))
                .param("prefix", within.prefix())
                .query((rs, i) -> new Listed(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
                        rs.getString("division_code"), rs.getString("address"), EnterpriseRows.listClassification(rs)))
                .list().forEach(l -> result.put(l.id(), l));
        return result;
    }

    @Override
    public Map<Long, String> activeDivisions(org.qingyuan.shared.DivisionCode within) {
        Map<Long, String> result = new HashMap<>();
        jdbc.sql("SELECT id, division_code FROM enterprise WHERE status = 'ACTIVE' AND division_code LIKE :prefix || '%'")
                .param("prefix", within.prefix())
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getString(2));
                });
        return result;
    }

    @Override
    public List<Site> withCreditCode(String creditCode, org.qingyuan.shared.DivisionCode within) {
        return jdbc.sql("""
                        SELECT id, name, division_code, address, longitude, latitude FROM enterprise
                         WHERE credit_code = :code AND status = 'ACTIVE' AND division_code LIKE :prefix || '%'
                         ORDER BY id LIMIT 20
                        """)
                .param("code", creditCode).param("prefix", within.prefix())
                .query((rs, i) -> new Site(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Double) rs.getObject(5), (Double) rs.getObject(6)))
                .list();
    }

    @Override
    public List<Site> near(double latitude, double longitude, double metres, int limit, org.qingyuan.shared.DivisionCode within) {
        double dLat = metres / 111_320.0;
        double dLon = metres / (111_320.0 * Math.max(0.01, Math.cos(Math.toRadians(latitude))));
        return jdbc.sql("""
                        SELECT id, name, division_code, address, longitude, latitude FROM enterprise
                         WHERE point(longitude, latitude) <@ box(point(:w, :s), point(:e, :n))
                           AND status = 'ACTIVE' AND latitude IS NOT NULL AND longitude IS NOT NULL
                           AND division_code LIKE :prefix || '%'
                         ORDER BY point(longitude, latitude) <-> point(:lon, :lat), id LIMIT :limit
                        """)
                .param("w", longitude - dLon).param("e", longitude + dLon).param("s", latitude - dLat)
                .param("n", latitude + dLat).param("lon", longitude).param("lat", latitude)
                .param("prefix", within.prefix()).param("limit", limit)
                .query((rs, i) -> new Site(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Double) rs.getObject(5), (Double) rs.getObject(6)))
                .list().stream()
                .filter(s -> metresBetween(latitude, longitude, s.latitude(), s.longitude()) <= metres)
                .toList();
    }

    private static double metresBetween(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 6_371_000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
