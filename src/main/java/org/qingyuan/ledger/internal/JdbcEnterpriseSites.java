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
    public Map<Long, String> activeDivisions(org.qingyuan.shared.DivisionCode within) {
        Map<Long, String> result = new HashMap<>();
        jdbc.sql("SELECT id, division_code FROM enterprise WHERE status = 'ACTIVE' AND division_code LIKE :prefix || '%'")
                .param("prefix", within.prefix())
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getString(2));
                });
        return result;
    }
}
