package org.qingyuan.supervision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import org.qingyuan.BenchClient;
import org.qingyuan.QingyuanApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A supervision round over a district of {@code COUNT} (default 50,000) enterprises; run by {@code bench/supervision.sh},
 * not by the test suite. On a persistent embedded database under {@code target/bench-supervision} it generates (once) the
 * enterprises over the district's villages, three in five with a case (half of those closed out), then times over HTTP
 * the whole draw (freezing the population, its SM3 digest, the stratified draw, storing the round, its allocation and
 * its tasks), the re-run from the stored seed and list, and the towns' estimates.
 */
public final class SupervisionBenchmark {

    private static final int RUNS = 7;

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(System.getProperty("count", "50000"));
        String dataDir = System.getProperty("dataDir", "target/bench-supervision");
        ConfigurableApplicationContext context = SpringApplication.run(QingyuanApplication.class,
                "--qingyuan.data-dir=" + dataDir, "--qingyuan.embedded.ephemeral=false", "--qingyuan.demo=true",
                "--qingyuan.classification.interval=PT24H", "--server.port=0", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        try {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            if (jdbc.sql("SELECT count(*) FROM enterprise WHERE created_by = 'bench-supervision'").query(Long.class).single() == 0) {
                long started = System.nanoTime();
                generate(jdbc, count);
                System.out.printf("generated in %.1f s%n", (System.nanoTime() - started) / 1e9);
            }
            System.out.printf("active enterprises in 410108 %,d, cases %,d (closed out %,d)%n",
                    jdbc.sql("SELECT count(*) FROM enterprise WHERE status = 'ACTIVE' AND division_code LIKE '410108%'").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM rectification_case").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM rectification_case WHERE state = 'CLOSED_OUT'").query(Long.class).single());
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            BenchClient supervisor = new BenchClient(port, "supervisor");
            List<Double> draws = new ArrayList<>();
            String last = null;
            for (int i = 0; i < 2; i++) {
                supervisor.post("/api/v1/supervision/rounds", "{\"name\": \"预热\", \"mode\": \"OPEN\", \"seed\": \"warm-" + System.nanoTime() + "\"}");
            }
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                last = supervisor.post("/api/v1/supervision/rounds", "{\"name\": \"基准轮次" + i + "\", \"mode\": \"COVERT\", \"seed\": \"bench-" + System.nanoTime() + "-" + i + "\"}");
                draws.add((System.nanoTime() - t) / 1e6);
            }
            report("draw of a round (freeze, digest, draw, store)", draws);
            String id = last.replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
            List<Double> reruns = new ArrayList<>();
            List<Double> estimates = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                String rerun = supervisor.get("/api/v1/supervision/rounds/" + id + "/rerun");
                reruns.add((System.nanoTime() - t) / 1e6);
                if (!rerun.contains("\"identical\":true")) {
                    throw new IllegalStateException("re-run differs: " + rerun);
                }
                t = System.nanoTime();
                supervisor.get("/api/v1/supervision/rounds/" + id + "/estimates");
                estimates.add((System.nanoTime() - t) / 1e6);
            }
            report("re-run from the stored seed and list", reruns);
            report("towns' estimates", estimates);
            System.out.println(last.substring(0, Math.min(400, last.length())));
        } finally {
            context.close();
        }
    }

    private static void report(String what, List<Double> ms) {
        Collections.sort(ms);
        System.out.printf("%s: p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d runs)%n", what, ms.get(ms.size() / 2),
                ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.get(ms.size() - 1), ms.size());
    }

    private static void generate(JdbcClient jdbc, int count) {
        jdbc.sql("SELECT setseed(0.17)").query().singleValue();
        jdbc.sql("""
                CREATE TEMP TABLE bench_villages AS
                SELECT array_agg(code ORDER BY code) AS codes FROM division WHERE code LIKE '410108%' AND length(code) = 12
                """).update();
        jdbc.sql("""
                INSERT INTO enterprise (name, name_key, division_code, enterprise_type, discovery, reported_on, longitude, latitude,
                                        created_at, created_by, updated_at, updated_by, version)
                SELECT '督查基准企业' || n, 'supervisionbench' || n, v.codes[1 + n % array_length(v.codes, 1)], 'SLW', 'PATROL',
                       current_date - 200, 113.6 + random() * 0.1, 34.8 + random() * 0.1, now() - interval '200 days',
                       'bench-supervision', now(), 'bench-supervision', 1
                  FROM generate_series(1, :n) n CROSS JOIN bench_villages v
                """).param("n", count).update();
        jdbc.sql("""
                INSERT INTO enterprise_version (enterprise_id, version, action, changed_at, changed_by, reason, changes)
                SELECT id, 1, 'REGISTERED', created_at, 'bench', '基准数据', '{}' FROM enterprise WHERE created_by = 'bench-supervision'
                """).update();
        jdbc.sql("""
                INSERT INTO rectification_case (enterprise_id, enterprise_name, division_code, measure, measure_name, requirements, state,
                                                town_code, closed_out_on, opened_at, updated_at, version)
                SELECT e.id, e.name, e.division_code, (ARRAY['SHUTDOWN','RELOCATE','REMEDIATE'])[1 + e.id % 3],
                       (ARRAY['关停取缔','搬迁入园','整治规范'])[1 + e.id % 3], '{}',
                       CASE WHEN e.id % 2 = 0 THEN 'CLOSED_OUT' ELSE 'IN_PROGRESS' END, left(e.division_code, 9),
                       CASE WHEN e.id % 2 = 0 THEN current_date - 40 END, now() - interval '100 days', now(), 0
                  FROM enterprise e WHERE e.created_by = 'bench-supervision' AND e.id % 5 < 3
                """).update();
        jdbc.sql("ANALYZE").update();
    }
}
