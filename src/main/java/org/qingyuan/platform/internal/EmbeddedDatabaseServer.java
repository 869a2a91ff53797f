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

    private final EmbeddedPostgres postgres;
    private final String database;
    private final boolean ownsServer;

    private EmbeddedDatabaseServer(EmbeddedPostgres postgres, String database, boolean ownsServer) {
        this.postgres = postgres;
        this.database = database;
        this.ownsServer = ownsServer;
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
        long started = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPort(settings.port())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setPGStartupWait(Duration.ofSeconds(settings.startupWaitSeconds()))
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {} ready in {} ms", postgres.getPort(), pgData,
                (System.nanoTime() - started) / 1_000_000);
        createDatabaseIfMissing(postgres, "qingyuan");
        return new EmbeddedDatabaseServer(postgres, "qingyuan", true);
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
        return new EmbeddedDatabaseServer(sharedEphemeral, database, false);
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

    void close() throws IOException {
        if (ownsServer) {
            postgres.close();
        }
    }
}
