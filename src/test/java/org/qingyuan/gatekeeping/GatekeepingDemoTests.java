package org.qingyuan.gatekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.platform.Deployment;
import org.qingyuan.policy.GatekeepingBasis;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.Policy;
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
    @Autowired Policies policies;

    /** The localities of the seed documents and shipped plans; an answer may name only its own plan's. */
    static final List<String> LOCALITIES = List.of("俵口", "宁河", "江津", "重庆", "水磨沟", "乌鲁木齐", "惠济", "郑州", "滨海",
            "天津");

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

    @Test
    void theLegalBasisOfABannedSiteAndOfTheDemoRedLineCitesOnlyThisDistrictsOwnPlan() {
        Policy plan = policies.active().orElseThrow();
        String own = plan.info().title() + plan.info().issuer() + plan.info().document();
        var officer = new CurrentUser(9001, "env-dept", "生态环境局", "DEPARTMENT_OFFICER", "部门", deployment.homeDistrict(),
                "ENVIRONMENT");
        var site = jdbc.sql("""
                        SELECT e.latitude, e.longitude FROM rectification_case c JOIN enterprise e ON e.id = c.enterprise_id
                         WHERE c.measure = 'SHUTDOWN' AND c.state <> 'WITHDRAWN' AND e.status = 'ACTIVE'
                           AND e.division_code LIKE :d || '%' AND e.latitude IS NOT NULL ORDER BY e.id LIMIT 1
                        """).param("d", deployment.homeDistrict().value())
                .query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        LookupAnswer answer = gatekeeping.lookup(new LookupQuery(null, null, null, site[0], site[1], 30.0), officer);
        List<String> cited = new ArrayList<>();
        answer.matches().forEach(m -> cited.addAll(m.legalBasis()));
        answer.redLines().forEach(r -> cited.add(r.legalBasis()));
        assertThat(answer.matches()).anyMatch(LookupAnswer.Match::banned);
        assertThat(cited).isNotEmpty();
        for (String locality : LOCALITIES) {
            if (!own.contains(locality)) {
                assertThat(cited).as("no citation of another locality's document (" + locality + ")")
                        .noneMatch(text -> text.contains(locality));
            }
        }
        GatekeepingBasis stated = plan.gatekeeping();
        var shutDown = answer.matches().stream().filter(LookupAnswer.Match::banned).findFirst().orElseThrow().legalBasis();
        for (String provision : java.util.Arrays.asList(stated.noNewProjects(), stated.noSupport(), stated.entryRedLine())) {
            if (provision != null) {
                assertThat(shutDown).as("the plan's own provision, verbatim").contains(provision);
            }
        }
        if (stated.equals(GatekeepingBasis.NONE)) {
            assertThat(shutDown).allMatch(text -> text.contains("《" + plan.info().title() + "》"));
        }
        String redLineBasis = jdbc.sql("SELECT legal_basis FROM red_line_area WHERE division_code = :d")
                .param("d", deployment.homeDistrict().value()).query(String.class).single();
        assertThat(redLineBasis).isEqualTo(stated.entryRedLine() != null ? stated.entryRedLine()
                : "依据《" + plan.info().title() + "》" + (plan.info().document().contains(plan.info().title()) ? ""
                : "（" + plan.info().document() + "）") + "开展“散乱污”企业整治：严把市场准入关，严禁新增“散乱污”企业；"
                + "规范新增接电、接水管理，防止已取缔企业死灰复燃");
    }
}
