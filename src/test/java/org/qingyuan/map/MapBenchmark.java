package org.qingyuan.map;

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
 * The battle map and the home page at a province's scale; run by {@code bench/map.sh}, not by the test suite. On a
 * persistent embedded database it generates (once) {@code count} enterprises in Henan (default 1,000,000), 5 % of them
 * (50,000) in the villages of 惠济区 410108, every one with a site point, a classification record and, for four in five,
 * a case with a deadline and its opening and last timeline steps; then, as the district office over HTTP, times the
 * district's map data (the first answer of the map page: the whole district's box at zoom 11, clustered on the server;
 * then a street-level box at zoom 16 with single markers), the home page and its weekly chart, and prints p50 / p95.
 */
public final class MapBenchmark {

    private static final int RUNS = 40;

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(System.getProperty("count", "1000000"));
        String dataDir = System.getProperty("dataDir", "target/bench-map");
        ConfigurableApplicationContext context = SpringApplication.run(QingyuanApplication.class,
                "--qingyuan.data-dir=" + dataDir, "--qingyuan.embedded.ephemeral=false", "--spring.flyway.out-of-order=true",
                "--qingyuan.demo=true", "--qingyuan.classification.interval=PT24H", "--server.port=0",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            long have = jdbc.sql("SELECT count(*) FROM enterprise WHERE created_by = 'bench'").query(Long.class).single();
            if (have == 0) {
                long started = System.nanoTime();
                generate(jdbc, count);
                System.out.printf("generated in %.1f s%n", (System.nanoTime() - started) / 1e9);
            }
            System.out.printf("enterprises %,d (in 410108: %,d), cases %,d, case steps %,d%n",
                    jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM enterprise WHERE division_code LIKE '410108%'").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM rectification_case").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM rectification_step").query(Long.class).single());
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            BenchClient district = new BenchClient(port, "district");
            String whole = "/api/v1/map/view?bbox=113.45,34.75,113.83,35.03&zoom=11";
            String street = "/api/v1/map/view?bbox=113.60,34.86,113.62,34.875&zoom=16";
            String overdue = "/api/v1/map/view?bbox=113.45,34.75,113.83,35.03&zoom=11&overdue=true&measure=SHUTDOWN";
            long first = System.nanoTime();
            district.get(whole);
            System.out.printf("district map data, first request after start: %.0f ms%n", (System.nanoTime() - first) / 1e6);
            time("district map data (whole district, zoom 11, cells)", district, whole);
            time("street map data (zoom 16, single markers)", district, street);
            time("district map data filtered (overdue shutdowns)", district, overdue);
            time("unplaced list", district, "/api/v1/map/unplaced");
            long cold = System.nanoTime();
            new BenchClient(port, "town");   // a town's first sign-in ends on its home page, its figures counted there
            System.out.printf("a town's sign-in ending on its home page (its figures counted): %.0f ms%n", (System.nanoTime() - cold) / 1e6);
            time("home page (district office; today's figures kept while the district is unchanged)", district, "/");
            List<Double> changed = new ArrayList<>();
            long someCase = jdbc.sql("SELECT min(c.id) FROM rectification_case c JOIN enterprise e ON e.id = c.enterprise_id"
                    + " WHERE e.division_code LIKE '410108%'").query(Long.class).single();
            for (int i = 0; i < 10; i++) {   // a case of the district written before each request: its village counted again each time
                jdbc.sql("UPDATE rectification_case SET deadline = deadline + CASE WHEN :i % 2 = 0 THEN 1 ELSE -1 END WHERE id = :id")
                        .param("i", i).param("id", someCase).update();
                long t = System.nanoTime();
                district.get("/");
                changed.add((System.nanoTime() - t) / 1e6);
            }
            Collections.sort(changed);
            System.out.printf("home page after a case of the district changed (its village counted again): p50 %.1f ms, max %.1f ms%n",
                    changed.get(5), changed.get(9));
            long weekly = System.nanoTime();
            district.get("/api/v1/map/weekly");
            System.out.printf("weekly chart, first request (8 tallies from history): %.0f ms%n", (System.nanoTime() - weekly) / 1e6);
            time("weekly chart (past weeks kept, this week's for a minute)", district, "/api/v1/map/weekly");
            System.out.println("sample: " + district.get(whole).substring(0, 200));
        } finally {
            context.close();
        }
    }

    private static void time(String label, BenchClient client, String path) throws Exception {
        for (int i = 0; i < 5; i++) {
            client.get(path);
        }
        List<Double> ms = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            bytes = client.get(path).length();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%,d chars)%n", label, ms.get(RUNS / 2),
                ms.get((int) Math.ceil(RUNS * 0.95) - 1), ms.get(RUNS - 1), bytes);
    }

    private static void generate(JdbcClient jdbc, int count) {
        jdbc.sql("SELECT setseed(0.2020)").query().singleValue();
        jdbc.sql("""
                CREATE TEMP TABLE bench_places AS
                SELECT (SELECT array_agg(code ORDER BY code) FROM division WHERE code LIKE '410108%' AND length(code) = 12) AS home,
                       (SELECT array_agg(code ORDER BY code) FROM division WHERE code LIKE '41%' AND length(code) = 9
                           AND code NOT LIKE '410108%') AS other
                """).update();
        jdbc.sql("""
                INSERT INTO enterprise (name, name_key, division_code, address, longitude, latitude, enterprise_type, discovery,
                                        reported_on, created_at, created_by, updated_at, updated_by)
                SELECT '基准' || g || '号加工厂', 'bench' || g,
                       CASE WHEN g % 20 = 0 THEN p.home[1 + ((g::bigint * 7919) % array_length(p.home, 1))::int]
                            ELSE p.other[1 + ((g::bigint * 7919) % array_length(p.other, 1))::int] END,
                       '基准路' || (g % 400) || '号',
                       CASE WHEN g % 20 = 0 THEN 113.50 + random() * 0.28 ELSE 111 + random() * 5 END,
                       CASE WHEN g % 20 = 0 THEN 34.80 + random() * 0.18 ELSE 32 + random() * 4 END,
                       'SLW', 'PATROL', t::date, t, 'bench', t, 'bench'
                  FROM generate_series(1, :n) g CROSS JOIN bench_places p
                 CROSS JOIN LATERAL (SELECT now() - interval '120 days' * random() - interval '1 day' + g * interval '0 s' AS t) x
                """).param("n", count).update();
        jdbc.sql("""
                INSERT INTO classification_record (enterprise_id, policy_id, policy_version, category, measure_kind, measure_label,
                                                   explanation, facts_fingerprint, computed_at, computed_by)
                SELECT id, 'huiji-2017', 2, c.category, c.measure, c.label, jsonb_build_object('categoryLabel', c.category), 'bench',
                       created_at + interval '1 hour', 'bench'
                  FROM enterprise e
                 CROSS JOIN LATERAL (SELECT (ARRAY['小散乱污', '小散乱污', '八小', '小散乱污', '八小'])[1 + e.id % 5] AS category,
                                            (ARRAY['SHUTDOWN', 'REMEDIATE', 'RELOCATE', 'SHUTDOWN', 'SUPERVISE'])[1 + e.id % 5] AS measure,
                                            (ARRAY['关停取缔', '整治规范', '搬迁入园', '关停取缔', '严格监管'])[1 + e.id % 5] AS label) c
                 WHERE e.created_by = 'bench'
                """).update();
        jdbc.sql("""
                UPDATE enterprise_classification k SET current_id = r.id, stale = false
                  FROM classification_record r WHERE r.enterprise_id = k.enterprise_id AND r.computed_by = 'bench'
                """).update();
        jdbc.sql("""
                INSERT INTO rectification_case (enterprise_id, enterprise_name, longitude, latitude, division_code, measure, measure_name,
                                                requirements, deadline, state, town_code, village_code, opened_at, updated_at, version)
                SELECT e.id, e.name, e.longitude, e.latitude, e.division_code, r.measure_kind, r.measure_label, '{}',
                       current_date - 30 + (e.id % 90)::int,
                       (ARRAY['CLOSED_OUT', 'CLOSED_OUT', 'IN_PROGRESS', 'IN_PROGRESS', 'AWAITING_ACCEPTANCE', 'REGISTERED',
                              'REOPENED', 'ESCALATED'])[1 + e.id % 8],
                       left(e.division_code, 9), CASE WHEN length(e.division_code) = 12 THEN e.division_code END,
                       e.created_at + interval '2 hours', now(), 0
                  FROM enterprise e JOIN classification_record r ON r.enterprise_id = e.id AND r.computed_by = 'bench'
                 WHERE e.created_by = 'bench' AND r.measure_kind <> 'SUPERVISE'
                """).update();
        jdbc.sql("""
                INSERT INTO rectification_step (case_id, case_version, kind, actor, at, detail, state, overdue)
                SELECT c.id, k, CASE WHEN k = 1 THEN 'OPENED' WHEN c.state = 'CLOSED_OUT' THEN 'CLOSED_OUT'
                                     WHEN c.state = 'REOPENED' THEN 'REOPENED' ELSE 'ITEM_RECORDED' END,
                       'bench', c.opened_at + (now() - c.opened_at) * k / 3, NULL,
                       CASE WHEN k = 1 THEN 'REGISTERED' ELSE c.state END, k = 2 AND c.deadline < current_date AND c.state <> 'CLOSED_OUT'
                  FROM rectification_case c CROSS JOIN generate_series(1, 2) k
                 WHERE c.enterprise_name LIKE '基准%号加工厂'
                """).update();
        jdbc.sql("VACUUM (ANALYZE)").update();
    }
}
