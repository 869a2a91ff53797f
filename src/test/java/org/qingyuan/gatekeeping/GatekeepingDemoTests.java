package org.qingyuan.gatekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.platform.Deployment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gatekeeping demo in 惠济区 (410108); subclassed for the other shipped home districts. */
@SpringBootTest
class GatekeepingDemoTests {

    @Autowired Deployment deployment;
    @Autowired Gatekeeping gatekeeping;
    @Autowired JdbcClient jdbc;

    @Test
    void theDemoHasARedLineThatBansItsCentreAndALandlordWithAGuarantee() {
        String home = deployment.homeDistrict().value();
        String boundary = jdbc.sql("SELECT boundary FROM red_line_area WHERE division_code = :d").param("d", home)
                .query(String.class).single();
        JsonNode ring = JsonMapper.builder().build().readTree(boundary).path("coordinates").get(0);
        double lon = (ring.get(0).get(0).asDouble() + ring.get(2).get(0).asDouble()) / 2;
        double lat = (ring.get(0).get(1).asDouble() + ring.get(2).get(1).asDouble()) / 2;
        var officer = new CurrentUser(9001, "env-dept", "生态环境局", "DEPARTMENT_OFFICER", "部门", deployment.homeDistrict(),
                "ENVIRONMENT");
        LookupAnswer answer = gatekeeping.lookup(new LookupQuery(null, null, null, lat, lon, null), officer);
        assertThat(answer.banned()).isTrue();
        assertThat(answer.redLines()).extracting(LookupAnswer.RedLineHit::name).contains("饮用水源保护区禁入红线（演示）");
        assertThat(answer.listed()).as("the red line is drawn around a listed site").isTrue();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM landlord l JOIN guarantee_letter g ON g.landlord_id = l.id
                         WHERE l.division_code LIKE :d || '%' AND l.kind = 'VILLAGE_COLLECTIVE'
                        """).param("d", home).query(Long.class).single()).isOne();
    }
}
