package org.qingyuan.platform.internal;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.qingyuan.platform.Deployment;
import org.qingyuan.platform.EmbeddedDatabaseCondition;
import org.qingyuan.platform.QingyuanProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Starts the embedded PostgreSQL and offers it as the DataSource when no external database is configured. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    @Bean
    EmbeddedDatabaseServer embeddedDatabaseServer(Deployment deployment, QingyuanProperties properties) {
        return EmbeddedDatabaseServer.start(deployment.dataDir(), properties.embedded());
    }

    @Bean
    EmbeddedDatabaseWatchdog embeddedDatabaseWatchdog(EmbeddedDatabaseServer server) {
        return new EmbeddedDatabaseWatchdog(server);
    }

    @Bean
    DataSource dataSource(EmbeddedDatabaseServer server, QingyuanProperties properties) {
        HikariConfig config = new HikariConfig();
        if (properties.embedded().ephemeral()) {
            // the throwaway server may already be stopping when a test context closes: fail fast then
            config.setConnectionTimeout(2_000);
            // many test contexts share one server: each keeps one idle connection, not ten
            config.setMinimumIdle(1);
            config.setIdleTimeout(10_000);
        } else {
            // while the database restarts, a request waits at most this long, then answers 503 (shell's filter)
            config.setConnectionTimeout(5_000);
        }
        config.setJdbcUrl(server.jdbcUrl());
        // batched INSERTs become multi-row INSERTs: a statement's fixed cost (indexes, triggers, the generated
        // search column) is paid once per 128 rows instead of once per row (the Excel import writes in batches)
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setPoolName("qingyuan-embedded");
        config.setMaximumPoolSize(10);
        return new ClosingDataSource(config, server);
    }

    /** Closes the pool first, then stops the server it talks to. */
    static final class ClosingDataSource extends HikariDataSource {
        private final EmbeddedDatabaseServer server;

        ClosingDataSource(HikariConfig config, EmbeddedDatabaseServer server) {
            super(config);
            this.server = server;
        }

        @Override
        public void close() {
            super.close();
            try {
                server.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
