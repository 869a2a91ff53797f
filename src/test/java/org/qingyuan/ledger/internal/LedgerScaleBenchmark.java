package org.qingyuan.ledger.internal;

import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.qingyuan.BenchClient;
import org.qingyuan.QingyuanApplication;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseNames;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.Industry;
import org.qingyuan.shared.DivisionCode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger at scale; run by {@code bench/ledger-scale.sh}, not by the test suite.
 * Starts the platform on a persistent embedded database under {@code target/bench-data}, fills the
 * ledger with {@code COUNT} (default 1,000,000) generated enterprises over Henan's real divisions
 * with COPY (once; a second run reuses them), then measures over HTTP, signed in as the demo town
 * account, the p95 of a town-scoped filtered list (page 1 and page 500) and of name searches, and
 * beside each the p95 of the SQL's own execution time (EXPLAIN ANALYZE of the very same statements).
 */
public final class LedgerScaleBenchmark {

    private static final int WARMUP = 30;
    private static final int RUNS = 200;
    private static org.qingyuan.ledger.Ledger LEDGER;

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(System.getProperty("count", "1000000"));
        String dataDir = System.getProperty("dataDir", "target/bench-data");
        ConfigurableApplicationContext context = SpringApplication.run(QingyuanApplication.class,
                "--qingyuan.data-dir=" + dataDir, "--qingyuan.embedded.ephemeral=false", "--spring.flyway.out-of-order=true", "--qingyuan.demo=true", "--server.port=0",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off");
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
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            measure(port, new NamedParameterJdbcTemplate(dataSource), jdbc, context.getBean(org.qingyuan.ledger.Ledger.class));
        } finally {
            context.close();
        }
    }

    // ------------------------------------------------------------------ generator

    private static final String[] SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕".split("");
    private static final String[] WORDS = "鑫达 宏发 永兴 恒通 金源 华盛 顺利 兴旺 福来 新星 长城 东方 红星 富强 瑞丰 广源 天成 众和 汇通 昌盛 博远 佳美 嘉禾 利民 同心 宏图 万达 信诚 三友 四海".split(" ");
    private static final String[] SUFFIXES = {"厂", "加工厂", "加工点", "作坊", "有限公司", "经营部", "门市部", "厂（普通合伙）"};
    private static final String[] ROADS = "金河路 开元路 文化路 天河路 英才街 迎宾路 江山路 长兴路 大河路 刘寨路 花园路 古荥大道 北三环 京广路".split(" ");

    private static void generate(DataSource dataSource, JdbcClient jdbc, int count) throws Exception {
        // villages of the home district take 15 %, the towns of the rest of Henan the remainder
        List<String[]> villages = jdbc.sql("""
                SELECT v.code, p.name || '|' || c.name || '|' || d.name || '|' || t.name || '|' || v.name
                  FROM division v JOIN division t ON t.code = v.parent_code JOIN division d ON d.code = t.parent_code
                  JOIN division c ON c.code = d.parent_code JOIN division p ON p.code = c.parent_code
                 WHERE v.code LIKE '410108%' AND length(v.code) = 12
                """).query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        List<String[]> towns = jdbc.sql("""
                SELECT t.code, p.name || '|' || c.name || '|' || d.name || '|' || t.name
                  FROM division t JOIN division d ON d.code = t.parent_code
                  JOIN division c ON c.code = d.parent_code JOIN division p ON p.code = c.parent_code
                 WHERE t.code LIKE '41%' AND length(t.code) = 9 AND t.code NOT LIKE '410108%'
                   AND NOT EXISTS (SELECT 1 FROM division x WHERE x.parent_code = t.code)
                """).query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        System.out.printf("spreading over %d villages of 410108 and %d towns of Henan%n", villages.size(), towns.size());
        Random random = new Random(20261123);
        Industry[] industries = Industry.values();
        LocalDate start = LocalDate.of(2017, 2, 1);
        String now = java.time.OffsetDateTime.now().toString();
        Map<String, List<String>> paths = new HashMap<>();
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
                            row(buffer);
                        }
                    }
                    int n = Math.min(len, buffer.length() - position);
                    buffer.getChars(position, position + n, out, off);
                    position += n;
                    return n;
                }

                private void row(StringBuilder b) {
                    String[] division = random.nextInt(100) < 15 ? villages.get(random.nextInt(villages.size()))
                            : towns.get(random.nextInt(towns.size()));
                    List<String> path = paths.computeIfAbsent(division[0], k -> Arrays.asList(division[1].split("\\|")));
                    Industry industry = industries[random.nextInt(industries.length)];
                    String name = SURNAMES[random.nextInt(SURNAMES.length)] + WORDS[random.nextInt(WORDS.length)]
                            + industry.label().replaceAll("（.*）", "") + SUFFIXES[random.nextInt(SUFFIXES.length)];
                    String address = ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(400)) + "号"
                            + (random.nextBoolean() ? "院内" : "");
                    int yes = 0;
                    int no = 0;
                    StringBuilder facts = new StringBuilder("{");
                    for (Fact fact : Fact.values()) {
                        int r = random.nextInt(3);
                        if (r == 2) {
                            continue;
                        }
                        if (facts.length() > 1) {
                            facts.append(',');
                        }
                        facts.append('"').append(fact.jsonName()).append("\":{\"value\":").append(r == 0)
                                .append(",\"source\":\"IMPORT\",\"asOf\":\"2026-01-15\"}");
                        if (r == 0) {
                            yes |= fact.mask();
                        } else {
                            no |= fact.mask();
                        }
                    }
                    facts.append('}');
                    EnterpriseType type = industry.eightSmall() && random.nextBoolean() ? EnterpriseType.EIGHT_SMALL : EnterpriseType.SLW;
                    String status = random.nextInt(50) == 0 ? "WITHDRAWN" : "ACTIVE";
                    LocalDate reported = start.plusDays(random.nextInt(3500));
                    String[] discovery = {"PATROL", "PATROL", "PATROL", "COMPLAINT", "ASSIGNED", "SUPERVISION", "IMPORT"};
                    String creditCode = random.nextInt(3) == 0 ? "\\N" : fakeCreditCode(random, division[0]);
                    b.append(name).append('\t').append(EnterpriseNames.nameKey(name, path)).append('\t').append(creditCode).append('\t')
                            .append(division[0]).append('\t').append(address).append('\t')
                            .append(nullToN(EnterpriseNames.addressKey(address, path))).append('\t')
                            .append(industry.name()).append('\t').append(industry.keyIndustry()).append('\t')
                            .append(industry.eightSmall()).append('\t').append(1 + random.nextInt(60)).append('\t')
                            .append(random.nextInt(5000) / 10.0).append('\t').append(random.nextBoolean() ? "RENTED" : "SELF_BUILT")
                            .append('\t').append(facts).append('\t').append(yes).append('\t').append(no).append('\t')
                            .append(type.name()).append('\t').append(discovery[random.nextInt(discovery.length)]).append('\t')
                            .append(reported).append('\t').append(status).append('\t')
                            .append("WITHDRAWN".equals(status) ? "ENTERED_IN_ERROR" : "\\N").append('\t')
                            .append(now).append('\t').append("bench").append('\t').append(now).append('\t').append("bench")
                            .append('\n');
                }

                @Override
                public void close() {
                }
            };
            pg.getCopyAPI().copyIn("""
                    COPY enterprise (name, name_key, credit_code, division_code, address, address_key, industry, key_industry,
                                     eight_small, employees, output_value, premises, facts, facts_yes, facts_no, enterprise_type,
                                     discovery, reported_on, status, withdrawal_reason, created_at, created_by, updated_at, updated_by)
                    FROM STDIN
                    """, rows);
        }
    }

    private static String nullToN(String s) {
        return s == null ? "\\N" : s;
    }

    private static String fakeCreditCode(Random random, String division) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder("92").append(division, 0, 6);
        for (int i = 0; i < 9; i++) {
            b.append(chars.charAt(random.nextInt(chars.length())));
        }
        return b.append(org.qingyuan.shared.CreditCode.checkCharacter(b.toString())).toString();
    }

    // ------------------------------------------------------------------ measurement

    private static void measure(int port, NamedParameterJdbcTemplate named, JdbcClient jdbc, org.qingyuan.ledger.Ledger ledger)
            throws Exception {
        LEDGER = ledger;
        System.out.println("load average before: " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
        long total = jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single();
        long town = jdbc.sql("SELECT count(*) FROM enterprise WHERE division_code LIKE '410108001%'").query(Long.class).single();
        System.out.printf("%nledger: %,d enterprises; 新城街道 410108001: %,d%n", total, town);
        BenchClient townClient = new BenchClient(port, "town");
        BenchClient districtClient = new BenchClient(port, "district");
        Scope townScope = Scope.of(DivisionCode.of("410108001"));
        Scope districtScope = Scope.of(DivisionCode.of("410108"));

        List<String[]> results = new ArrayList<>();
        results.add(run("town list, filtered, page 1", townClient, "type=SLW&hasEiaApproval=false&page=0&size=20", townScope, named));
        results.add(run("town list, filtered, page 500", townClient, "type=SLW&page=499&size=20", townScope, named));
        results.add(run("town name search 「铸造」", townClient, "q=" + enc("铸造") + "&size=20", townScope, named));
        results.add(run("district name search 「鑫达铸造」", districtClient, "q=" + enc("鑫达铸造") + "&size=20", districtScope, named));
        results.add(run("district list, page 1", districtClient, "page=0&size=20", districtScope, named));

        results.add(baseline(townClient));
        System.out.println("load average after: " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
        System.out.println();
        System.out.println("| request | endpoint p50 | endpoint p95 | SQL p95 (EXPLAIN ANALYZE) | Ledger.search in-process p95 | rows |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (String[] r : results) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
    }

    private static String[] run(String label, BenchClient client, String query, Scope scope, NamedParameterJdbcTemplate named)
            throws Exception {
        String path = "/api/v1/enterprises?" + query;
        String first = client.get(path);
        Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(first);
        String rows = m.find() ? m.group(1) : "?";
        for (int i = 0; i < WARMUP; i++) {
            client.get(path);
        }
        double[] endpoint = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            client.get(path);
            endpoint[i] = (System.nanoTime() - t) / 1e6;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        EnterpriseQuery q = parse(params);
        ListSql sql = ListSql.of(q, scope);
        double[] jdbcTimes = new double[RUNS];
        for (int i = 0; i < RUNS + WARMUP; i++) {
            long t = System.nanoTime();
            LEDGER.search(q, scope);
            if (i >= WARMUP) {
                jdbcTimes[i - WARMUP] = (System.nanoTime() - t) / 1e6;
            }
        }
        double[] database = new double[40];
        String plan = null;
        for (int i = 0; i < database.length; i++) {
            database[i] = explain(named, sql.page(), sql);
            if (i == 0) {
                plan = String.join("\n", named.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql.page(), sql.params(), String.class));
            }
        }
        System.out.printf("%n== %s: GET %s → %s rows%n%s%n", label, path, rows, plan);
        return new String[]{label, fmt(percentile(endpoint, 50)), fmt(percentile(endpoint, 95)), fmt(percentile(database, 95)),
                fmt(percentile(jdbcTimes, 95)), rows};
    }

    /** The platform's own cost per signed-in API request: a division lookup whose SQL takes well under a millisecond. */
    private static String[] baseline(BenchClient client) throws Exception {
        String path = "/api/v1/regions/410108001";
        for (int i = 0; i < WARMUP; i++) {
            client.get(path);
        }
        double[] endpoint = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            client.get(path);
            endpoint[i] = (System.nanoTime() - t) / 1e6;
        }
        return new String[]{"baseline: GET " + path + " (session, security chain, JSON)", fmt(percentile(endpoint, 50)),
                fmt(percentile(endpoint, 95)), "< 1 ms", "—", "1"};
    }

    private static EnterpriseQuery parse(Map<String, String> p) throws Exception {
        // the page controller's parser is package-private in ledger.web; call it reflectively to use the very same rules
        Class<?> type = Class.forName("org.qingyuan.ledger.web.ListParams");
        var method = type.getDeclaredMethod("parse", Map.class);
        method.setAccessible(true);
        return (EnterpriseQuery) method.invoke(null, p);
    }

    private static double explain(NamedParameterJdbcTemplate named, String sql, ListSql list) {
        String json = String.join("", named.queryForList("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + sql, list.params(), String.class));
        Matcher execution = Pattern.compile("\"Execution Time\": ([0-9.]+)").matcher(json);
        Matcher planning = Pattern.compile("\"Planning Time\": ([0-9.]+)").matcher(json);
        return (execution.find() ? Double.parseDouble(execution.group(1)) : 0) + (planning.find() ? Double.parseDouble(planning.group(1)) : 0);
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String fmt(double ms) {
        return String.format("%.1f ms", ms);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
