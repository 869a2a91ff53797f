package org.qingyuan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qingyuan.QingyuanApplication;
import org.qingyuan.platform.DatabaseRestartTests.Answer;
import org.qingyuan.support.WebClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application's own embedded PostgreSQL killed under writes ({@code kill -9} of its postmaster): requests answer
 * 503 problem+json while it is gone, the watchdog starts it again on the same data and port, the pool reconnects, and
 * every registration that answered 201 is there — without restarting the application.
 */
class EmbeddedDatabaseRestartTests {

    @TempDir
    Path work;

    @Test
    void whenTheEmbeddedPostmasterDiesRequestsAnswer503UntilTheWatchdogStartsItAgainAndNo201IsLost() throws Exception {
        Path data = work.resolve("data");
        try (var context = new SpringApplicationBuilder(QingyuanApplication.class).run("--server.port=0",
                "--qingyuan.embedded.ephemeral=false", "--qingyuan.data-dir=" + data, "--qingyuan.demo=true",
                "--qingyuan.embedded.watchdog-interval=PT8S")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            WebClient client = new WebClient(port);
            client.login("district", "Qingyuan@2026");
            client.get("/");
            List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sequence = new AtomicInteger();
            Thread writer = new Thread(() -> {
                while (running.get()) {
                    String name = "嵌入库演练企业" + sequence.incrementAndGet();
                    HttpResponse<String> r = client.send("POST", "/api/v1/enterprises",
                            "{\"name\":\"" + name + "\",\"divisionCode\":\"410108001001\",\"address\":\"演练路" + sequence.get()
                                    + "号\",\"type\":\"SLW\",\"discovery\":\"PATROL\"}",
                            "Content-Type", "application/json", "X-XSRF-TOKEN", client.cookie("XSRF-TOKEN"));
                    answers.add(new Answer(name, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body()));
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            writer.setDaemon(true);
            writer.start();
            DatabaseRestartTests.awaitAnswers(answers, 201, 5);

            ProcessHandle postmaster = postmaster(data.resolve("postgres"));
            long killedAt = System.nanoTime();
            postmaster.destroyForcibly();   // SIGKILL: the cluster is gone under load, no clean shutdown
            postmaster.onExit().get(30, TimeUnit.SECONDS);
            int down = DatabaseRestartTests.awaitAnswers(answers, 503, 1);
            DatabaseRestartTests.awaitAnswersAfter(answers, down, 201, 5);
            long outage = (System.nanoTime() - killedAt) / 1_000_000;
            running.set(false);
            writer.join(30_000);

            List<Answer> all = List.copyOf(answers);
            assertThat(all).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(201, 503));
            assertThat(all).filteredOn(a -> a.status() == 503).allSatisfy(a -> {
                assertThat(a.type()).startsWith("application/problem+json");
                assertThat(a.body()).contains("数据库暂时不可用").doesNotContain("Exception");
            });
            List<String> kept = jdbc.sql("SELECT name FROM enterprise WHERE name LIKE '嵌入库演练企业%'").query(String.class).list();
            List<String> created = all.stream().filter(a -> a.status() == 201).map(Answer::name).toList();
            assertThat(kept).containsAll(created);
            assertThat(postmaster(data.resolve("postgres")).pid()).isNotEqualTo(postmaster.pid());
            assertThat(client.get("/actuator/health").body()).contains("UP");
            System.out.printf("EmbeddedDatabaseRestartTests: %d writes, %d answered 201 (all kept), %d answered 503;"
                    + " from the kill until five writes answered 201 again %d ms%n", all.size(), created.size(),
                    all.stream().filter(a -> a.status() == 503).count(), outage);
        }
    }

    static ProcessHandle postmaster(Path pgData) throws Exception {
        String pid = Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).strip();
        return ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
    }
}
