package org.qingyuan.evidence.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * The S3-compatible service of the tests: S3Proxy (Maven Central {@code org.gaul:s3proxy}, its self-contained jar copied
 * to {@code target/s3proxy/s3proxy.jar} by the build) started once per test JVM as a child process on 127.0.0.1, port
 * 8400–8499, with an in-memory ({@code transient}) blob store and {@code s3proxy.authorization=aws-v2-or-v4}: it checks
 * every request's signature against its credential and refuses a wrong one, which s3rver never did. It ends with the
 * test JVM, however that ends ({@link S3ProxyChild} watches its standard input). With
 * {@code S3_TEST_ENDPOINT} (and {@code S3_TEST_ACCESS_KEY}, {@code S3_TEST_SECRET_KEY}) set, that service is used instead.
 */
final class LocalS3 {

    static final String REGION = "us-east-1";

    private static LocalS3 running;

    final URI endpoint;
    final String accessKey;
    final String secretKey;
    private final Process process;

    private LocalS3(URI endpoint, String accessKey, String secretKey, Process process) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.process = process;
    }

    /** The service, started at the first call; stopped when the test JVM ends. */
    static synchronized LocalS3 get() {
        if (running == null) {
            String external = System.getenv("S3_TEST_ENDPOINT");
            running = external != null && !external.isBlank()
                    ? new LocalS3(URI.create(external), System.getenv("S3_TEST_ACCESS_KEY"), System.getenv("S3_TEST_SECRET_KEY"), null)
                    : start();
        }
        return running;
    }

    /** A client of a new bucket (made here) with the service's credentials. */
    S3Client newBucket(String prefix) throws IOException {
        S3Client client = client(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), secretKey);
        client.createBucket();
        return client;
    }

    S3Client client(String bucket, String secret) {
        return new S3Client(new S3Properties(endpoint, bucket, REGION, accessKey, secret), Clock.systemUTC());
    }

    private static LocalS3 start() {
        Path jar = Path.of("target/s3proxy/s3proxy.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the build (./mvnw test), which copies S3Proxy there");
        }
        String accessKey = "qingyuan-test";
        String secretKey = "local-s3-secret-" + UUID.randomUUID();
        try {
            Path dir = Files.createTempDirectory("qy-s3proxy");
            Path launcher = launcher(dir);
            for (int port = 8400 + (int) (ProcessHandle.current().pid() % 100), tries = 0; tries < 100; tries++, port = 8400 + (port - 8400 + 1) % 100) {
                if (listening(port)) {
                    continue;
                }
                URI endpoint = URI.create("http://127.0.0.1:" + port);
                Path conf = dir.resolve("s3proxy-" + port + ".conf");
                Files.writeString(conf, String.join("\n", "s3proxy.endpoint=" + endpoint, "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + accessKey, "s3proxy.credential=" + secretKey, "jclouds.provider=transient",
                        "jclouds.identity=local", "jclouds.credential=local", ""), StandardCharsets.ISO_8859_1);
                Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx" + System.getProperty("qingyuan.s3proxy.xmx", "256m"),
                        "-cp", jar + java.io.File.pathSeparator + launcher, S3ProxyChild.class.getName(), "--properties", conf.toString())
                        .redirectErrorStream(true).redirectOutput(jar.resolveSibling("s3proxy-" + port + ".log").toFile()).start();
                for (int i = 0; i < 150 && process.isAlive() && !listening(port); i++) {
                    Thread.sleep(100);
                }
                if (process.isAlive() && listening(port)) {
                    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
                    return new LocalS3(endpoint, accessKey, secretKey, process);
                }
                process.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("S3Proxy did not start on any port of 8400–8499 (log: target/s3proxy/s3proxy-*.log)");
    }

    /** A class path holding {@link S3ProxyChild} alone (not the tests' classes and resources). */
    private static Path launcher(Path dir) throws IOException {
        String name = S3ProxyChild.class.getName().replace('.', '/') + ".class";
        Path target = dir.resolve("launcher").resolve(name);
        Files.createDirectories(target.getParent());
        try (var in = S3ProxyChild.class.getClassLoader().getResourceAsStream(name)) {
            Files.copy(in, target);
        }
        return dir.resolve("launcher");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    boolean local() {
        return process != null;
    }
}
