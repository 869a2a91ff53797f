package org.qingyuan.statistics.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.qingyuan.BenchClient;
import org.qingyuan.QingyuanApplication;
import org.qingyuan.statistics.Dimension;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statistics at a district's scale; run by {@code bench/statistics.sh}, not by the test suite. On a persistent
 * embedded database under {@code target/bench-statistics} it generates (once) {@code COUNT} (default 50,000)
 * enterprises in the home district's villages registered over the last two years, half of them moved since, with their
 * classification records, a case for four in five and about 500,000 case steps; then prints the p95 of the district's
 * statistics by town for a past date over HTTP beside the p95 of its SQL's own execution time (EXPLAIN ANALYZE of the
 * very same statement), and the time to prepare a town's monthly submission (forms and table generated as of the
 * cut-off) over HTTP.
 */
public final class StatisticsBenchmark {

    private static final int WARMUP = 10;
    private static final int RUNS = 60;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(System.getProperty("count", "50000"));
        String dataDir = System.getProperty("dataDir", "target/bench-statistics");
        ConfigurableApplicationContext context = SpringApplication.run(QingyuanApplication.class,
                "--qingyuan.data-dir=" + dataDir, "--qingyuan.embedded.ephemeral=false", "--qingyuan.demo=true",
                "--qingyuan.classification.interval=PT24H", "--server.port=0", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        try {
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            long have = jdbc.sql("SELECT count(*) FROM enterprise WHERE created_by = 'bench'").query(Long.class).single();
            if (have == 0) {
                long started = System.nanoTime();
                generate(jdbc, count);
                System.out.printf("generated in %.1f s%n", (System.nanoTime() - started) / 1e9);
            }
            System.out.printf("enterprises %,d, versions %,d, classification records %,d, cases %,d, case steps %,d%n",
                    jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM enterprise_version").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM classification_record").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM rectification_case").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM rectification_step").query(Long.class).single());
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            measure(port, new NamedParameterJdbcTemplate(dataSource));
        } finally {
            context.close();
        }
    }

    private static void generate(JdbcClient jdbc, int count) {
        jdbc.sql("SELECT setseed(0.2026)").query().singleValue();
        jdbc.sql("""
                CREATE TEMP TABLE bench_villages AS
                SELECT array_agg(code ORDER BY code) AS codes FROM division WHERE code LIKE '410108%' AND length(code) = 12
                """).update();
        jdbc.sql("""
                INSERT INTO enterprise (name, name_key, division_code, enterprise_type, discovery, reported_on, created_at, created_by,
                                        updated_at, updated_by, version)
                SELECT '基准企业' || g, 'bench' || g, v.codes[1 + (g * 7919) % array_length(v.codes, 1)],
                       CASE WHEN g % 7 = 0 THEN 'EIGHT_SMALL' ELSE 'SLW' END, 'PATROL', (t AT TIME ZONE 'Asia/Shanghai')::date,
                       t, 'bench', t, 'bench', CASE WHEN g % 2 = 0 THEN 2 ELSE 1 END
                  FROM generate_series(1, :n) g CROSS JOIN bench_villages v
                 CROSS JOIN LATERAL (SELECT now() - interval '730 days' * random() - interval '1 day' + g * interval '0 s' AS t) x
                """).param("n", count).update();
        jdbc.sql("UPDATE enterprise_classification SET stale = false WHERE stale").update();
        jdbc.sql("""
                INSERT INTO enterprise_version (enterprise_id, version, action, changed_at, changed_by, reason, changes)
                SELECT id, 1, 'REGISTERED', created_at, 'bench', '基准数据', '{}' FROM enterprise WHERE created_by = 'bench'
                """).update();
        // every second enterprise moved villages (and half of those changed type) some time after it was registered
        jdbc.sql("""
                INSERT INTO enterprise_version (enterprise_id, version, action, changed_at, changed_by, reason, changes)
                SELECT e.id, 2, 'EDITED', e.created_at + (now() - e.created_at) * random(), 'bench', '核实更正',
                       jsonb_build_object('divisionCode', jsonb_build_array(v.codes[1 + (e.id * 31) % array_length(v.codes, 1)], e.division_code))
                       || CASE WHEN e.id % 4 = 0 THEN jsonb_build_object('type', jsonb_build_array('EIGHT_SMALL', e.enterprise_type))
                               ELSE '{}'::jsonb END
                  FROM enterprise e CROSS JOIN bench_villages v WHERE e.created_by = 'bench' AND e.version = 2
                """).update();
        jdbc.sql("""
                INSERT INTO classification_record (enterprise_id, policy_id, policy_version, category, measure_kind, measure_label,
                                                   explanation, facts_fingerprint, computed_at, computed_by)
                SELECT id, 'huiji-2017', 2, c.category, c.measure, c.label, jsonb_build_object('categoryLabel', c.category), 'bench',
                       created_at + interval '1 hour', 'bench'
                  FROM enterprise e
                 CROSS JOIN LATERAL (SELECT (ARRAY['小散乱污', '小散乱污', '八小', 'NONE'])[1 + e.id % 4] AS category,
                                            (ARRAY['SHUTDOWN', 'REMEDIATE', 'RELOCATE', NULL])[1 + e.id % 4] AS measure,
                                            (ARRAY['限期拆除', '补办手续', '搬迁入园', NULL])[1 + e.id % 4] AS label) c
                 WHERE e.created_by = 'bench'
                """).update();
        jdbc.sql("""
                INSERT INTO rectification_case (enterprise_id, enterprise_name, division_code, measure, measure_name, requirements,
                                                state, town_code, opened_at, updated_at, version)
                SELECT e.id, e.name, e.division_code, (ARRAY['SHUTDOWN', 'REMEDIATE', 'RELOCATE'])[1 + e.id % 3], '基准', '{}',
                       (ARRAY['CLOSED_OUT', 'CLOSED_OUT', 'CLOSED_OUT', 'IN_PROGRESS', 'IN_PROGRESS', 'AWAITING_ACCEPTANCE',
                              'REGISTERED', 'REOPENED', 'ESCALATED', 'ACCEPTED'])[1 + e.id % 10],
                       left(e.division_code, 9), e.created_at + interval '2 hours', now(), 0
                  FROM enterprise e WHERE e.created_by = 'bench' AND e.id % 5 <> 0
                """).update();
        // 8–16 steps per case, evenly over its life; the last one leaves it in its state
        jdbc.sql("""
                INSERT INTO rectification_step (case_id, case_version, kind, actor, at, detail, state, overdue)
                SELECT c.id, k,
                       CASE WHEN k = 1 THEN 'OPENED' WHEN k = s.n AND c.state = 'CLOSED_OUT' THEN 'CLOSED_OUT'
                            WHEN k = s.n AND c.state = 'REOPENED' THEN 'REOPENED' ELSE 'ITEM_RECORDED' END,
                       'bench', c.opened_at + (now() - c.opened_at) * k / (s.n + 1), NULL,
                       CASE WHEN k = 1 THEN 'REGISTERED' WHEN k = s.n THEN c.state ELSE 'IN_PROGRESS' END,
                       c.id % 6 = 0 AND k > s.n / 2 AND c.state <> 'CLOSED_OUT'
                  FROM rectification_case c
                 CROSS JOIN LATERAL (SELECT 8 + (c.id % 9)::int AS n) s
                 CROSS JOIN LATERAL generate_series(1, s.n) k
                 WHERE c.enterprise_name LIKE '基准企业%'
                """).update();
        jdbc.sql("ANALYZE").update();
    }

    private static void measure(int port, NamedParameterJdbcTemplate named) throws Exception {
        LocalDate asOf = LocalDate.now(CHINA).minusMonths(6).withDayOfMonth(1).minusDays(1);
        String path = "/api/v1/statistics/ledger?division=410108&by=town&asOf=" + asOf;
        BenchClient district = new BenchClient(port, "district");
        for (int i = 0; i < WARMUP; i++) {
            district.get(path);
        }
        List<Double> endpoint = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            district.get(path);
            endpoint.add((System.nanoTime() - t) / 1e6);
        }
        AsOf when = AsOf.of(asOf, null, java.time.Clock.systemUTC());
        MapSqlParameterSource params = new MapSqlParameterSource("at", when.end()).addValue("prefix", "410108")
                .addValue("periodStart", when.periodStart()).addValue("fromDate", when.from()).addValue("asOfDate", when.date());
        String sql = StatisticsService.tallySql(Dimension.TOWN);
        List<Double> own = new ArrayList<>();
        // the very statement the service runs, in one transaction
        new TransactionTemplate(new DataSourceTransactionManager(named.getJdbcTemplate().getDataSource())).executeWithoutResult(tx -> {
            for (int i = 0; i < RUNS; i++) {
                String json = String.join("", named.queryForList("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + sql, params, String.class));
                Matcher m = Pattern.compile("\"Execution Time\": ([0-9.]+)").matcher(json);
                m.find();
                own.add(Double.parseDouble(m.group(1)));
            }
        });
        double e95 = p95(endpoint);
        double s95 = p95(own);
        System.out.printf("statistics by town as of %s: endpoint p50 %.1f ms, p95 %.1f ms; SQL p95 %.1f ms; ratio %.2f%n", asOf,
                p50(endpoint), e95, s95, e95 / s95);
        System.out.println(district.get(path).substring(0, 300));

        BenchClient town = new BenchClient(port, "town");
        String list = town.get("/api/v1/reports/submissions?report=monthly-ledger");
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),.{0,600}?\"unit\":\\{\"key\":\"410108001\".{0,80}?\"state\":\"(DUE|PREPARED)\"").matcher(list);
        if (!m.find()) {
            System.out.println("no open submission of 410108001 found: " + list.substring(0, Math.min(400, list.length())));
            return;
        }
        String id = m.group(1);
        List<Double> prepare = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String s = town.get("/api/v1/reports/submissions/" + id);
            Matcher v = Pattern.compile("\"version\":(\\d+)}$").matcher(s.strip());
            if (!v.find()) {
                System.out.println("submission " + id + " not preparable: " + s.substring(0, Math.min(300, s.length())));
                return;
            }
            long t = System.nanoTime();
            town.post("/api/v1/reports/submissions/" + id + "/prepare", "{\"version\": " + v.group(1) + "}");
            prepare.add((System.nanoTime() - t) / 1e6);
        }
        System.out.printf("prepare 410108001's monthly submission (%s enterprises in the town): runs %s ms, p95 %.0f ms%n",
                named.getJdbcTemplate().queryForObject("SELECT count(*) FROM enterprise WHERE division_code LIKE '410108001%'", Long.class),
                prepare.stream().map(d -> String.format("%.0f", d)).toList(), p95(prepare));
    }

    private static double p95(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
    }

    private static double p50(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
