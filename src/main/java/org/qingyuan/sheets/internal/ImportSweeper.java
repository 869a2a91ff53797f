package org.qingyuan.sheets.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.qingyuan.sheets.internal.ImportJob.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fails the jobs whose node is gone, at start and every half minute: a RUNNING job whose
 * advisory lock is free has lost its transaction (its node died or restarted, and PostgreSQL
 * rolled its rows back), and a QUEUED job whose node has not renewed it in time will never start.
 * Safe on several nodes: the lock test is exact and the update only touches unfinished jobs.
 */
@Component
class ImportSweeper {

    private static final Logger log = LoggerFactory.getLogger(ImportSweeper.class);

    private final ImportJobs jobs;
    private final Imports imports;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SheetsProperties properties;
    private final Clock clock;

    ImportSweeper(ImportJobs jobs, Imports imports, JdbcClient jdbc, PlatformTransactionManager transactions,
                  SheetsProperties properties, Clock clock) {
        this.jobs = jobs;
        this.imports = imports;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        sweep();
    }

    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    void sweep() {
        Instant now = Instant.now(clock);
        jobs.heartbeatQueued(imports.node(), now);
        for (Object[] job : jobs.unfinished()) {
            long id = (Long) job[0];
            State state = (State) job[1];
            String node = (String) job[2];
            Instant heartbeat = (Instant) job[3];
            if (state == State.RUNNING) {
                Boolean free = tx.execute(s -> jdbc.sql("SELECT pg_try_advisory_xact_lock(:space, CAST(:id AS int))")
                        .param("space", ImportRunner.LOCK_SPACE).param("id", id).query(Boolean.class).single());
                if (Boolean.TRUE.equals(free) && jobs.fail(id, "导入过程中服务已停止，未写入任何数据，请重新导入", now)) {
                    log.warn("import {} was left running by a node that stopped; marked failed", id);
                }
            } else if (!imports.node().equals(node)
                    && Duration.between(heartbeat, now).getSeconds() > properties.queuedTimeoutSeconds()) {
                if (jobs.fail(id, "排队的节点已停止，任务未开始，请重新导入", now)) {
                    log.warn("import {} was queued on a node that stopped; marked failed", id);
                }
            }
        }
    }
}
