package org.qingyuan.platform.internal;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Asks the pool again while every connection is merely busy, up to {@code qingyuan.database.busy-wait} in all
 * (default 30 s), and gives up at once when the database is unreachable (issue 22 §1). The pool's own wait must stay
 * short, so that while the database restarts a request answers 503 within seconds; but at 500 busy officials on two
 * cores the mean wait for one of the 10 connections is itself about 5 s, and one request in twenty answered 503
 * "系统繁忙" though the database answered every statement it was given. HikariCP tells the two apart: a wait that ran
 * out because every connection was in use has no cause, one behind which connecting failed carries the failure.
 * (A queue of our own, first come first served, was tried and was worse: a request asks for a connection several
 * times — its session, its work, the session's save — and queued behind everyone each time, where the pool gives a
 * thread back the connection it just returned.)
 */
final class PatientDataSource extends DelegatingDataSource implements Closeable {

    private final long waitNanos;

    PatientDataSource(DataSource pool, Duration wait) {
        super(pool);
        this.waitNanos = wait.toNanos();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return patiently(() -> obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return patiently(() -> obtainTargetDataSource().getConnection(username, password));
    }

    private interface Asking {
        Connection connection() throws SQLException;
    }

    private Connection patiently(Asking asking) throws SQLException {
        long start = System.nanoTime();
        while (true) {
            try {
                return asking.connection();
            } catch (SQLTransientConnectionException e) {
                if (e.getCause() != null) {
                    throw e;   // connecting failed: the database is down, answer 503 now
                }
                long waited = System.nanoTime() - start;
                if (waited >= waitNanos) {
                    // no cause: the database answers, every connection was busy for the whole wait (shell's 503 "系统繁忙")
                    throw new SQLTransientConnectionException("Connection request timed out after waiting "
                            + Duration.ofNanos(waited).toMillis() + " ms: every connection busy", e.getSQLState());
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (obtainTargetDataSource() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
