package org.qingyuan.utility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's utility orders and licence actions in the home district (惠济区 here; the subclasses run the others). */
@SpringBootTest
class DemoUtilityTests {

    @Autowired JdbcClient jdbc;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theDemoHasAnOpenPowerCutAConfirmedWaterCutAndARevokedLicence() {
        assertThat(count("SELECT count(*) FROM utility_order WHERE utility = 'POWER' AND action = 'CUT' AND state = 'ORDERED'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM utility_order WHERE utility = 'WATER' AND action = 'CUT' AND state = 'EXECUTED'"
                + " AND confirmation_attachment_id IS NOT NULL")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM licence_action WHERE kind = 'REVOCATION'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM app_user WHERE username IN ('power', 'water', 'market')")).isEqualTo(3);
    }
}
