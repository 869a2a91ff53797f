package org.qingyuan.patrol;

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
 * Patrols at a town's scale; run by {@code bench/patrol.sh}, not by the test suite. On a persistent embedded database
 * under {@code target/bench-patrol} it generates (once) a town of {@code COUNT} (default 10,000) enterprises in the
 * first town's villages, 200 grids with one grid member each (the demo account {@code grid} joins the first of them),
 * cases for three in five, and 30 days of daily patrols with {@code CHECK_INS} (default 1,000,000) check-ins; then
 * prints the p95 over HTTP of the town's coverage by grid for the 30 days and of the grid member's daily list.
 */
public final class PatrolBenchmark {

    private static final int WARMUP = 10;
    private static final int RUNS = 60;

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(System.getProperty("count", "10000"));
        int checkIns = Integer.parseInt(System.getProperty("checkIns", "1000000"));
        String dataDir = System.getProperty("dataDir", "target/bench-patrol");
        ConfigurableApplicationContext context = SpringApplication.run(QingyuanApplication.class,
                "--qingyuan.data-dir=" + dataDir, "--qingyuan.embedded.ephemeral=false", "--qingyuan.demo=true",
                "--qingyuan.classification.interval=PT24H", "--server.port=0", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        try {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            if (jdbc.sql("SELECT count(*) FROM grid WHERE name LIKE 'bench-%'").query(Long.class).single() == 0) {
                long started = System.nanoTime();
                generate(jdbc, count, checkIns);
                System.out.printf("generated in %.1f s%n", (System.nanoTime() - started) / 1e9);
            }
            System.out.printf("enterprises in 410108001 %,d, grids %,d, cases %,d, patrols %,d, check-ins %,d%n",
                    jdbc.sql("SELECT count(*) FROM enterprise WHERE division_code LIKE '410108001%'").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM grid").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM rectification_case").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM patrol").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM patrol_check_in").query(Long.class).single());
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            BenchClient district = new BenchClient(port, "district");
            measure("coverage of 410108001 by grid, last 30 days", district, "/api/v1/statistics/coverage?division=410108001&by=grid");
            BenchClient grid = new BenchClient(port, "grid");
            measure("the grid member's daily list (今日巡查)", grid, "/api/v1/patrols/today");
            System.out.println(district.get("/api/v1/statistics/coverage?division=410108001&by=grid").substring(0, 400));
        } finally {
            context.close();
        }
    }

    private static void measure(String what, BenchClient client, String path) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            client.get(path);
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            client.get(path);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", what, ms.get(ms.size() / 2),
                ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.get(ms.size() - 1));
    }

    private static void generate(JdbcClient jdbc, int count, int checkIns) {
        jdbc.sql("SELECT setseed(0.16)").query().singleValue();
        jdbc.sql("""
                CREATE TEMP TABLE bench_villages AS
                SELECT array_agg(code ORDER BY code) AS codes FROM division WHERE code LIKE '410108001%' AND length(code) = 12
                """).update();
        // 200 grids over the town's villages, one member each; the demo grid member joins the first (in his village)
        jdbc.sql("""
                INSERT INTO grid (village_code, name, created_at, created_by, updated_at, updated_by)
                SELECT v.codes[1 + (g - 1) % array_length(v.codes, 1)], 'bench-' || g, now(), 'bench', now(), 'bench'
                  FROM generate_series(1, 200) g CROSS JOIN bench_villages v
                """).update();
        jdbc.sql("INSERT INTO grid_member (grid_id, username) SELECT id, 'bench-' || id FROM grid WHERE name LIKE 'bench-%'").update();
        jdbc.sql("INSERT INTO grid_member (grid_id, username) SELECT id, 'grid' FROM grid WHERE name = 'bench-1'").update();
        jdbc.sql("""
                INSERT INTO enterprise (name, name_key, division_code, enterprise_type, discovery, reported_on, longitude, latitude,
                                        created_at, created_by, updated_at, updated_by, version)
                SELECT '巡查基准企业' || n, 'patrolbench' || n, g.village_code, 'SLW', 'PATROL', current_date - 200,
                       113.6 + random() * 0.1, 34.8 + random() * 0.1, now() - interval '200 days', 'bench', now(), 'bench', 1
                  FROM generate_series(1, :n) n
                  JOIN LATERAL (SELECT village_code FROM grid WHERE name = 'bench-' || (1 + n % 200)) g ON true
                """).param("n", count).update();
        jdbc.sql("""
                INSERT INTO enterprise_version (enterprise_id, version, action, changed_at, changed_by, reason, changes)
                SELECT id, 1, 'REGISTERED', created_at, 'bench', '基准数据', '{}' FROM enterprise WHERE created_by = 'bench' AND name_key LIKE 'patrolbench%'
                """).update();
        jdbc.sql("""
                INSERT INTO grid_enterprise (enterprise_id, grid_id, assigned_by, assigned_at, assigned_user)
                SELECT e.id, g.id, 'HAND', now(), 'bench'
                  FROM enterprise e JOIN grid g ON g.name = 'bench-' || (1 + substring(e.name_key from 12)::int % 200)
                 WHERE e.name_key LIKE 'patrolbench%'
                """).update();
        jdbc.sql("""
                INSERT INTO rectification_case (enterprise_id, enterprise_name, division_code, measure, measure_name, requirements, state,
                                                town_code, closed_out_on, opened_at, updated_at, version)
                SELECT e.id, e.name, e.division_code, 'SHUTDOWN', '关停取缔', '{}',
                       CASE WHEN e.id % 2 = 0 THEN 'CLOSED_OUT' ELSE 'IN_PROGRESS' END, '410108001',
                       CASE WHEN e.id % 2 = 0 THEN current_date - 40 END, now() - interval '100 days', now(), 0
                  FROM enterprise e WHERE e.name_key LIKE 'patrolbench%' AND e.id % 5 < 3
                """).update();
        jdbc.sql("""
                INSERT INTO patrol (kind, division_code, grid_id, participants, started_at, ended_at, started_by)
                SELECT 'DAY', g.village_code, g.id, ARRAY['网格员'], (current_date - d) + time '08:30', (current_date - d) + time '11:30',
                       'bench-' || g.id
                  FROM grid g CROSS JOIN generate_series(1, 30) d WHERE g.name LIKE 'bench-%'
                """).update();
        jdbc.sql("""
                INSERT INTO patrol_check_in (patrol_id, enterprise_id, division_code, checked_at, latitude, longitude, distance_m,
                                             finding, recorded_by)
                SELECT p.id, ge.enterprise_id, p.division_code, p.started_at + (k % 180) * interval '1 minute', 34.85, 113.65,
                       (random() * 400)::int, 'NOTHING', p.started_by
                  FROM patrol p
                  CROSS JOIN LATERAL generate_series(1, :per) k
                  JOIN LATERAL (SELECT enterprise_id FROM grid_enterprise WHERE grid_id = p.grid_id
                                 OFFSET (k * 7) % 50 LIMIT 1) ge ON true
                 WHERE p.started_by LIKE 'bench-%'
                """).param("per", Math.max(1, checkIns / 6000)).update();
        jdbc.sql("ANALYZE").update();
    }
}
