package org.qingyuan.demo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which demo data sets this database holds (table {@code demo_seed}); each is built once, under an advisory lock. */
@Component
class DemoSeeds {

    private final JdbcClient jdbc;

    DemoSeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a data set inside the caller's transaction: true when it was not seeded yet (the caller builds it now and
     * the claim commits with it), false when it was.
     */
    boolean claim(String name) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('demo_seed:' || :name))").param("name", name).query().singleValue();
        return jdbc.sql("INSERT INTO demo_seed (name) VALUES (:name) ON CONFLICT DO NOTHING").param("name", name).update() == 1;
    }
}
