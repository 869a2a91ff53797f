package org.qingyuan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.sheets.BenchLedgers;
import org.qingyuan.support.Multipart;
import org.qingyuan.support.WebClient;

/**
 * {@code kill -9} of a real platform process (issue 22 §2) while an export, a classification batch, a case step
 * (an item recorded with a photo) and an import are all in flight, each at the last moment before its commit: every
 * one of them has written its rows and waits for the audit chain's lock, which the test holds. The JVM is killed with
 * SIGKILL, the lock released, and the orphaned PostgreSQL rolls the four transactions back as their backends find the
 * client gone. Nothing partial is left; the platform started again on the same data fails the import's job (its
 * workbook imports again), classifies the batch, takes the same step again and exports again, and the chain verifies.
 */
class ProcessKillTests {

    static final String EXPORT = "/api/v1/exports/ledger.xlsx?layout=survey-ledger&division=410108001";
    static final String PASSWORD = "Qingyuan@2026";
    static final int IMPORT_ROWS = 5_000;
    /** sheets.internal.ImportRunner's LOCK_SPACE ('SHTS'). */
    static final int IMPORT_LOCK_SPACE = 0x53485453;

    @TempDir
    Path work;

    @Test
    void killMinusNineMidCommitOfAnExportABatchACaseStepAndAnImportLeavesNothingPartial() throws Exception {
        try (ChildPlatform platform = new ChildPlatform(work.resolve("data"))) {
            long t0 = System.nanoTime();
            platform.start(240);
            long firstStart = ms(t0);
            WebClient district = signedIn(platform, "district");
            WebClient town = signedIn(platform, "town");
            String prefix = "K" + UUID.randomUUID().toString().substring(0, 4);
            byte[] workbook = BenchLedgers.surveyLedger(IMPORT_ROWS, prefix);

            Fixture f;
            long job;
            CompletableFuture<Integer> export;
            CompletableFuture<Integer> step;
            long auditAtKill;
            try (Connection db = DriverManager.getConnection(platform.jdbcUrl())) {
                f = Fixture.find(db);
                // the import runs for seconds before it reaches its commit: posted first, the chain taken right after
                HttpResponse<String> posted = postImport(district, workbook);
                assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
                job = jsonLong(posted.body(), "id");
                try (Connection chain = holdAuditChain(platform)) {
                    auditAtKill = count(db, "SELECT count(*) FROM audit_record");
                    // a batch to classify, as after an import: never classified, their cases to open again
                    update(db, "UPDATE rectification_case SET state = 'WITHDRAWN' WHERE enterprise_id = ANY (?)", (Object) f.enterprises);
                    update(db, "UPDATE enterprise_classification SET stale = true, stale_reason = '进程终止演练', current_id = NULL"
                            + " WHERE enterprise_id = ANY (?)", (Object) f.enterprises);
                    f.classification = classification(db, f.enterprises);
                    f.trace = trace(db, f.caseId);
                    export = CompletableFuture.supplyAsync(() -> status(() -> district.get(EXPORT)));
                    step = CompletableFuture.supplyAsync(() -> status(() -> recordItem(town, f)));
                    Waiters waiting = awaitAllWaiting(chain, job, export, platform);
                    System.out.println("ProcessKillTests: in flight at the kill: " + waiting);

                    t0 = System.nanoTime();
                    platform.kill();   // SIGKILL of the JVM with all four transactions open at their commit
                    chain.rollback();  // the chain is free: each backend takes it, writes its record, finds its client gone
                    awaitGone(db, waiting.pids());
                    System.out.println("ProcessKillTests: kill -9 to the last backend rolled back: " + ms(t0) + " ms");
                }

                // the orphaned database, as the killed node left it
                assertThat(export.get(30, TimeUnit.SECONDS)).as("the export was never answered as complete").isNotEqualTo(200);
                assertThat(step.get(30, TimeUnit.SECONDS)).as("the step was never answered as done").isNotEqualTo(200);
                assertThat(count(db, "SELECT count(*) FROM audit_record")).as("no audit record of any of them").isEqualTo(auditAtKill);
                assertThat(trace(db, f.caseId)).as("item, evidence, attachment, step, version").containsExactly(f.trace);
                assertThat(classification(db, f.enterprises)).as("the batch: stale, unclassified, records, case").isEqualTo(f.classification);
                assertThat(f.classification).allMatch(s -> s.startsWith("true/false/") && s.endsWith("/WITHDRAWN"));
                assertThat(count(db, "SELECT count(*) FROM enterprise WHERE name LIKE ?", prefix + "%")).as("nothing imported").isZero();
                assertThat(text(db, "SELECT state FROM sheet_import WHERE id = ?", job)).isEqualTo("RUNNING");
            }

            t0 = System.nanoTime();
            platform.start(120);   // on the same data: stops the orphaned postmaster, starts again
            long restart = ms(t0);
            try (Connection db = DriverManager.getConnection(platform.jdbcUrl())) {
                WebClient district2 = signedIn(platform, "district");
                WebClient town2 = signedIn(platform, "town");
                // the import: failed by the sweep at start, nothing of it in the ledger, and the same workbook imports
                await("the dead node's job is failed", 40, () -> "FAILED".equals(text(db, "SELECT state FROM sheet_import WHERE id = ?", job)));
                assertThat(text(db, "SELECT message FROM sheet_import WHERE id = ?", job)).contains("未写入任何数据");
                assertThat(count(db, "SELECT count(*) FROM enterprise WHERE name LIKE ?", prefix + "%")).isZero();
                long failedAfter = ms(t0);
                t0 = System.nanoTime();
                long again = jsonLong(postImport(district2, workbook).body(), "id");
                await("the workbook imported again", 120,
                        () -> "COMMITTED".equals(text(db, "SELECT state FROM sheet_import WHERE id = ?", again)));
                assertThat(count(db, "SELECT count(*) FROM enterprise WHERE name LIKE ?", prefix + "%"))
                        .isEqualTo(count(db, "SELECT accepted_rows FROM sheet_import WHERE id = ?", again)).isPositive();
                long reimport = ms(t0);
                t0 = System.nanoTime();

                // the batch: classified by the next run, each current record its own enterprise's, the cases open again
                await("the batch classified", 60, () -> classification(db, f.enterprises).stream().allMatch(s -> s.startsWith("false/true/")));
                long classified = ms(t0);
                assertThat(classification(db, f.enterprises)).noneMatch(s -> s.endsWith("/WITHDRAWN"));
                assertThat(count(db, """
                        SELECT count(*) FROM enterprise_classification ec JOIN classification_record r ON r.id = ec.current_id
                         WHERE ec.enterprise_id = ANY (?) AND r.enterprise_id <> ec.enterprise_id""", (Object) f.enterprises)).isZero();

                // the case step: nothing of it, and the same step (same version) taken again succeeds
                assertThat(trace(db, f.caseId)).containsExactly(f.trace);
                HttpResponse<String> retaken = recordItem(town2, f);
                assertThat(retaken.statusCode()).as(retaken.body()).isEqualTo(200);
                long[] after = trace(db, f.caseId);
                assertThat(after[0]).isEqualTo(1);
                assertThat(after[1]).isPositive();
                assertThat(after[2]).isPositive();
                assertThat(after[3]).isEqualTo(1);
                assertThat(after[4]).isEqualTo(f.trace[4] + 1);
                // every attachment row finds its object, and no upload is left half-written in the store's tmp
                for (String sm3 : strings(db, "SELECT sm3 FROM evidence_attachment UNION SELECT thumbnail_sm3 FROM evidence_attachment"
                        + " WHERE thumbnail_sm3 IS NOT NULL")) {
                    assertThat(platform.dataDir().resolve("evidence/objects").resolve(sm3.substring(0, 2)).resolve(sm3.substring(2, 4))
                            .resolve(sm3)).as("object %s", sm3).exists();
                }
                assertThat(filesUnder(platform.dataDir().resolve("evidence/tmp"))).as("uploads left in tmp").isEmpty();

                // the export: nothing written to disk by the killed one; asked again it is answered and audited once
                long exports = count(db, "SELECT count(*) FROM audit_record WHERE action = 'LEDGER_EXPORTED' AND outcome = 'SUCCESS'");
                assertThat(filesUnder(platform.dataDir()).stream().filter(p -> p.toString().endsWith(".xlsx"))
                        .filter(p -> !p.startsWith(platform.dataDir().resolve("imports")))).as("workbooks outside imports/").isEmpty();
                assertThat(district2.get(EXPORT).statusCode()).isEqualTo(200);
                assertThat(count(db, "SELECT count(*) FROM audit_record WHERE action = 'LEDGER_EXPORTED' AND outcome = 'SUCCESS'"))
                        .isEqualTo(exports + 1);

                WebClient auditor = signedIn(platform, "auditor");
                HttpResponse<String> chain = auditor.get("/api/v1/audit/verification");
                assertThat(chain.statusCode()).isEqualTo(200);
                assertThat(chain.body()).contains("\"intact\":true");
                long objects = filesUnder(platform.dataDir().resolve("evidence/objects")).size();
                long referenced = count(db, "SELECT count(*) FROM (SELECT sm3 FROM evidence_attachment UNION"
                        + " SELECT thumbnail_sm3 FROM evidence_attachment WHERE thumbnail_sm3 IS NOT NULL) x");
                System.out.printf("ProcessKillTests: first start (demo) %d ms, restart after the kill %d ms (job failed %d ms after"
                        + " the restart began), %d rows imported again in %d ms, batch classified %d ms later; objects %d,"
                        + " referenced %d%n", firstStart, restart, failedAfter, IMPORT_ROWS, reimport, classified, objects, referenced);
            }
        }
    }

    /** What the test picks from the demo data, and what it saw just before the kill. */
    static final class Fixture {
        long caseId;
        int version;
        double latitude;
        double longitude;
        Long[] enterprises;
        List<String> classification;
        long[] trace;

        static Fixture find(Connection db) throws Exception {
            Fixture f = new Fixture();
            try (PreparedStatement s = db.prepareStatement("""
                    SELECT c.id, c.version, c.latitude, c.longitude FROM rectification_case c
                     WHERE c.division_code LIKE '410108001%' AND c.state = 'REGISTERED' AND 'CLEAR_MATERIALS' = ANY (c.requirements)
                       AND c.latitude IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM rectification_item i WHERE i.case_id = c.id)
                     ORDER BY c.id LIMIT 1"""); ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("a registered shutdown case in the first town").isTrue();
                f.caseId = rs.getLong(1);
                f.version = rs.getInt(2);
                f.latitude = rs.getDouble(3);
                f.longitude = rs.getDouble(4);
            }
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement("""
                    SELECT ec.enterprise_id FROM enterprise_classification ec JOIN rectification_case c ON c.enterprise_id = ec.enterprise_id
                     WHERE NOT ec.stale AND ec.current_id IS NOT NULL AND c.state = 'REGISTERED' AND c.id <> ?
                     ORDER BY ec.enterprise_id LIMIT 3""")) {
                s.setLong(1, f.caseId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            assertThat(ids).hasSize(3);
            f.enterprises = ids.toArray(Long[]::new);
            return f;
        }
    }

    /** The backends waiting for the chain lock, by what they hold. */
    record Waiters(List<Integer> pids, boolean importing, boolean classifying, boolean stepping, int others) {
        boolean all() {
            return importing && classifying && stepping && others > 0;
        }
    }

    static Waiters waiters(Connection chain, long job) throws Exception {
        List<Integer> pids = new ArrayList<>();
        boolean importing = false;
        boolean classifying = false;
        boolean stepping = false;
        int others = 0;
        try (PreparedStatement s = chain.prepareStatement("""
                SELECT w.pid,
                       EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = w.pid AND l.locktype = 'advisory' AND l.granted
                                  AND l.classid = ? AND l.objid = ? AND l.objsubid = 2),
                       EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = w.pid AND l.mode = 'RowExclusiveLock'
                                  AND l.relation = 'classification_record'::regclass),
                       EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = w.pid AND l.mode = 'RowExclusiveLock'
                                  AND l.relation = 'evidence_attachment'::regclass)
                  FROM pg_locks w WHERE w.locktype = 'advisory' AND NOT w.granted AND w.classid = ? AND w.objid = ? AND w.objsubid = 1""")) {
            s.setLong(1, IMPORT_LOCK_SPACE);
            s.setLong(2, job);
            s.setLong(3, KilledMidCommit.CHAIN_LOCK >>> 32);
            s.setLong(4, KilledMidCommit.CHAIN_LOCK & 0xFFFF_FFFFL);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                    if (rs.getBoolean(2)) {
                        importing = true;
                    } else if (rs.getBoolean(3)) {
                        classifying = true;
                    } else if (rs.getBoolean(4)) {
                        stepping = true;
                    } else {
                        others++;
                    }
                }
            }
        }
        return new Waiters(pids, importing, classifying, stepping, others);
    }

    static Waiters awaitAllWaiting(Connection chain, long job, CompletableFuture<Integer> export, ChildPlatform platform)
            throws Exception {
        Waiters w = null;
        for (int i = 0; i < 600; i++) {
            w = waiters(chain, job);
            if (w.all()) {
                assertThat(export).as("the export is still in flight").isNotDone();
                return w;
            }
            Thread.sleep(100);
        }
        StringBuilder held = new StringBuilder();
        try (PreparedStatement s = chain.prepareStatement("""
                SELECT l.pid, string_agg(DISTINCT l.relation::regclass::text, ',') FROM pg_locks l
                 WHERE l.mode = 'RowExclusiveLock' AND l.relation IS NOT NULL GROUP BY l.pid""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                held.append(rs.getInt(1)).append(": ").append(rs.getString(2)).append('\n');
            }
        }
        throw new AssertionError("not all four at their commit in 60 s: " + w + "\n" + held + platform.logTail());
    }

    static Connection holdAuditChain(ChildPlatform platform) throws Exception {
        Connection c = DriverManager.getConnection(platform.jdbcUrl());
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            s.setLong(1, KilledMidCommit.CHAIN_LOCK);
            s.executeQuery().close();
        }
        return c;
    }

    static void awaitGone(Connection db, List<Integer> pids) throws Exception {
        await("the killed node's backends end", 30,
                () -> count(db, "SELECT count(*) FROM pg_stat_activity WHERE pid = ANY (?)", (Object) pids.toArray(Integer[]::new)) == 0);
    }

    static WebClient signedIn(ChildPlatform platform, String user) {
        WebClient client = new WebClient(platform.httpPort());
        client.login(user, PASSWORD);
        client.get("/");   // the XSRF-TOKEN cookie
        return client;
    }

    static HttpResponse<String> postImport(WebClient client, byte[] workbook) {
        Multipart body = new Multipart().file("file", "kill.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                workbook).field("layout", "survey-ledger").field("mode", "valid-rows");
        return client.postBytes("/api/v1/imports", body.contentType(), body.bytes(), "X-XSRF-TOKEN", client.cookie("XSRF-TOKEN"));
    }

    static HttpResponse<String> recordItem(WebClient client, Fixture f) {
        byte[] photo = DemoPhotos.sitePhoto(true, f.caseId, "kill", Instant.now() /* not minutes earlier: after midnight in China that is the day before the case */, f.latitude + 0.0002,
                f.longitude);
        Multipart body = new Multipart().file("files", "现场.jpg", "image/jpeg", photo).field("version", Integer.toString(f.version))
                .field("note", "原料已清除");
        return client.postBytes("/api/v1/cases/" + f.caseId + "/items/CLEAR_MATERIALS", body.contentType(), body.bytes(),
                "X-XSRF-TOKEN", client.cookie("XSRF-TOKEN"));
    }

    interface Call {
        HttpResponse<String> send();
    }

    /** The status, or -1 when the connection went away under the answer (the client sees a broken response). */
    static int status(Call call) {
        try {
            return call.send().statusCode();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The case's item, evidence, attachments, recorded steps and version. */
    static long[] trace(Connection db, long caseId) throws Exception {
        return new long[] {
                count(db, "SELECT count(*) FROM rectification_item WHERE case_id = ? AND requirement = 'CLEAR_MATERIALS'", caseId),
                count(db, "SELECT count(*) FROM rectification_evidence WHERE case_id = ?", caseId),
                count(db, "SELECT count(*) FROM evidence_attachment WHERE owner_type = 'RectificationCase' AND owner_id = ?", caseId),
                count(db, "SELECT count(*) FROM rectification_step WHERE case_id = ? AND kind = 'ITEM_RECORDED'", caseId),
                count(db, "SELECT version FROM rectification_case WHERE id = ?", caseId)};
    }

    /** Per enterprise: stale, has a current record, its records, its case's state. */
    static List<String> classification(Connection db, Long[] ids) {
        List<String> out = new ArrayList<>();
        for (Long id : ids) {
            out.add(text(db, """
                    SELECT ec.stale || '/' || (ec.current_id IS NOT NULL) || '/'
                        || (SELECT count(*) FROM classification_record r WHERE r.enterprise_id = ec.enterprise_id) || '/'
                        || (SELECT c.state FROM rectification_case c WHERE c.enterprise_id = ec.enterprise_id)
                      FROM enterprise_classification ec WHERE ec.enterprise_id = ?""", id));
        }
        return out;
    }

    static List<Path> filesUnder(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.startsWith(dir.resolve("postgres"))).toList();
        }
    }

    static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    static long jsonLong(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as("%s in %s", field, json).isTrue();
        return Long.parseLong(m.group(1));
    }

    static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError(what + ": not within " + seconds + " s");
            }
            Thread.sleep(200);
        }
    }

    static PreparedStatement bind(Connection db, String sql, Object... params) throws Exception {
        PreparedStatement s = db.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            s.setObject(i + 1, p instanceof Object[] array ? db.createArrayOf(array instanceof Integer[] ? "int4" : "int8", array) : p);
        }
        return s;
    }

    static long count(Connection db, String sql, Object... params) {
        try (PreparedStatement s = bind(db, sql, params); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static String text(Connection db, String sql, Object... params) {
        try (PreparedStatement s = bind(db, sql, params); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static List<String> strings(Connection db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static void update(Connection db, String sql, Object... params) throws Exception {
        try (PreparedStatement s = bind(db, sql, params)) {
            s.executeUpdate();
        }
    }
}
