package org.qingyuan;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Samples, while the load harness runs, the platform JVM's heap ({@code jstat -gc <pid>}: used, and the old generation
 * which is what stays after collections) and the database's client connections and size (over JDBC to the embedded
 * PostgreSQL's port); prints a line per sample and the first/last/max at the end, for the soak's "flat after warm-up".
 */
final class Sampler {

    private final long pid;
    private final int pgPort;
    private final List<double[]> samples = new ArrayList<>();
    private volatile boolean running = true;
    private Thread thread;

    private Sampler(long pid, int pgPort) {
        this.pid = pid;
        this.pgPort = pgPort;
    }

    static Sampler start(long pid, int pgPort, int seconds) {
        Sampler s = new Sampler(pid, pgPort);
        if (pid > 0 || pgPort > 0) {
            s.thread = new Thread(() -> s.loop(seconds), "sampler");
            s.thread.setDaemon(true);
            s.thread.start();
        }
        return s;
    }

    private void loop(int seconds) {
        long t0 = System.nanoTime();
        while (running) {
            double[] heap = heap();
            double[] db = database();
            double t = (System.nanoTime() - t0) / 1e9;
            synchronized (samples) {
                samples.add(new double[]{t, heap[0], heap[1], db[0], db[1]});
            }
            System.out.printf("sample t=%4.0f s  heap used %6.0f MB  old gen %6.0f MB  db connections %3.0f  db size %7.0f MB%n",
                    t, heap[0], heap[1], db[0], db[1]);
            try {
                Thread.sleep(seconds * 1000L);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        thread.interrupt();
        synchronized (samples) {
            if (samples.isEmpty()) {
                return;
            }
            String[] names = {"heap used MB", "old gen MB", "db connections", "db size MB"};
            for (int i = 0; i < names.length; i++) {
                int c = i + 1;
                double max = samples.stream().mapToDouble(s -> s[c]).max().orElse(0);
                System.out.printf("%-15s first %8.0f  last %8.0f  max %8.0f%n", names[i], samples.get(0)[c],
                        samples.get(samples.size() - 1)[c], max);
            }
        }
    }

    /** Heap used and old generation used, MB; NaN when no pid or jstat failed. */
    private double[] heap() {
        if (pid <= 0) {
            return new double[]{Double.NaN, Double.NaN};
        }
        try {
            Process p = new ProcessBuilder("jstat", "-gc", String.valueOf(pid)).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                List<String> header = Arrays.asList(r.readLine().trim().split("\\s+"));
                String[] v = r.readLine().trim().split("\\s+");
                double used = 0;
                for (String col : List.of("S0U", "S1U", "EU", "OU")) {
                    used += Double.parseDouble(v[header.indexOf(col)]);
                }
                return new double[]{used / 1024, Double.parseDouble(v[header.indexOf("OU")]) / 1024};
            }
        } catch (Exception e) {
            return new double[]{Double.NaN, Double.NaN};
        }
    }

    /** The platform's client connections to its database and the database's size, MB. */
    private double[] database() {
        if (pgPort <= 0) {
            return new double[]{Double.NaN, Double.NaN};
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/qingyuan", "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = 'qingyuan' AND backend_type = 'client backend'
                               AND pid <> pg_backend_pid()),
                            pg_database_size('qingyuan') / 1048576.0""")) {
            rs.next();
            return new double[]{rs.getDouble(1), rs.getDouble(2)};
        } catch (Exception e) {
            return new double[]{Double.NaN, Double.NaN};
        }
    }
}
