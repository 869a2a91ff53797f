package org.qingyuan.ledger.internal;

import java.util.HashMap;
import java.util.Map;

import org.qingyuan.ledger.AppliedMeasures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The current classification record and override of each enterprise, in one query per chunk. */
@Component
class JdbcAppliedMeasures implements AppliedMeasures {

    private static final String CLASSIFICATIONS = """
            SELECT ec.enterprise_id, %s, coalesce(o.measure_label, r.measure_label)
              FROM enterprise_classification ec
              JOIN classification_record r ON r.id = ec.current_id
              LEFT JOIN classification_override o ON o.id = ec.override_id
             WHERE ec.enterprise_id = ANY(:ids)
            """;
    private static final String WITH_CATEGORY = CLASSIFICATIONS.formatted("r.explanation ->> 'categoryLabel'");
    private static final String WITHOUT_CATEGORY = CLASSIFICATIONS.formatted("NULL");

    private final JdbcClient jdbc;

    JdbcAppliedMeasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Applied> of(Long[] enterpriseIds, boolean withCategory) {
        Map<Long, Applied> out = new HashMap<>();
        if (enterpriseIds.length > 0) {
            jdbc.sql(withCategory ? WITH_CATEGORY : WITHOUT_CATEGORY).param("ids", enterpriseIds)
                    .query(rs -> {
                        out.put(rs.getLong(1), new Applied(rs.getString(2), rs.getString(3)));
                    });
        }
        return out;
    }
}
