package org.qingyuan.ledger.internal;

import java.util.List;
import java.util.function.Consumer;

import org.qingyuan.ledger.Industry;
import org.qingyuan.policy.PreviewInput;
import org.qingyuan.policy.PreviewPopulation;
import org.qingyuan.shared.DivisionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's active enterprises for the policy module's activation preview, with their facts
 * under the policy's names and their own zone; read in id order, one batch per query.
 */
@Component
class LedgerPreviewPopulation implements PreviewPopulation {

    private final JdbcClient jdbc;

    LedgerPreviewPopulation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void forEach(DivisionCode within, int batchSize, Consumer<List<PreviewInput>> consumer) {
        long after = 0;
        while (true) {
            List<PreviewInput> batch = jdbc.sql("""
                            SELECT e.id, e.division_code, e.facts::text AS facts, e.industry, c.zone_override
                              FROM enterprise e LEFT JOIN enterprise_classification c ON c.enterprise_id = e.id
                             WHERE e.status = 'ACTIVE' AND e.division_code LIKE :prefix || '%' AND e.id > :after
                             ORDER BY e.id LIMIT :limit
                            """)
                    .param("prefix", within.prefix()).param("after", after).param("limit", batchSize)
                    .query((rs, i) -> new PreviewInput(Long.toString(rs.getLong("id")),
                            LedgerFacts.forPolicy(FactsJson.read(rs.getString("facts")),
                                    EnterpriseRows.enumOf(Industry.class, rs.getString("industry"))),
                            DivisionCode.of(rs.getString("division_code")), rs.getString("zone_override")))
                    .list();
            if (batch.isEmpty()) {
                return;
            }
            consumer.accept(batch);
            if (batch.size() < batchSize) {
                return;
            }
            after = Long.parseLong(batch.get(batch.size() - 1).key());
        }
    }
}
