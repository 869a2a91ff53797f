package org.qingyuan.shared;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs statements over the as-of read models ({@code ledger_enterprise_as_of} and its kin) with nested-loop joins
 * disabled, then restores the setting; inside the caller's transaction (required: the setting is transaction-local).
 * The planner cannot estimate how many enterprises pass {@code coalesce(old, current) LIKE prefix} and
 * {@code coalesce(old, current) = 'ACTIVE'} once the versions are walked back: it guesses one row and loops over the
 * other side once per enterprise, which at 50,000 enterprises turned 150 ms into minutes (docs/benchmarks.md). Both
 * sides of those joins are a whole district or town, so hash joins are the right plan anyway.
 */
public final class HashJoins {

    private HashJoins() {
    }

    public static <T> T run(DataSource dataSource, Supplier<T> statements) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("HashJoins needs a transaction: the setting is transaction-local");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        String before = set(connection, "off");
        try {
            return statements.get();
        } finally {
            set(connection, before);
        }
    }

    /** Sets enable_nestloop for the transaction; answers the value it had. */
    private static String set(Connection connection, String value) {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('enable_nestloop'), set_config('enable_nestloop', '"
                     + ("on".equals(value) ? "on" : "off") + "', true)")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("enable_nestloop not set", e);
        }
    }
}
