package org.qingyuan.sheets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.sheets.BenchLedgers;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A node that stops mid-import leaves nothing in the ledger, and its job is marked failed. */
@SpringBootTest
class ImportRecoveryTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportSweeper sweeper;

    @Autowired
    Imports imports;

    @Autowired
    PlatformTransactionManager transactions;

    static final CurrentUser DISTRICT = new CurrentUser(1, "district", "区办", "DISTRICT_OFFICE", "区办",
            DivisionCode.of("410108"), null);

    long fakeJob(String state) {
        return jdbc.sql("""
                        INSERT INTO sheet_import (layout, mode, file_name, file_path, file_size, file_digest, division_code, username,
                            state, node, created_at, heartbeat_at)
                        VALUES ('TEMPLATE', 'VALID_ROWS', 'x.xlsx', '/nowhere', 1, repeat('0', 64), '410108', 'district', :state,
                            'node-gone', :at, :at) RETURNING id""")
                .param("state", state).param("at", Timestamp.from(Instant.now().minusSeconds(600))).query(Long.class).single();
    }

    String state(long id) {
        return jdbc.sql("SELECT state FROM sheet_import WHERE id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void aJobLeftRunningByADeadNodeIsMarkedFailed() {
        long running = fakeJob("RUNNING");
        long queued = fakeJob("QUEUED");
        sweeper.sweep();
        assertThat(state(running)).isEqualTo("FAILED");
        assertThat(state(queued)).isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT message FROM sheet_import WHERE id = :id").param("id", running).query(String.class).single())
                .contains("未写入任何数据");
    }

    @Test
    void aJobWhoseTransactionIsAliveIsLeftRunning() throws Exception {
        long running = fakeJob("RUNNING");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:space, CAST(:id AS int))").param("space", ImportRunner.LOCK_SPACE)
                    .param("id", running).query().singleValue();
            locked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        sweeper.sweep();
        assertThat(state(running)).isEqualTo("RUNNING");
        release.countDown();
        holder.join();
        sweeper.sweep();
        assertThat(state(running)).isEqualTo("FAILED");
    }

    @Test
    void aConnectionLostMidImportLeavesNoPartialRows() throws Exception {
        String prefix = "C" + UUID.randomUUID().toString().substring(0, 4);
        byte[] file = BenchLedgers.surveyLedger(30_000, prefix);
        ImportJob job = imports.submit("big.xlsx", new ByteArrayInputStream(file), Layout.SURVEY_LEDGER, ImportJob.Mode.VALID_ROWS,
                DISTRICT);
        // wait until some chunks have been written inside the import's transaction, then kill its connection
        Integer pid = null;
        for (int i = 0; i < 400 && pid == null; i++) {
            Integer accepted = jdbc.sql("SELECT accepted_rows FROM sheet_import WHERE id = :id").param("id", job.id())
                    .query(Integer.class).single();
            if (accepted > 2000) {
                pid = jdbc.sql("""
                                SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = :space AND objid = :id AND granted
                                """).param("space", ImportRunner.LOCK_SPACE).param("id", job.id()).query(Integer.class).optional()
                        .orElse(null);
            }
            Thread.sleep(25);
        }
        assertThat(pid).as("the import's transaction holds the job's lock").isNotNull();
        jdbc.sql("SELECT pg_terminate_backend(:pid)").param("pid", pid).query().singleValue();
        for (int i = 0; i < 200 && !state(job.id()).equals("FAILED"); i++) {
            Thread.sleep(50);
        }
        assertThat(state(job.id())).isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise WHERE name LIKE :p").param("p", prefix + "%").query(Long.class).single())
                .as("nothing of the import is in the ledger").isZero();
    }
}
