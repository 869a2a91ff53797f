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
 * The database restarts under load (issue 22 §2), twice, under several writers: while it is down every request answers
 * 503 problem+json (never a 500, never an answer cut off), the platform recovers by itself once it is back, every write
 * that answered 201 is in the database, and a 503 tells the truth about its write (未保存: not there; 已保存: there).
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

    /** Writers and outages; more of both ({@code -Drestart.writers=6 -Drestart.rounds=12}) make a harder drill. */
    static final int WRITERS = Integer.getInteger("restart.writers", 4);
    static final int RESTARTS = Integer.getInteger("restart.rounds", 2);

    /** Registers enterprises one after another until told to stop, recording every answer (a cut-off one as -1). */
    static void write(WebClient client, String village, AtomicInteger sequence, List<Answer> answers, AtomicBoolean running) {
        while (running.get()) {
            int n = sequence.incrementAndGet();
            String name = "断库演练企业" + n;
            try {
                HttpResponse<String> r = client.send("POST", "/api/v1/enterprises",
                        "{\"name\":\"" + name + "\",\"divisionCode\":\"" + village + "\",\"address\":\"演练路" + n
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
            List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sequence = new AtomicInteger();
            List<Thread> writers = new ArrayList<>();
            WebClient client = null;
            for (int w = 0; w < WRITERS; w++) {   // several writers, so that each outage cuts some request mid-way
                WebClient writerClient = new WebClient(port);
                writerClient.login("district", "Qingyuan@2026");
                writerClient.get("/");
                client = writerClient;
                Thread writer = new Thread(() -> write(writerClient, village, sequence, answers, running));
                writer.setDaemon(true);
                writer.start();
                writers.add(writer);
            }
            for (int round = 0; round < RESTARTS; round++) {
                int from = answers.size();
                awaitAnswersAfter(answers, from, 201, 5);
                postgres.close();                                 // the database goes down under load
                int beforeRestart = awaitAnswersAfter(answers, from, 503, 3);
                postgres = database(pgData, dbPort);              // and comes back, same data, same port
                awaitAnswersAfter(answers, beforeRestart, 201, 5);
            }
            running.set(false);
            for (Thread writer : writers) {
                writer.join(30_000);
            }

            List<Answer> all = List.copyOf(answers);
            // name the stray answers alone first: a list of hundreds of 201 bodies hides the one that matters
            assertThat(all.stream().filter(a -> a.status() != 201 && a.status() != 503).toList()).as("answers neither 201 nor 503")
                    .isEmpty();
            assertThat(all).filteredOn(a -> a.status() == 503).allSatisfy(a -> {
                assertThat(a.type()).startsWith("application/problem+json");
                assertThat(a.body()).contains("数据库暂时不可用").doesNotContain("Exception");
            });
            List<String> kept = jdbc.sql("SELECT name FROM enterprise WHERE name LIKE '断库演练企业%'").query(String.class).list();
            System.out.printf("restart drill: %d writers, %d outages, %d answers: %d × 201, 503 未保存 %d, 已保存 %d, 无法确认 %d%n",
                    WRITERS, RESTARTS, all.size(), all.stream().filter(a -> a.status() == 201).count(), said(all, "本次操作未保存"),
                    said(all, "本次操作已保存"), said(all, "无法确认"));
            assertThat(kept).containsAll(all.stream().filter(a -> a.status() == 201).map(Answer::name).toList());
            // a 503 tells the truth about the write: 未保存 is not there, 已保存 is (无法确认 may be either)
            assertThat(all).filteredOn(a -> a.status() == 503 && a.body().contains("本次操作未保存"))
                    .allSatisfy(a -> assertThat(kept).as("said 未保存: " + a.name()).doesNotContain(a.name()));
            assertThat(all).filteredOn(a -> a.status() == 503 && a.body().contains("本次操作已保存"))
                    .allSatisfy(a -> assertThat(kept).as("said 已保存: " + a.name()).contains(a.name()));
            assertThat(client.get("/actuator/health").body()).contains("UP");
        } finally {
            postgres.close();
        }
    }

    static long said(List<Answer> answers, String words) {
        return answers.stream().filter(a -> a.status() == 503 && a.body().contains(words)).count();
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
