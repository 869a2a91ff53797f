package org.qingyuan.evidence.internal;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput of the S3 store ({@code bench/s3-drill.sh}): objects stored through {@link S3ObjectStore#keep} (received
 * into a local file with SM3, HEAD, one signed PUT) and read back as a download does ({@code intact}: GET + SM3, then
 * {@code open}: GET streamed), against {@link LocalS3} (S3Proxy, in memory, on this machine) or {@code S3_TEST_ENDPOINT}.
 * Prints one line per size and concurrency. Not a test.
 */
public final class S3Benchmark {

    public static void main(String[] args) throws Exception {
        LocalS3 s3 = LocalS3.get();
        System.out.println("service: " + (s3.local() ? "S3Proxy (target/s3proxy/s3proxy.jar, transient blob store) at " : "")
                + s3.endpoint);
        run(s3, 200 * 1024, 200, 2, false);   // warm-up of both JVMs, not printed
        run(s3, 200 * 1024, 300, 1);
        run(s3, 200 * 1024, 300, 4);
        run(s3, 8 * 1024 * 1024, 12, 1);
        run(s3, 8 * 1024 * 1024, 12, 4);
        System.exit(0);
    }

    static void run(LocalS3 s3, int size, int count, int threads) throws Exception {
        run(s3, size, count, threads, true);
    }

    static void run(LocalS3 s3, int size, int count, int threads, boolean print) throws Exception {
        S3Client bucket = s3.newBucket("qy-bench");
        Path staging = Files.createTempDirectory("qy-s3-bench");
        S3ObjectStore store = new S3ObjectStore(bucket, new Staging(staging, 0));
        List<byte[]> contents = new ArrayList<>();
        Random random = new Random(size + count);
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            contents.add(bytes);
        }
        List<String> digests = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<String>> puts = new ArrayList<>();
            for (byte[] bytes : contents) {
                puts.add(pool.submit(() -> {
                    var received = store.receive(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
                    store.keep(received);
                    return received.sm3();
                }));
            }
            for (Future<String> put : puts) {
                digests.add(put.get());
            }
            double putSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            List<Future<Long>> gets = new ArrayList<>();
            for (String sm3 : digests) {
                gets.add(pool.submit(() -> {
                    if (!store.intact(sm3)) {
                        throw new IllegalStateException("not intact: " + sm3);
                    }
                    try (var in = store.open(sm3)) {
                        return in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }));
            }
            long read = 0;
            for (Future<Long> get : gets) {
                read += get.get();
            }
            double getSeconds = (System.nanoTime() - started) / 1e9;
            double mib = (double) size * count / (1024 * 1024);
            if (print) System.out.printf("%6d KiB x %3d, %d thread(s): store %6.1f objects/s %6.1f MiB/s | verified download %6.1f objects/s %6.1f MiB/s%n",
                    size / 1024, count, threads, count / putSeconds, mib / putSeconds, count / getSeconds,
                    read / (1024.0 * 1024) / getSeconds);
        } finally {
            pool.shutdownNow();
        }
    }
}
