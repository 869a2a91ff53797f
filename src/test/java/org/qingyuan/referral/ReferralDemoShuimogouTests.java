package org.qingyuan.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The referral demo in 水磨沟区 (650105): every department's queue holds a referral; the joint operation is there. */
@SpringBootTest(properties = "qingyuan.home-district=650105")
class ReferralDemoShuimogouTests {

    @Autowired JdbcClient jdbc;

    @Test
    void everyDepartmentHasAReferralAndTheOperationIsThere() {
        for (String code : jdbc.sql("SELECT code FROM department").query(String.class).list()) {
            assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE department_code = :c AND district_code = '650105' AND state IN ('SENT', 'ACCEPTED')")
                    .param("c", code).query(Long.class).single()).as(code).isPositive();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM joint_operation WHERE district_code = '650105'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM joint_operation_part").query(Long.class).single()).isEqualTo(1);
    }
}
