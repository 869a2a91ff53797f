package org.qingyuan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qingyuan.QingyuanApplication;
import org.qingyuan.support.WebClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database restarts under load (issue 22 §2): while it is down every request answers 503 problem+json (never a
 * 500), the platform recovers by itself once it is back, and every write that answered 201 is in the database.
 */
class DatabaseRestartTests {

    @TempDir
    Path work;

    static EmbeddedPostgres database(Path dir, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    record Answer(String name, int status, String type, String body) {
    }

    @Test
    void whileTheDatabaseRestartsRequestsAnswer503AndEveryWriteThatAnswered201IsKept() throws Exception {
        int dbPort = freePort();
        Path pgData = work.resolve("pg");
        EmbeddedPostgres postgres = database(pgData, dbPort);
        try (var context = new SpringApplicationBuilder(QingyuanApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://localhost:" + dbPort + "/postgres", "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.connection-timeout=2000", "--qingyuan.demo=true", "--qingyuan.data-dir=" + work.resolve("data"))) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            String village = jdbc.sql("SELECT code FROM division WHERE code LIKE '410108%' AND length(code) = 12 ORDER BY code LIMIT 1")
                    .query(String.class).single();
            WebClient client = new WebClient(port);
            client.login("district", "Qingyuan@2026");
            client.get("/");
            List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sequence = new AtomicInteger();
            Thread writer = new Thread(() -> {
                while (running.get()) {
                    String name = "断库演练企业" + sequence.incrementAndGet();
                    try {
                        HttpResponse<String> r = client.send("POST", "/api/v1/enterprises",
                                "{\"name\":\"" + name + "\",\"divisionCode\":\"" + village + "\",\"address\":\"演练路" + sequence.get()
                                        + "号\",\"type\":\"SLW\",\"discovery\":\"PATROL\"}",
                                "Content-Type", "application/json", "X-XSRF-TOKEN", client.cookie("XSRF-TOKEN"));
                        answers.add(new Answer(name, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body()));
                    } catch (java.io.UncheckedIOException e) {
                        // an answer cut off (a broken chunked body) is a failure to report, not the end of the writes
                        answers.add(new Answer(name, -1, "", e.toString()));
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            writer.setDaemon(true);
            writer.start();
            awaitAnswers(answers, 201, 5);
            postgres.close();                                 // the database goes down under load
            int beforeRestart = awaitAnswers(answers, 503, 3);
            postgres = database(pgData, dbPort);              // and comes back, same data, same port
            awaitAnswersAfter(answers, beforeRestart, 201, 5);
            running.set(false);
            writer.join(30_000);

            List<Answer> all = List.copyOf(answers);
            assertThat(all).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(201, 503));
            assertThat(all).filteredOn(a -> a.status() == 503).allSatisfy(a -> {
                assertThat(a.type()).startsWith("application/problem+json");
                assertThat(a.body()).contains("数据库暂时不可用").doesNotContain("Exception");
            });
            List<String> kept = jdbc.sql("SELECT name FROM enterprise WHERE name LIKE '断库演练企业%'").query(String.class).list();
            assertThat(kept).containsAll(all.stream().filter(a -> a.status() == 201).map(Answer::name).toList());
            assertThat(client.get("/actuator/health").body()).contains("UP");
        } finally {
            postgres.close();
        }
    }

    static int awaitAnswers(List<Answer> answers, int status, int count) throws InterruptedException {
        return awaitAnswersAfter(answers, 0, status, count);
    }

    /** Waits until {@code count} answers with the status came after index {@code from}; answers the list's size then. */
    static int awaitAnswersAfter(List<Answer> answers, int from, int status, int count) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            synchronized (answers) {
                if (answers.subList(from, answers.size()).stream().filter(a -> a.status() == status).count() >= count) {
                    return answers.size();
                }
            }
            Thread.sleep(100);
        }
        synchronized (answers) {
            throw new AssertionError("no " + count + " answers " + status + " after " + from + " in 60 s; the last: "
                    + answers.subList(Math.max(from, answers.size() - 3), answers.size()));
        }
    }
}
