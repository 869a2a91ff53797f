package org.qingyuan.platform;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.qingyuan.QingyuanApplication;

/**
 * The platform in a JVM of its own, as {@code java -jar} runs it: the production classpath (the test classes left
 * out), the persistent embedded PostgreSQL in a data directory of its own on a fixed port, demo data. It can be killed
 * with SIGKILL ({@code kill -9}: no shutdown hook, the postmaster left orphaned) and started again on the same data.
 */
final class ChildPlatform implements AutoCloseable {

    private final Path dataDir;
    private final Path log;
    private final int httpPort;
    private final int pgPort;
    private Process process;

    ChildPlatform(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        this.httpPort = freePort(8300, 8399);
        this.pgPort = freePort(55500, 55599);
    }

    /** A free port of the range the fault drills may use. */
    static int freePort(int from, int to) throws IOException {
        int size = to - from + 1;
        long offset = ProcessHandle.current().pid() % size;
        for (int i = 0; i < size; i++) {
            int candidate = (int) (from + (offset + i) % size);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return candidate;
            } catch (IOException busy) {
                // the next one
            }
        }
        throw new IOException("no free port in " + from + "–" + to);
    }

    int httpPort() {
        return httpPort;
    }

    /** The application's database, as the test may read it (the embedded cluster trusts local connections). */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + pgPort + "/qingyuan?user=postgres";
    }

    Path dataDir() {
        return dataDir;
    }

    /** Starts the platform and waits until {@code /actuator/health} answers UP. */
    ChildPlatform start(int waitSeconds) throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", classpath, QingyuanApplication.class.getName(),
                "--server.port=" + httpPort, "--qingyuan.data-dir=" + dataDir, "--qingyuan.embedded.port=" + pgPort,
                "--qingyuan.demo=true", "--logging.level.root=WARN", "--logging.level.org.qingyuan=INFO"));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new AssertionError("the platform exited at start:\n" + logTail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the platform was not up in " + waitSeconds + " s:\n" + logTail());
    }

    /** SIGKILL, as {@code kill -9}: the JVM ends at once, its postmaster stays (orphaned) with the open transactions. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the platform did not die");
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The postmaster of this data directory, if one runs. */
    Optional<ProcessHandle> postmaster() throws IOException {
        Path pid = dataDir.resolve("postgres/postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        String first = Files.readAllLines(pid).stream().findFirst().orElse("").strip();
        return first.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
    }

    /** Ends the child and whatever postmaster it left, whatever state the test stopped in. */
    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        Optional<ProcessHandle> orphan = postmaster();
        if (orphan.isPresent()) {
            // SIGINT (fast shutdown) to the postmaster of our own data directory only
            new ProcessBuilder("kill", "-INT", Long.toString(orphan.get().pid())).start().waitFor();
            orphan.get().onExit().get(60, TimeUnit.SECONDS);
        }
    }
}
