package org.qingyuan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Audited reads in the default mode: the caller goes on once its record is queued, the group appender commits every
 * record in the chain shortly after, in order, linked, and the verifier sees them all.
 */
@SpringBootTest(properties = "qingyuan.audit.await-reads=false")
class AuditReadQueueTests {

    @Autowired AuditTrail trail;
    @Autowired AuditLog log;
    @Autowired JdbcClient jdbc;

    @Test
    void queuedReadsAreAllCommittedLinkedInTheChainAndVerified() throws Exception {
        long first = jdbc.sql("SELECT nextval('audit_record_id_seq')").query(Long.class).single();
        int threads = 10;
        int each = 40;
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        trail.recordRead(AuditEvent.of("TEST_QUEUED_READ", "Test", thread + "-" + i));
                    }
                }));
            }
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        trail.flushReads();
        assertThat(jdbc.sql("SELECT count(DISTINCT object_id) FROM audit_record WHERE action = 'TEST_QUEUED_READ' AND id > :first")
                .param("first", first).query(Long.class).single()).isEqualTo((long) threads * each);
        // each thread's reads are in the chain in the order it made them
        assertThat(jdbc.sql("""
                SELECT count(*) FROM (SELECT object_id, lag(object_id) OVER (PARTITION BY split_part(object_id, '-', 1) ORDER BY id) AS before
                                        FROM audit_record WHERE action = 'TEST_QUEUED_READ') r
                 WHERE r.before IS NOT NULL AND split_part(r.object_id, '-', 2)::int <= split_part(r.before, '-', 2)::int
                """).query(Long.class).single()).isZero();
        var verification = log.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.checked()).isGreaterThanOrEqualTo((long) threads * each);
    }
}
