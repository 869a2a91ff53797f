package org.qingyuan.platform.internal;

import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A PostgreSQL of its own for drills (bench/two-nodes.sh): {@code StandaloneDatabase <data-dir> <port>}, until killed. */
public final class StandaloneDatabase {

    private StandaloneDatabase() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false)
                .setPort(Integer.parseInt(args[1])).setPGStartupWait(Duration.ofSeconds(60)).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        System.out.println("READY " + postgres.getJdbcUrl("postgres", "postgres"));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
