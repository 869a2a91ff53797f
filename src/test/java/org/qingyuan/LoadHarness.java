package org.qingyuan;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load harness of issue 22 §1 (bench/load.sh): {@code users} signed-in officials (demo accounts, round robin) send
 * a mixed workload to a platform on localhost — list and search the ledger, open enterprises and cases, the battle
 * board, statistics, now and then an export, a registration, an import and a case item recorded with a site photo —
 * bounded by {@code seconds} and {@code requests}. Prints per request kind: count, errors, p50/p95/p99 (ms), and
 * requests/s overall. Only localhost is accepted.
 */
public final class LoadHarness {

    record Kind(String name, int weight, String method, String path) {
    }

    static final List<Kind> ALL = List.of(
            new Kind("ledger-list", 30, "GET", "/api/v1/enterprises?size=20&page=%PAGE%"),
            new Kind("ledger-search", 15, "GET", "/api/v1/enterprises?q=%Q%&size=20"),
            new Kind("enterprise", 20, "GET", "/api/v1/enterprises/%ID%"),
            new Kind("cases", 10, "GET", "/api/v1/cases?size=20"),
            new Kind("board", 8, "GET", "/board"),
            new Kind("statistics", 8, "GET", "/api/v1/statistics/ledger?by=town"),
            new Kind("home", 6, "GET", "/"),
            new Kind("export", 1, "GET", "/api/v1/exports/ledger.xlsx?layout=template"),
            new Kind("register", 2, "POST", "/api/v1/enterprises"),
            new Kind("import", 1, "UPLOAD", "/api/v1/imports"),
            new Kind("case-item", 2, "ITEM", "/api/v1/cases?state=IN_PROGRESS&size=20&page=%PAGE%"));
    static List<Kind> MIX = ALL;
    /** Round robin; the town account's village is the default {@code village} (金河社区 of 新城街道). */
    static final String[] ACCOUNTS = {"district", "town", "village", "supervisor", "leader"};
    static final String[] WORDS = {"厂", "加工", "木材", "塑料", "石材", "汽修", "家具"};

    public static void main(String[] args) throws Exception {
        String host = System.getProperty("host", "localhost");
        if (!host.equals("localhost") && !host.equals("127.0.0.1")) {
            throw new IllegalArgumentException("the harness sends traffic to localhost only");
        }
        int port = Integer.getInteger("port", 8080);
        int users = Integer.getInteger("users", 10);
        long seconds = Long.getLong("seconds", 30);
        long maxRequests = Long.getLong("requests", 10_000);
        String district = System.getProperty("district", "410108");
        String village = System.getProperty("village", "410108001001");
        long think = Long.getLong("think", 0);
        boolean anonymous = Boolean.getBoolean("anonymous");
        String kinds = System.getProperty("kinds", "");
        if (!kinds.isBlank()) {
            List<String> wanted = List.of(kinds.split(","));
            MIX = ALL.stream().filter(k -> wanted.contains(k.name())).toList();
        }
        Sampler sampler = Sampler.start(Long.getLong("pid", 0), Integer.getInteger("pgPort", 0), Integer.getInteger("sample", 10));

        Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        MIX.forEach(k -> {
            latencies.put(k.name(), new ConcurrentLinkedQueue<>());
            errors.put(k.name(), new AtomicLong());
        });
        ConcurrentLinkedQueue<Span> spans = new ConcurrentLinkedQueue<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        // sign everyone in first (an official signs in once a day; a sign-in storm is not the steady state measured)
        long signIn = System.nanoTime();
        Getter[] clients = new Getter[users];
        java.util.concurrent.ExecutorService signing = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> signed = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int n = u;
            signed.add(signing.submit(() -> {
                clients[n] = anonymous ? Getter.plain(port) : Getter.of(new BenchClient(port, ACCOUNTS[n % ACCOUNTS.length]));
                return null;
            }));
        }
        for (var f : signed) {
            f.get();
        }
        signing.shutdown();
        System.out.printf("%d users signed in in %.1f s%n", users, (System.nanoTime() - signIn) / 1e9);
        // the first warmup seconds run the same traffic unrecorded (a fresh JVM compiles its hot paths meanwhile)
        long warmup = Long.getLong("warmup", 0) * 1_000_000_000L;
        long deadline = System.nanoTime() + warmup + seconds * 1_000_000_000L;
        int totalWeight = MIX.stream().mapToInt(Kind::weight).sum();
        CountDownLatch done = new CountDownLatch(users);
        long started = System.nanoTime() + warmup;
        for (int u = 0; u < users; u++) {
            String account = ACCOUNTS[u % ACCOUNTS.length];
            Getter client = clients[u];
            new Thread(() -> {
                try {
                    List<Long> ids = ids(client.get("/api/v1/enterprises?size=100"));   // enterprises in this user's jurisdiction
                    if (think > 0) {
                        Thread.sleep(ThreadLocalRandom.current().nextLong(think));   // spread the users' first requests over one think time
                    }
                    while (System.nanoTime() < deadline && sent.incrementAndGet() <= maxRequests) {
                        Kind kind = pick(totalWeight);
                        if (!kind.method().equals("GET") && !account.equals("district") && !account.equals("town")) {
                            kind = MIX.get(0);   // only the district office and the towns register enterprises
                        }
                        String path = kind.path().replace("%PAGE%", String.valueOf(ThreadLocalRandom.current().nextInt(5)))
                                .replace("%Q%", java.net.URLEncoder.encode(WORDS[ThreadLocalRandom.current().nextInt(WORDS.length)],
                                        java.nio.charset.StandardCharsets.UTF_8))
                                .replace("%ID%", String.valueOf(ids.isEmpty() ? 1 : ids.get(ThreadLocalRandom.current().nextInt(ids.size()))))
                                .replace("%DISTRICT%", district);
                        long t0 = System.nanoTime();
                        try {
                            if (kind.method().equals("ITEM")) {   // open a case in progress, record an item with a photo
                                t0 = recordItem(client, path);
                            } else if (kind.method().equals("UPLOAD")) {   // a town's survey ledger of 20 rows, checked and committed
                                client.upload(path, "排查台账.xlsx", org.qingyuan.sheets.BenchLedgers.surveyLedger(20,
                                        "负载导入" + System.nanoTime() + "厂"), Map.of("layout", "survey-ledger", "mode", "valid-rows"));
                            } else if (kind.method().equals("POST")) {
                                client.post(path, "{\"name\":\"负载测试厂" + System.nanoTime() + "\",\"divisionCode\":\"" + village
                                        + "\",\"address\":\"负载路1号\",\"type\":\"SLW\",\"discovery\":\"PATROL\"}");
                            } else {
                                client.get(path);
                            }
                            if (t0 >= started) {
                                long t1 = System.nanoTime();
                                latencies.get(kind.name()).add(t1 - t0);
                                spans.add(new Span(kind, account, t0, t1));
                            }
                            lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                            if (think > 0) {   // an official reads the answer: exponential think time with the given mean, not past the end
                                long pause = (long) (-think * Math.log(1 - ThreadLocalRandom.current().nextDouble()));
                                Thread.sleep(Math.max(0, Math.min(pause, (deadline - System.nanoTime()) / 1_000_000)));
                            }
                        } catch (IllegalStateException | java.io.IOException refusedOrFailed) {   // refused, or the answer broken off
                            if (t0 >= started && errors.get(kind.name()).incrementAndGet() == 1) {
                                String m = account + " " + refusedOrFailed.getMessage();
                                System.err.println("first error of " + kind.name() + ": " + m.substring(0, Math.min(300, m.length())));
                            }
                        }
                    }
                } catch (Exception e) {
                    System.err.println(account + ": " + e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        // requests/s over the timed window: from the start to the last answer (the users' final pauses not counted)
        double elapsed = (Math.max(lastAnswer.get(), started + 1) - started) / 1e9;
        long total = 0;
        System.out.printf("%-14s %8s %7s %8s %8s %8s%n", "kind", "count", "errors", "p50 ms", "p95 ms", "p99 ms");
        for (Kind kind : MIX) {
            long[] sorted = latencies.get(kind.name()).stream().mapToLong(Long::longValue).sorted().toArray();
            total += sorted.length;
            System.out.printf("%-14s %8d %7d %8.1f %8.1f %8.1f%n", kind.name(), sorted.length, errors.get(kind.name()).get(),
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
        }
        long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("users %d (think %d ms), %.1f s, %d answered, %d errors, %.1f requests/s%n", users, think, elapsed,
                total, errorCount, total / elapsed);
        slowReads(List.copyOf(spans));
        sampler.stop();
    }

    /** One timed request: its kind, who sent it, when it was sent and when its answer was read. */
    record Span(Kind kind, String account, long from, long to) {
        boolean overlaps(Span other) {
            return other != this && other.from < to && from < other.to;
        }
    }

    /**
     * Of the reads slower than 100 ms (the goal's p99), how many were in flight together with a write or an export (a
     * heavy request sharing the two cores), to tell a read's own cost from its neighbours'.
     */
    static void slowReads(List<Span> spans) {
        List<Span> heavy = spans.stream().filter(s -> !s.kind().method().equals("GET") || s.kind().name().equals("export")).toList();
        List<Span> slow = spans.stream().filter(s -> s.kind().method().equals("GET") && !s.kind().name().equals("export")
                && s.to() - s.from() > 100_000_000L).toList();
        Map<String, Long> beside = new java.util.TreeMap<>();
        Map<String, Long> byKind = new java.util.TreeMap<>();
        long alone = 0;
        for (Span s : slow) {
            byKind.merge(s.kind().name() + " (" + s.account() + ")", 1L, Long::sum);
            List<String> with = heavy.stream().filter(s::overlaps).map(h -> h.kind().name()).distinct().toList();
            with.forEach(k -> beside.merge(k, 1L, Long::sum));
            alone += with.isEmpty() ? 1 : 0;
        }
        System.out.printf("reads over 100 ms: %d of %d; in flight beside %s; beside none of them %d%n", slow.size(),
                spans.stream().filter(s -> s.kind().method().equals("GET") && !s.kind().name().equals("export")).count(),
                beside.isEmpty() ? "no write or export" : beside, alone);
        System.out.printf("reads over 100 ms by kind and account: %s%n", byKind);
    }

    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+),\"townReport\"");
    private static final Pattern LATITUDE = Pattern.compile("\"latitude\":([0-9.]+)");
    private static final Pattern LONGITUDE = Pattern.compile("\"longitude\":([0-9.]+)");
    private static final Pattern REQUIREMENT = Pattern.compile(
            "\"requirement\":\"([A-Z_]+)\",\"name\":\"[^\"]*\",\"needsUtilityConfirmation\":false,\"needsPermit\":false");

    /**
     * Records an item of a case in progress in the user's jurisdiction with a site photo (multipart, as the phone page
     * sends it), reloading the case once when another user changed it first (409); answers when the recording began.
     */
    static long recordItem(Getter client, String listPath) throws Exception {
        List<Long> ids = ids(client.get(listPath));
        if (ids.isEmpty()) {
            ids = ids(client.get(listPath.replaceAll("&page=\\d+", "")));
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no case in progress to record an item on");
        }
        long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        for (int attempt = 0; ; attempt++) {
            String json = client.get("/api/v1/cases/" + id);
            Matcher version = VERSION.matcher(json);
            Matcher requirement = REQUIREMENT.matcher(json);
            Matcher lat = LATITUDE.matcher(json);
            Matcher lon = LONGITUDE.matcher(json);
            if (!version.find() || !requirement.find()) {
                throw new IllegalStateException("case " + id + " has no version or item recorded by a photo alone: " + json.substring(0, Math.min(200, json.length())));
            }
            Double latitude = lat.find() ? Double.valueOf(lat.group(1)) : null;
            Double longitude = lon.find() ? Double.valueOf(lon.group(1)) : null;
            byte[] photo = org.qingyuan.demo.DemoPhotos.sitePhoto(true, id, "负载", java.time.Instant.now().minusSeconds(60),
                    latitude, longitude);
            long t0 = System.nanoTime();
            try {
                client.upload("/api/v1/cases/" + id + "/items/" + requirement.group(1), "files", "现场.jpg", "image/jpeg", photo,
                        Map.of("version", version.group(1), "note", "负载测试：现场已整改"));
                return t0;
            } catch (IllegalStateException e) {
                if (attempt > 0 || !String.valueOf(e.getMessage()).contains("→ 409")) {
                    throw e;
                }
            }
        }
    }

    static Kind pick(int totalWeight) {
        int r = ThreadLocalRandom.current().nextInt(totalWeight);
        for (Kind kind : MIX) {
            r -= kind.weight();
            if (r < 0) {
                return kind;
            }
        }
        return MIX.get(0);
    }

    static List<Long> ids(String json) {
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"id\":(\\d+)").matcher(json);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
