package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.ledger.BatchRegistration;
import org.qingyuan.ledger.BatchRegistration.DuplicatePolicy;
import org.qingyuan.ledger.BatchRegistration.RowResult;
import org.qingyuan.ledger.BatchRegistration.SourcedRow;
import org.qingyuan.rectification.TownReports;
import org.qingyuan.region.Divisions;
import org.qingyuan.sheets.internal.ImportJob.Mode;
import org.qingyuan.sheets.internal.ImportJob.State;
import org.qingyuan.sheets.internal.ImportJobs.Counts;
import org.qingyuan.sheets.internal.RowMapper.MappedRow;
import org.qingyuan.shared.DivisionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import. Everything the ledger receives is written in a single transaction that ends
 * with the job's COMMITTED state and its audit record, so a crash or restart leaves no partial
 * rows; that transaction holds an advisory lock on the job, which tells any node whether the job
 * is really running. Progress and the row outcomes are written beside it in short transactions
 * of their own, so every node can show them and the report survives an all-or-nothing rejection.
 * The file is streamed and handled in chunks, so memory stays flat.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    /** The two-key advisory lock space of import jobs ('SHTS'); the second key is the job id. */
    static final int LOCK_SPACE = 0x53485453;

    /** Imports of this many rows refresh the planner's statistics before they commit. */
    static final int ANALYZE_FROM = 10_000;

    private final ImportJobs jobs;
    private final BatchRegistration ledger;
    private final Divisions divisions;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate main;
    private final TransactionTemplate side;
    private final SheetsProperties properties;
    private final Clock clock;
    private final TownReports reports;
    private final DeclaredFactColumns declaredColumns;
    private final CampaignColumnsStore campaignColumns;

    ImportRunner(ImportJobs jobs, BatchRegistration ledger, Divisions divisions, AuditTrail audit, JdbcClient jdbc,
                 PlatformTransactionManager transactions, SheetsProperties properties, Clock clock, TownReports reports,
                 DeclaredFactColumns declaredColumns, CampaignColumnsStore campaignColumns) {
        this.jobs = jobs;
        this.ledger = ledger;
        this.divisions = divisions;
        this.audit = audit;
        this.jdbc = jdbc;
        this.main = new TransactionTemplate(transactions);
        this.side = new TransactionTemplate(transactions);
        this.side.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
        this.reports = reports;
        this.declaredColumns = declaredColumns;
        this.campaignColumns = campaignColumns;
    }

    /** Runs the job to its end; never throws. */
    void run(long jobId, String node) {
        ImportJob job = jobs.find(jobId).orElse(null);
        if (job == null || job.state() != State.QUEUED) {
            return;
        }
        Run run = new Run(job, node);
        try {
            State end;
            try {
                end = main.execute(status -> {
                    State s = run.execute();
                    if (s != State.COMMITTED) {
                        status.setRollbackOnly();
                    }
                    return s;
                });
            } finally {
                run.outcomes.stop();
            }
            if (end == State.REJECTED) {
                side.executeWithoutResult(s -> {
                    jobs.finish(jobId, State.REJECTED, run.counts, ImportSummaries.rejectionMessage(run.counts), run.notes,
                            run.unit(), run.formDate(), now());
                    audit.recordFailure(run.auditEvent("LEDGER_IMPORT_REJECTED"), AuditTrail.Outcome.FAILURE);
                });
            } else if (end == null || end == State.FAILED) {
                side.executeWithoutResult(s -> jobs.fail(jobId, "任务已被标记为失败", now()));
            }
        } catch (RuntimeException e) {
            log.warn("import {} failed", jobId, e);
            String message = FailureMessages.of(e);
            side.executeWithoutResult(s -> {
                jobs.fail(jobId, message, now());
                audit.recordFailure(run.auditEvent("LEDGER_IMPORT_FAILED").because(message), AuditTrail.Outcome.FAILURE);
            });
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** The state of one run. */
    private final class Run {
        final ImportJob job;
        final String node;
        final Scope scope;
        final Counts counts = new Counts();
        final List<String> notes = new ArrayList<>();
        SheetParser parser;
        final int[] seq = {0};
        final ImportedRows imported = new ImportedRows();
        final OutcomeWriter outcomes;
        /** Where the time goes, for the log line at the end (bench/sheets.sh prints it). */
        final long startNanos = System.nanoTime();
        long scanNanos;
        volatile long readNanos;
        long waitNanos;
        long ledgerNanos;
        long campaignNanos;

        Run(ImportJob job, String node) {
            this.job = job;
            this.node = node;
            this.scope = Scope.of(DivisionCode.of(job.divisionCode()));
            this.outcomes = new OutcomeWriter(job.id(), jobs, side, clock, properties.chunkSize() * 5);
        }

        State execute() {
            jdbc.sql("SELECT pg_advisory_xact_lock(:space, CAST(:id AS int))").param("space", LOCK_SPACE)
                    .param("id", job.id()).query().singleValue();
            try (Workbook workbook = Workbook.open(Path.of(job.filePath()), properties.workbookLimits())) {
                List<Workbook.SheetInfo> sheets = workbook.sheets();
                scanNanos = System.nanoTime() - startNanos;
                int total = sheets.stream().mapToInt(Workbook.SheetInfo::rows).sum();
                Boolean started = side.execute(s -> jobs.start(job.id(), node, total, now()));
                if (!Boolean.TRUE.equals(started)) {
                    return State.FAILED;
                }
                VillageResolver villages = new VillageResolver(divisions, scope);
                parser = new SheetParser(declaredColumns.headers());
                ImportReader reader = new ImportReader(job, parser, villages, properties.chunkSize(), clock, counts, notes);
                // the file is read and its rows mapped on a second thread while this one writes the previous
                // chunk (the transaction's connection stays on this thread); two chunks at most are in between
                try (Pipeline pipeline = new Pipeline()) {
                    Pipeline.Handoff<List<MappedRow>> queue = pipeline.handoff(2);
                    pipeline.start("sheets-import-reader-" + job.id(), () -> {
                        long start = System.nanoTime();
                        reader.read(workbook, sheets, queue);
                        readNanos = System.nanoTime() - start - queue.putWaitNanos();
                        queue.end();
                    });
                    pipeline.run(() -> {
                        for (List<MappedRow> mapped = queue.take(); mapped != null; mapped = queue.take()) {
                            write(mapped);
                        }
                        return null;
                    });
                    waitNanos = queue.takeWaitNanos();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            outcomes.flush(counts);
            outcomes.await();
            if (counts.data == 0) {
                notes.add(0, "文件中没有找到数据行");
            }
            log.info("import {}: {} rows in {} ms before the commit; scan {} ms; reading and mapping {} ms (own thread); "
                            + "ledger {} ms and rectification columns {} ms (transaction's thread, which waited {} ms for rows "
                            + "and {} ms for outcomes); outcomes and progress {} ms (own thread and connection)",
                    job.id(), counts.data, ms(System.nanoTime() - startNanos), ms(scanNanos), ms(readNanos), ms(ledgerNanos),
                    ms(campaignNanos), ms(waitNanos), ms(outcomes.sideWaitNanos), ms(outcomes.outcomeNanos.get()));
            if (job.mode() == Mode.ALL_OR_NOTHING && counts.rejected > 0) {
                return State.REJECTED;
            }
            if (counts.accepted >= ANALYZE_FROM) {
                long analyzing = System.nanoTime();
                ledger.refreshStatistics();
                log.info("import {}: statistics refreshed in {} ms", job.id(), ms(System.nanoTime() - analyzing));
            }
            jobs.finish(job.id(), State.COMMITTED, counts, ImportSummaries.committedMessage(job, counts), notes, unit(), formDate(), now());
            audit.record(auditEvent("LEDGER_IMPORTED"));
            return State.COMMITTED;
        }

        AuditEvent auditEvent(String action) {
            return ImportSummaries.auditEvent(action, job, counts);
        }

        String unit() {
            return parser == null ? null : parser.notes().unit;
        }

        LocalDate formDate() {
            return parser == null ? null : parser.notes().date;
        }

        /** On the transaction's thread: registers a mapped chunk and records its outcomes. */
        private void write(List<MappedRow> mapped) {
            List<Integer> ledgerIndex = new ArrayList<>();
            List<SourcedRow> toLedger = ChunkOutcomes.toLedger(job, mapped, ledgerIndex);
            RowResult[] results = new RowResult[mapped.size()];
            long ledgerStart = System.nanoTime();
            if (!toLedger.isEmpty()) {
                List<RowResult> ledgerResults = ledger.registerImported(toLedger, DuplicatePolicy.SKIP, scope).rows();
                ledgerNanos += System.nanoTime() - ledgerStart;
                for (int k = 0; k < ledgerResults.size(); k++) {
                    results[ledgerIndex.get(k)] = ledgerResults.get(k);
                }
            }
            ChunkOutcomes chunk = new ChunkOutcomes(job, mapped, results, ledgerIndex, counts, imported, seq);
            long campaignStart = System.nanoTime();
            campaignColumns.add(job.id(), chunk.campaign, now());
            // what the town wrote about the work goes to the cases (now, or when the classification opens them)
            reports.receive(chunk.townReports, job.username());
            campaignNanos += System.nanoTime() - campaignStart;
            outcomes.add(chunk.outcomes, counts);
        }
    }
}
