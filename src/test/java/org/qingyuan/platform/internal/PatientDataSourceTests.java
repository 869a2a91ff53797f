package org.qingyuan.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

/**
 * A pool whose connections are all busy is asked again until the wait runs out, then the failure says "busy" (no
 * cause); a pool that cannot connect fails at once with the connect failure. Against a real HikariCP pool as well,
 * whose wait is short: the request that outlasts it still gets the connection when it comes free.
 */
class PatientDataSourceTests {

    /** Answers {@code busyTimes} waits that ran out, then connections; or connect failures while {@code down}. */
    static final class Pool implements DataSource {
        final AtomicInteger asked = new AtomicInteger();
        final int busyTimes;
        final boolean down;

        Pool(int busyTimes, boolean down) {
            this.busyTimes = busyTimes;
            this.down = down;
        }

        @Override
        public Connection getConnection() throws SQLException {
            int n = asked.incrementAndGet();
            if (down) {
                throw new SQLTransientConnectionException("pool - Connection is not available, request timed out after 50ms", "08001",
                        new SQLException("Connection refused", "08001", new ConnectException("Connection refused")));
            }
            if (n <= busyTimes) {
                sleep(50);
                throw new SQLTransientConnectionException("pool - Connection is not available, request timed out after 50ms");
            }
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> switch (method.getReturnType().getName()) {   // enough for HikariCP
                        case "boolean" -> method.getName().equals("isValid") || method.getName().equals("getAutoCommit");
                        case "int" -> method.getName().equals("getTransactionIsolation") ? Connection.TRANSACTION_READ_COMMITTED : 0;
                        default -> method.getName().equals("toString") ? "fake" : null;
                    });
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            return null;
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aBusyPoolIsAskedAgainUntilAConnectionComesFree() throws Exception {
        Pool pool = new Pool(3, false);
        try (Connection c = new PatientDataSource(pool, Duration.ofSeconds(10)).getConnection()) {
            assertThat(c).isNotNull();
        }
        assertThat(pool.asked).hasValue(4);
    }

    @Test
    void aWaitThatRunsOutIsOverloadWithoutCause() {
        Pool pool = new Pool(Integer.MAX_VALUE, false);
        long start = System.nanoTime();
        assertThatThrownBy(() -> new PatientDataSource(pool, Duration.ofMillis(400)).getConnection())
                .isInstanceOf(SQLTransientConnectionException.class).hasMessageContaining("request timed out").hasNoCause();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(400), Duration.ofSeconds(3));
        assertThat(pool.asked.get()).isBetween(8, 10);
    }

    @Test
    void anUnreachableDatabaseFailsAtOnceWithTheConnectFailure() {
        Pool pool = new Pool(0, true);
        assertThatThrownBy(() -> new PatientDataSource(pool, Duration.ofSeconds(30)).getConnection())
                .isInstanceOf(SQLTransientConnectionException.class).hasRootCauseInstanceOf(ConnectException.class);
        assertThat(pool.asked).hasValue(1);
    }

    @Test
    void withHikariARequestOutlastingThePoolsWaitGetsTheConnectionWhenItComesFree() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSource(new Pool(0, false));
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        config.setPoolName("patient-test");
        try (HikariDataSource hikari = new HikariDataSource(config)) {
            PatientDataSource patient = new PatientDataSource(hikari, Duration.ofSeconds(10));
            Connection held = patient.getConnection();
            Thread releaser = new Thread(() -> {
                sleep(1_000);   // four of the pool's waits
                try {
                    held.close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            releaser.start();
            long start = System.nanoTime();
            try (Connection next = patient.getConnection()) {
                assertThat(next).isNotNull();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(900));
            releaser.join();

            assertThatThrownBy(() -> {
                try (Connection a = patient.getConnection(); Connection b = new PatientDataSource(hikari, Duration.ofMillis(600)).getConnection()) {
                    assertThat(a).isNotSameAs(b);
                }
            }).isInstanceOf(SQLTransientConnectionException.class).hasNoCause();
        }
    }
}
