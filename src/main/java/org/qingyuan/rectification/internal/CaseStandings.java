package org.qingyuan.rectification.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.qingyuan.access.Scope;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseStanding;
import org.qingyuan.rectification.CaseState;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The standing of many enterprises' cases in one statement on {@code rectification_case}'s unique enterprise index,
 * limited to the scope (division prefix and grids) like every case read; no transaction of its own.
 */
@Component
class CaseStandings {

    private final NamedParameterJdbcTemplate named;
    private final CaseStore store;

    CaseStandings(NamedParameterJdbcTemplate named, CaseStore store) {
        this.named = named;
        this.store = store;
    }

    Map<Long, CaseStanding> of(Collection<Long> enterpriseIds, Scope scope) {
        if (enterpriseIds.isEmpty()) {
            return Map.of();
        }
        if (enterpriseIds.size() > 1000) {
            throw new IllegalArgumentException("at most 1000 enterprises at once");
        }
        var params = new MapSqlParameterSource("ids", enterpriseIds.stream().distinct().toArray(Long[]::new))
                .addValue("prefix", scope.prefix());
        String sql = "SELECT c.id, c.enterprise_id, c.measure, c.measure_name, c.state, c.closed_out_on FROM rectification_case c"
                + " WHERE c.enterprise_id = ANY(:ids) AND c.division_code LIKE :prefix || '%'" + store.gridCondition(scope, params);
        Map<Long, CaseStanding> result = new HashMap<>();
        named.query(sql, params, rs -> {
            result.put(rs.getLong(2), new CaseStanding(rs.getLong(1), rs.getLong(2), MeasureKind.valueOf(rs.getString(3)),
                    rs.getString(4), CaseState.valueOf(rs.getString(5)), rs.getObject(6, java.time.LocalDate.class)));
        });
        return result;
    }
}
