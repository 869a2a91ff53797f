package org.qingyuan.demo;

import org.qingyuan.platform.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode, once, right after the demo ledger and cases were built: their history is spread over the past, so that
 * the statistics as of last month, the period strips and last month's reports show a campaign in progress rather than
 * a ledger that appeared today. Each demo enterprise entered the ledger on its reported day (上报时间), was classified
 * an hour later, and its case's steps are spread in order between the day after and now; close-out dates follow their
 * steps. This is the one place that rewrites recorded times, and only of the demo's own data in a fresh demo database
 * before anyone used it: the append-only triggers are disabled for this transaction only. The audit trail is not
 * touched (it records when the demo was built).
 */
@Component
@Order(45)
class DemoHistory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final String[] TRIGGERS = {
            "enterprise_version:enterprise_version_no_change",
            "classification_record:classification_record_append_only",
            "rectification_step:rectification_step_no_change"};

    private final Deployment deployment;
    private final DemoSeeds seeds;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DemoHistory(Deployment deployment, DemoSeeds seeds, JdbcClient jdbc, TransactionTemplate tx) {
        this.deployment = deployment;
        this.seeds = seeds;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!deployment.demo()) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> {
                if (seeds.claim("history")) {
                    spread();
                }
            });
        } catch (RuntimeException e) {
            // demo data must never stop the platform from starting
            log.error("演示数据: demo history not spread over the past", e);
        }
    }

    private void spread() {
        for (String t : TRIGGERS) {
            String[] p = t.split(":");
            jdbc.sql("ALTER TABLE " + p[0] + " DISABLE TRIGGER " + p[1]).update();
        }
        String prefix = deployment.homeDistrict().prefix();
        int enterprises = jdbc.sql("""
                        UPDATE enterprise SET created_at = (reported_on + time '09:00') AT TIME ZONE 'Asia/Shanghai'
                         WHERE division_code LIKE :prefix || '%' AND (reported_on + time '09:00') AT TIME ZONE 'Asia/Shanghai' < created_at
                        """).param("prefix", prefix).update();
        jdbc.sql("""
                UPDATE enterprise_version v SET changed_at = e.created_at
                  FROM enterprise e WHERE e.id = v.enterprise_id AND v.version = 1 AND e.division_code LIKE :prefix || '%'
                """).param("prefix", prefix).update();
        jdbc.sql("""
                UPDATE classification_record r SET computed_at = e.created_at + interval '1 hour'
                  FROM enterprise e WHERE e.id = r.enterprise_id AND e.division_code LIKE :prefix || '%'
                   AND r.computed_at > e.created_at + interval '1 hour'
                """).param("prefix", prefix).update();
        // each case's steps in order, evenly between the day after its enterprise entered the ledger and an hour ago
        int steps = jdbc.sql("""
                UPDATE rectification_step s SET at = x.start + (x.span * x.rank / (x.n + 1))
                  FROM (SELECT s2.id, e.created_at + interval '1 day' AS start,
                               greatest(now() - interval '1 hour' - (e.created_at + interval '1 day'), interval '1 minute') AS span,
                               row_number() OVER (PARTITION BY s2.case_id ORDER BY s2.id) AS rank,
                               count(*) OVER (PARTITION BY s2.case_id) AS n
                          FROM rectification_step s2 JOIN rectification_case c ON c.id = s2.case_id
                          JOIN enterprise e ON e.id = c.enterprise_id
                         WHERE c.division_code LIKE :prefix || '%') x
                 WHERE x.id = s.id
                """).param("prefix", prefix).update();
        jdbc.sql("""
                UPDATE rectification_case c SET opened_at = f.first_at,
                       closed_out_on = CASE WHEN c.closed_out_on IS NULL THEN NULL ELSE (l.closed_at AT TIME ZONE 'Asia/Shanghai')::date END
                  FROM (SELECT case_id, min(at) AS first_at FROM rectification_step GROUP BY case_id) f
                  LEFT JOIN (SELECT case_id, max(at) AS closed_at FROM rectification_step WHERE kind = 'CLOSED_OUT' GROUP BY case_id) l
                         ON l.case_id = f.case_id
                 WHERE f.case_id = c.id AND c.division_code LIKE :prefix || '%'
                """).param("prefix", prefix).update();
        for (String t : TRIGGERS) {
            String[] p = t.split(":");
            jdbc.sql("ALTER TABLE " + p[0] + " ENABLE TRIGGER " + p[1]).update();
        }
        log.info("演示数据 demo history: {} enterprises and {} case steps spread over the past", enterprises, steps);
    }
}
