package org.qingyuan.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The platform's pool is behind the patient wait, and what looks for the pool (metrics, health) still finds it. */
@SpringBootTest
class PatientPoolTests {

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    @Test
    void thePoolIsAskedPatientlyAndCanStillBeFound() {
        assertThat(dataSource).isInstanceOf(PatientDataSource.class);
        HikariDataSource pool = DataSourceUnwrapper.unwrap(dataSource, HikariDataSource.class);
        assertThat(pool).isNotNull();
        assertThat(pool.getHikariPoolMXBean()).isNotNull();
        assertThat(jdbc.sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
    }
}
