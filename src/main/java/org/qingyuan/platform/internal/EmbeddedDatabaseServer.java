package org.qingyuan.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.qingyuan.platform.QingyuanProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL. Persistent mode keeps its cluster under {@code <data-dir>/postgres}
 * with fsync and synchronous commit on; ephemeral mode (tests) shares one throwaway cluster per
 * JVM and hands each application context a fresh database.
 */
final class EmbeddedDatabaseServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);
    private static final AtomicInteger databases = new AtomicInteger();
    private static volatile EmbeddedPostgres sharedEphemeral;

    private volatile EmbeddedPostgres postgres;
    private final String database;
    private final boolean ownsServer;
    /** The persistent cluster's directory and settings, to start it again if it dies; null when ephemeral. */
    private final Path pgData;
    private final QingyuanProperties.Embedded settings;
    private boolean closed;

    private EmbeddedDatabaseServer(EmbeddedPostgres postgres, String database, boolean ownsServer, Path pgData,
                                   QingyuanProperties.Embedded settings) {
        this.postgres = postgres;
        this.database = database;
        this.ownsServer = ownsServer;
        this.pgData = pgData;
        this.settings = settings;
    }

    static EmbeddedDatabaseServer start(Path dataDir, QingyuanProperties.Embedded settings) {
        try {
            return settings.ephemeral() ? ephemeral(settings) : persistent(dataDir, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("嵌入式数据库启动失败", e);
        }
    }

    private static EmbeddedDatabaseServer persistent(Path dataDir, QingyuanProperties.Embedded settings) throws IOException {
        Path pgData = dataDir.resolve("postgres");
        Files.createDirectories(pgData);
        OrphanedPostmaster.stopIfRunning(pgData, settings.startupWaitSeconds());
        EmbeddedPostgres postgres = startPersistent(pgData, settings, settings.port());
        createDatabaseIfMissing(postgres, "qingyuan");
        return new EmbeddedDatabaseServer(postgres, "qingyuan", true, pgData, settings);
    }

    private static EmbeddedPostgres startPersistent(Path pgData, QingyuanProperties.Embedded settings, int port) throws IOException {
        long started = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                // the default 128 MB holds less than a province's enterprise table; pages beyond it come from the OS cache
                .setServerConfig("shared_buffers", settings.sharedBuffers())
                .setPGStartupWait(Duration.ofSeconds(settings.startupWaitSeconds()))
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {} ready in {} ms", postgres.getPort(), pgData,
                (System.nanoTime() - started) / 1_000_000);
        return postgres;
    }

    /**
     * Starts the persistent cluster again, on the same data and port, when its postmaster has died or been stopped
     * while the application runs (killed, crashed, stopped by hand): PostgreSQL recovers from its WAL, and the pool's
     * connections find it again at the same address. Answers whether it had to; does nothing for the ephemeral
     * cluster of the tests or once the application is closing.
     */
    synchronized boolean restartIfDown() throws IOException {
        if (closed || pgData == null || postmasterAlive()) {
            return false;
        }
        EmbeddedPostgres dead = postgres;
        log.warn("Embedded PostgreSQL on port {} is gone (postmaster not running); starting it again on {}", dead.getPort(), pgData);
        try {
            dead.close();   // releases its lock on the data directory; stopping the dead postmaster fails quietly
        } catch (IOException | RuntimeException e) {
            log.debug("closing the dead embedded PostgreSQL", e);
        }
        postgres = startPersistent(pgData, settings, dead.getPort());
        return true;
    }

    private boolean postmasterAlive() throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        try {
            return ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;   // being written by a starting postmaster
        }
    }

    private static EmbeddedDatabaseServer ephemeral(QingyuanProperties.Embedded settings) throws IOException {
        synchronized (EmbeddedDatabaseServer.class) {
            if (sharedEphemeral == null) {
                sharedEphemeral = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        // every cached test context has its own pool on this one server
                        .setServerConfig("max_connections", "400")
                        .setPGStartupWait(Duration.ofSeconds(settings.startupWaitSeconds()))
                        .start();
            }
        }
        String database = "qingyuan_test_" + databases.incrementAndGet();
        createDatabaseIfMissing(sharedEphemeral, database);
        return new EmbeddedDatabaseServer(sharedEphemeral, database, false, null, settings);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("无法创建数据库 " + database, e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", database);
    }

    synchronized void close() throws IOException {
        closed = true;
        if (ownsServer) {
            postgres.close();
        }
    }
}
