package org.qingyuan.gatekeeping;

import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.qingyuan.QingyuanApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gatekeeping lookups at scale; run by {@code bench/gatekeeping.sh}, not by the test suite. Starts the platform on a
 * persistent embedded database, fills the ledger with {@code count} enterprises (15 % in the villages of 惠济区 410108,
 * the rest in the other towns of Henan; every one with a credit code and a site point), once, then drives
 * {@code GET /api/v1/gatekeeping/lookup} over HTTP with a bearer token of a department (scope 410108) from
 * {@code threads} clients for {@code seconds} per way, and prints throughput and p50/p95/p99 by credit code and by
 * coordinates. Each lookup is audited as in production; the token's rate limit is raised for the run.
 */
public final class GatekeepingBenchmark {

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(System.getProperty("count", "1000000"));
        int threads = Integer.parseInt(System.getProperty("threads", "8"));
        int seconds = Integer.parseInt(System.getProperty("seconds", "20"));
        String dataDir = System.getProperty("dataDir", "target/bench-gatekeeping");
        ConfigurableApplicationContext context = SpringApplication.run(QingyuanApplication.class,
                "--qingyuan.data-dir=" + dataDir, "--qingyuan.embedded.ephemeral=false", "--spring.flyway.out-of-order=true",
                "--qingyuan.demo=true", "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--qingyuan.gatekeeping.rate-per-second=1000000", "--qingyuan.gatekeeping.burst=1000000",
                // the production default unless asked (the test resources on the class path set await-reads=true)
                "--qingyuan.audit.await-reads=" + System.getProperty("awaitReads", "false"));
        System.out.println("audited reads: " + (Boolean.getBoolean("awaitReads") ? "awaited (committed before the answer)"
                : "queued (committed by the group appender after the answer)"));
        try {
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            long have = jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single();
            if (have < count) {
                long started = System.nanoTime();
                generate(dataSource, jdbc, count - (int) have);
                System.out.printf("generated %,d enterprises in %.1f s%n", count - have, (System.nanoTime() - started) / 1e9);
                started = System.nanoTime();
                jdbc.sql("VACUUM (ANALYZE) enterprise").update();
                System.out.printf("vacuum analyze in %.1f s%n", (System.nanoTime() - started) / 1e9);
            }
            System.out.printf("enterprises: %,d (in 410108: %,d)%n",
                    jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM enterprise WHERE division_code LIKE '410108%'").query(Long.class).single());
            String token = "qy_bench_gatekeeping_0123456789abcdefghijklmnopqrstu";
            jdbc.sql("""
                            INSERT INTO api_token (name, token_hash, token_prefix, role_code, division_code, department_code,
                                                   permissions, created_by)
                            VALUES ('bench-gatekeeping', :hash, 'qy_bench', 'DEPARTMENT_OFFICER', '410108', 'MARKET_REGULATION',
                                    '{GATEKEEPING}', 'bench')
                            ON CONFLICT (token_hash) DO UPDATE SET permissions = '{GATEKEEPING}' 
                            """)
                    .param("hash", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(token.getBytes(StandardCharsets.UTF_8)))).update();
            List<String> codes = jdbc.sql("""
                    SELECT credit_code FROM enterprise WHERE division_code LIKE '410108%' AND credit_code IS NOT NULL
                     ORDER BY md5(id::text) LIMIT 5000
                    """).query(String.class).list();
            explain(jdbc, codes.get(0));
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Random random = new Random(18);
            run("credit code", port, token, threads, seconds,
                    i -> "creditCode=" + codes.get(Math.floorMod(i * 7919, codes.size())));
            run("coordinates", port, token, threads, seconds, i -> {
                synchronized (random) {
                    return String.format("lat=%.6f&lon=%.6f", 34.80 + random.nextDouble() * 0.18, 113.50 + random.nextDouble() * 0.28);
                }
            });
        } finally {
            context.close();
        }
    }

    private static void run(String label, int port, String token, int threads, int seconds, IntFunction<String> query)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int phase = 0; phase < 2; phase++) {
            boolean warmup = phase == 0;
            long end = System.nanoTime() + (warmup ? 5 : seconds) * 1_000_000_000L;
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            List<Thread> workers = new ArrayList<>();
            long started = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        String q = query.apply(next.getAndIncrement());
                        long t0 = System.nanoTime();
                        try {
                            var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                            + "/api/v1/gatekeeping/lookup?" + q)).header("Authorization", "Bearer " + token).GET().build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - t0);
                    }
                });
                worker.start();
                workers.add(worker);
            }
            for (Thread w : workers) {
                w.join();
            }
            if (warmup) {
                continue;
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("by %-11s: %,d lookups in %.1f s = %.0f/s with %d clients, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, failures %d%n",
                    label, sorted.size(), elapsed, sorted.size() / elapsed, threads, ms(sorted, 0.50), ms(sorted, 0.95),
                    ms(sorted, 0.99), failures.get());
        }
    }

    /** Prints the plan of the credit-code lookup's ledger query (it must use enterprise_credit_code_idx). */
    private static void explain(JdbcClient jdbc, String code) {
        jdbc.sql("""
                        EXPLAIN (ANALYZE, BUFFERS) SELECT id, name, division_code, address, longitude, latitude FROM enterprise
                         WHERE credit_code = :code AND status = 'ACTIVE' AND division_code LIKE :prefix || '%'
                         ORDER BY id LIMIT 20
                        """)
                .param("code", code).param("prefix", "410108").query(String.class).list()
                .forEach(line -> System.out.println("plan: " + line));
        // the lookup's two reads per answer: the ledger lines of the matched ids and their cases' standing
        Long[] ids = jdbc.sql("""
                        SELECT e.id FROM enterprise e WHERE e.division_code LIKE '410108%'
                         ORDER BY EXISTS (SELECT 1 FROM rectification_case c WHERE c.enterprise_id = e.id) DESC, e.id LIMIT 10
                        """).query(Long.class).list().toArray(Long[]::new);
        jdbc.sql("""
                        EXPLAIN (ANALYZE, BUFFERS) SELECT e.id, e.name, e.credit_code, e.division_code, e.address,
                               cr.category, cr.measure_kind, cr.measure_label, co.measure_kind, co.measure_label,
                               co.id IS NOT NULL, coalesce(ec.stale, false)
                          FROM enterprise e
                          LEFT JOIN enterprise_classification ec ON ec.enterprise_id = e.id
                          LEFT JOIN classification_record cr ON cr.id = ec.current_id
                          LEFT JOIN classification_override co ON co.id = ec.override_id AND co.cleared_at IS NULL
                         WHERE e.id = ANY(:ids) AND e.status = 'ACTIVE' AND e.division_code LIKE :prefix || '%'
                        """)
                .param("ids", ids).param("prefix", "410108").query(String.class).list()
                .forEach(line -> System.out.println("plan (listed): " + line));
        jdbc.sql("""
                        EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, c.enterprise_id, c.measure, c.measure_name, c.state, c.closed_out_on
                          FROM rectification_case c WHERE c.enterprise_id = ANY(:ids) AND c.division_code LIKE :prefix || '%'
                        """)
                .param("ids", ids).param("prefix", "410108").query(String.class).list()
                .forEach(line -> System.out.println("plan (standings): " + line));
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private static void generate(DataSource dataSource, JdbcClient jdbc, int count) throws Exception {
        List<String> villages = jdbc.sql("SELECT code FROM division WHERE code LIKE '410108%' AND length(code) = 12")
                .query(String.class).list();
        List<String> towns = jdbc.sql("""
                SELECT t.code FROM division t WHERE t.code LIKE '41%' AND length(t.code) = 9 AND t.code NOT LIKE '410108%'
                   AND NOT EXISTS (SELECT 1 FROM division x WHERE x.parent_code = t.code)
                """).query(String.class).list();
        Random random = new Random(20261205);
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        String now = java.time.OffsetDateTime.now().toString();
        try (Connection connection = dataSource.getConnection()) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            Reader rows = new Reader() {
                int produced;
                final StringBuilder buffer = new StringBuilder();
                int position;

                @Override
                public int read(char[] out, int off, int len) {
                    while (position >= buffer.length()) {
                        if (produced >= count) {
                            return -1;
                        }
                        buffer.setLength(0);
                        position = 0;
                        for (int i = 0; i < 1000 && produced < count; i++, produced++) {
                            boolean home = random.nextInt(100) < 15;
                            String division = home ? villages.get(random.nextInt(villages.size())) : towns.get(random.nextInt(towns.size()));
                            StringBuilder code = new StringBuilder("92").append(division, 0, 6);
                            for (int k = 0; k < 9; k++) {
                                code.append(chars.charAt(random.nextInt(chars.length())));
                            }
                            code.append(org.qingyuan.shared.CreditCode.checkCharacter(code.toString()));
                            double lat = home ? 34.80 + random.nextDouble() * 0.18 : 32 + random.nextDouble() * 4;
                            double lon = home ? 113.50 + random.nextDouble() * 0.28 : 111 + random.nextDouble() * 5;
                            String name = "基准" + produced + "号加工厂";
                            buffer.append(name).append('\t').append(name).append('\t').append(code).append('\t').append(division)
                                    .append('\t').append("基准路").append(produced % 400).append("号").append('\t')
                                    .append(String.format("%.6f", lon)).append('\t').append(String.format("%.6f", lat))
                                    .append("\tSLW\tPATROL\t2020-01-01\tACTIVE\t").append(now).append("\tbench\t").append(now)
                                    .append("\tbench\n");
                        }
                    }
                    int n = Math.min(len, buffer.length() - position);
                    buffer.getChars(position, position + n, out, off);
                    position += n;
                    return n;
                }

                @Override
                public void close() {
                }
            };
            pg.getCopyAPI().copyIn("""
                    COPY enterprise (name, name_key, credit_code, division_code, address, longitude, latitude, enterprise_type,
                                     discovery, reported_on, status, created_at, created_by, updated_at, updated_by)
                    FROM STDIN
                    """, rows);
        }
    }
}
