package org.qingyuan.ledger.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.qingyuan.ledger.AppliedMeasures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The current classification record and override of each enterprise, or those of an instant, in one query per chunk. */
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

    /** As {@code ledger_enterprise_as_of}: the last record computed by :at, the last decision in force at :at. */
    private static final String CLASSIFICATIONS_AS_OF = """
            SELECT r.enterprise_id, %s, coalesce(o.measure_label, r.measure_label)
              FROM (SELECT DISTINCT ON (enterprise_id) enterprise_id, explanation, measure_label
                      FROM classification_record
                     WHERE enterprise_id = ANY(:ids) AND computed_at <= :at
                     ORDER BY enterprise_id, id DESC) r
              LEFT JOIN (SELECT DISTINCT ON (enterprise_id) enterprise_id, measure_label
                           FROM classification_override
                          WHERE enterprise_id = ANY(:ids) AND decided_at <= :at AND (cleared_at IS NULL OR cleared_at > :at)
                          ORDER BY enterprise_id, id DESC) o ON o.enterprise_id = r.enterprise_id
            """;
    private static final String WITH_CATEGORY_AS_OF = CLASSIFICATIONS_AS_OF.formatted("r.explanation ->> 'categoryLabel'");
    private static final String WITHOUT_CATEGORY_AS_OF = CLASSIFICATIONS_AS_OF.formatted("NULL");

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

    @Override
    public Map<Long, Applied> of(Long[] enterpriseIds, boolean withCategory, Instant asOf) {
        Map<Long, Applied> out = new HashMap<>();
        if (enterpriseIds.length > 0) {
            jdbc.sql(withCategory ? WITH_CATEGORY_AS_OF : WITHOUT_CATEGORY_AS_OF).param("ids", enterpriseIds)
                    .param("at", OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC))
                    .query(rs -> {
                        out.put(rs.getLong(1), new Applied(rs.getString(2), rs.getString(3)));
                    });
        }
        return out;
    }
}
