package org.qingyuan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.shared.Sm3;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/** The trail is written with the change, cannot be edited through SQL, and tampering is found. */
@SpringBootTest
class AuditTrailTests {

    @Autowired
    org.qingyuan.platform.Deployment deployment;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void sm3OfAbcIsTheStandardVector() {
        assertThat(Sm3.hex("abc")).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void aRecordIsWrittenOnlyWhenItsTransactionCommits() {
        long before = count();
        transactions.executeWithoutResult(status -> trail.record(AuditEvent.of("TEST_COMMITTED", "Test", 1)));
        assertThat(count()).isEqualTo(before + 1);
        transactions.executeWithoutResult(status -> {
            trail.record(AuditEvent.of("TEST_ROLLED_BACK", "Test", 2));
            status.setRollbackOnly();
        });
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void whenTheAuditWriteFailsTheChangeFailsToo() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS audit_probe (note text)").update();
        // a constraint that refuses this one record: the audit insert fails just before commit
        jdbc.sql("ALTER TABLE audit_record ADD CONSTRAINT audit_probe_refuses CHECK (action <> 'TEST_AUDIT_FAILS') NOT VALID")
                .update();
        try {
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                jdbc.sql("INSERT INTO audit_probe VALUES ('change')").update();
                trail.record(new AuditEvent("TEST_AUDIT_FAILS", "Test", "3", "bad reason", Map.of()));
            })).isInstanceOf(RuntimeException.class);
        } finally {
            jdbc.sql("ALTER TABLE audit_record DROP CONSTRAINT audit_probe_refuses").update();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_probe").query(Long.class).single()).isZero();
    }

    @Test
    void theApplicationCannotUpdateOrDeleteAuditRows() {
        transactions.executeWithoutResult(status -> trail.record(AuditEvent.of("TEST_APPEND_ONLY", "Test", 4)));
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_record SET action = 'X' WHERE action = 'TEST_APPEND_ONLY'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_record").update()).hasMessageContaining("append-only");
    }

    @Test
    @DirtiesContext
    void aSuperuserUpdateIsFoundByTheVerifierAtThatRecord() {
        for (int i = 0; i < 3; i++) {
            int n = i;
            transactions.executeWithoutResult(status -> trail.record(AuditEvent.of("TEST_CHAIN", "Test", n)));
        }
        assertThat(log.anchor(LocalDate.of(2000, 1, 1))).isTrue();
        assertThat(log.anchor(LocalDate.of(2000, 1, 1))).as("one anchor per day").isFalse();
        assertThat(anchorFile()).contains("2000-01-01 ");
        var intact = log.verify();
        assertThat(intact.intact()).isTrue();
        assertThat(intact.checked()).isGreaterThanOrEqualTo(3);
        long victim = jdbc.sql("SELECT min(id) FROM audit_record WHERE action = 'TEST_CHAIN'").query(Long.class).single();

        transactions.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();   // superuser bypass of the trigger
            jdbc.sql("UPDATE audit_record SET object_id = '999' WHERE id = :id").param("id", victim).update();
        });

        var broken = log.verify();
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBrokenId()).isEqualTo(victim);
    }

    @Test
    void concurrentReadsAreEachCommittedInTheChainBeforeTheCallerGoesOn() throws Exception {
        long first = jdbc.sql("SELECT nextval('audit_record_id_seq')").query(Long.class).single();
        int threads = 12;
        int each = 25;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        var unseen = new java.util.concurrent.atomic.AtomicInteger();
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        String id = "read-" + thread + "-" + i;
                        trail.recordRead(AuditEvent.of("TEST_GROUP_READ", "Test", id));
                        // answered only once committed: visible to any other connection at once
                        if (jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'TEST_GROUP_READ' AND object_id = :id")
                                .param("id", id).query(Long.class).single() != 1) {
                            unseen.incrementAndGet();
                        }
                    }
                }));
            }
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(unseen.get()).isZero();
        assertThat(jdbc.sql("SELECT count(DISTINCT object_id) FROM audit_record WHERE action = 'TEST_GROUP_READ' AND id > :first")
                .param("first", first).query(Long.class).single()).isEqualTo((long) threads * each);
        // every record after the first one written here links to its predecessor in id order
        assertThat(jdbc.sql("""
                SELECT count(*) FROM (SELECT id, prev_hash, lag(hash) OVER (ORDER BY id) AS before FROM audit_record
                                       WHERE id >= :first) r
                 WHERE r.before IS NOT NULL AND r.prev_hash <> r.before
                """).param("first", first).query(Long.class).single()).isZero();
    }

    @Test
    void aReadStaysAuditedWhenTheCallersTransactionRollsBack() {
        transactions.executeWithoutResult(status -> {
            trail.recordRead(AuditEvent.of("TEST_READ_IN_ROLLBACK", "Test", 5));
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'TEST_READ_IN_ROLLBACK'").query(Long.class).single())
                .isEqualTo(1);
    }

    private String anchorFile() {
        try {
            return java.nio.file.Files.readString(deployment.dataDir().resolve("audit").resolve("anchors.log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single();
    }
}
