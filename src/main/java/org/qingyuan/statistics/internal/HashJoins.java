package org.qingyuan.statistics.internal;

import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a statement over the as-of read models with nested-loop joins disabled, then restores the setting, within the
 * caller's transaction. The planner cannot estimate how many enterprises pass {@code coalesce(old, current) LIKE
 * prefix} and {@code coalesce(old, current) = 'ACTIVE'} after the versions are walked back: it guesses one row and
 * loops over each case's last step once per enterprise, which at 50,000 enterprises turned 150 ms into minutes
 * (docs/benchmarks.md). Every side of those joins is a whole district, so hash joins are the right plan anyway.
 */
final class HashJoins {

    private HashJoins() {
    }

    static <T> T run(JdbcClient jdbc, Supplier<T> statement) {
        String before = jdbc.sql("SELECT current_setting('enable_nestloop')").query(String.class).single();
        jdbc.sql("SELECT set_config('enable_nestloop', 'off', true)").query(String.class).single();
        try {
            return statement.get();
        } finally {
            jdbc.sql("SELECT set_config('enable_nestloop', :before, true)").param("before", before).query(String.class).single();
        }
    }
}
