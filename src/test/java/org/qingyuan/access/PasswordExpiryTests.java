package org.qingyuan.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qingyuan.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Outside demo mode a password older than the policy's maximum age must be changed at sign-in. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "qingyuan.demo=false")
class PasswordExpiryTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void aPasswordOlderThanNinetyDaysMustBeChanged() {
        assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).as("no demo accounts").isZero();
        for (String name : new String[] {"fresh", "stale"}) {
            jdbc.sql("""
                            INSERT INTO app_user (username, display_name, password_hash, role_code, division_code, password_changed_at)
                            VALUES (:u, :u, :hash, 'TOWN_OFFICER', '410108001', now() - make_interval(days => :age))
                            """)
                    .param("u", name).param("hash", encoder.encode("Town#Officer9")).param("age", name.equals("stale") ? 91 : 89)
                    .update();
        }
        WebClient fresh = new WebClient(port);
        fresh.login("fresh", "Town#Officer9");
        assertThat(fresh.get("/").statusCode()).isEqualTo(200);

        WebClient stale = new WebClient(port);
        stale.login("stale", "Town#Officer9");
        assertThat(stale.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
    }
}
