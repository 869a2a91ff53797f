package org.qingyuan.shell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Overload is told apart from an outage: the pool's wait running out with no connect failure behind it is "busy"
 * (系统繁忙), with one behind it the database is unreachable; both are answered 503.
 */
class PoolExhaustedTests {

    static final String TIMED_OUT = "HikariPool-1 - Connection is not available, request timed out after 5000ms "
            + "(total=10, active=10, idle=0, waiting=37)";

    @Test
    void aTimedOutWaitWithoutCauseIsOverload() {
        Exception busy = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException(TIMED_OUT));
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(busy)).isTrue();
        assertThat(DatabaseUnavailableFilter.poolExhausted(busy)).isTrue();
    }

    @Test
    void aTimedOutWaitAfterAConnectFailureIsAnOutage() {
        SQLTransientConnectionException down = new SQLTransientConnectionException(TIMED_OUT, "08001",
                new java.sql.SQLException("Connection refused", "08001", new ConnectException("Connection refused")));
        Exception wrapped = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", down);
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(wrapped)).isTrue();
        assertThat(DatabaseUnavailableFilter.poolExhausted(wrapped)).isFalse();
        assertThat(DatabaseUnavailableFilter.poolExhausted(new IllegalStateException("other"))).isFalse();
    }

    @Test
    void aRollbackThatFailedAfterTheDatabaseWentDownIsAnOutage() {
        // as in a CI run of DatabaseRestartTests: the session read failed (57P01), then its rollback ("Connection is closed")
        var rollback = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new java.sql.SQLException("Connection is closed"));
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(rollback)).as("the rollback alone says nothing").isFalse();
        rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("PreparedStatementCallback",
                new java.sql.SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(rollback)).isTrue();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new RuntimeException("wrapped", rollback))).isTrue();
    }

    @Test
    void aRollbackAfterAFailedCommitOnAnEvictedConnectionIsAnOutage() {
        // as in the restart stress drill: the commit failed (57P01), HikariCP evicted the connection, and Spring threw
        // only the rollback's exception, whose cause is the pool's closed connection, without a SQL state
        java.sql.SQLException closed = new java.sql.SQLException("Connection is closed");
        closed.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection",
                "lambda$getClosedConnection$0", "ProxyConnection.java", 559)});
        var rollback = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed", closed);
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(rollback)).isTrue();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new jakarta.servlet.ServletException(rollback))).isTrue();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new java.sql.SQLException("Connection is closed", "42000")))
                .as("the same words with a state of their own are not the pool's").isFalse();
    }
}
