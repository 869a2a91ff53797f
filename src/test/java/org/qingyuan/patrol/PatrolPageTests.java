package org.qingyuan.patrol;

import static org.hamcrest.Matchers.containsString;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.qingyuan.patrol.PatrolFixtures.GRID;
import static org.qingyuan.patrol.PatrolFixtures.TOWN;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.policy.Policies;
import org.qingyuan.rectification.Cases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The grid and patrol pages render for the people who use them, with the demo data in place. */
@SpringBootTest
@AutoConfigureMockMvc
class PatrolPageTests {

    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired Policies policies;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Cases cases;
    @Autowired JdbcClient jdbc;

    @Test
    void theGridPagesShowGridsMembersAndEnterprises() throws Exception {
        long demoGrid = jdbc.sql("SELECT id FROM grid WHERE created_by = 'demo' AND boundary IS NOT NULL ORDER BY id LIMIT 1")
                .query(Long.class).single();
        mvc.perform(get("/grids").with(TOWN)).andExpect(status().isOk()).andExpect(content().string(containsString("第一网格")))
                .andExpect(content().string(containsString("新建网格")));
        mvc.perform(get("/grids/" + demoGrid).with(GRID)).andExpect(status().isOk())
                .andExpect(content().string(containsString("按坐标"))).andExpect(content().string(containsString("grid")));
        mvc.perform(get("/grids/new").with(TOWN)).andExpect(status().isOk()).andExpect(content().string(containsString("选定村（社区）")));
        mvc.perform(get("/grids/new").param("village", PatrolFixtures.VILLAGE).with(TOWN)).andExpect(status().isOk())
                .andExpect(content().string(containsString("网格名称"))).andExpect(content().string(containsString("value=\"grid\"")));
        mvc.perform(get("/grids/" + demoGrid + "/edit").with(district())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Polygon")));
        mvc.perform(get("/grids/new").with(GRID)).andExpect(status().isForbidden());
        mvc.perform(post("/grids/new").with(TOWN).with(csrf()).param("villageCode", PatrolFixtures.VILLAGE).param("name", "")
                .param("boundary", "{\"type\": \"Point\"}")).andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写网格名称")))
                .andExpect(content().string(containsString("边界须为 GeoJSON 的 Polygon")));
    }

    @Test
    void thePatrolPagesShowTheWeekTheRotaAndTheGridMembersList() throws Exception {
        mvc.perform(get("/patrols/today").with(GRID)).andExpect(status().isOk())
                .andExpect(content().string(containsString("今日巡查"))).andExpect(content().string(containsString("区域扫街")));
        mvc.perform(get("/patrols").with(TOWN)).andExpect(status().isOk()).andExpect(content().string(containsString("夜查 #")));
        mvc.perform(get("/patrols/rota").with(TOWN)).andExpect(status().isOk())
                .andExpect(content().string(containsString(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString().substring(0, 7))))
                .andExpect(content().string(containsString("安排夜查")));
        long night = jdbc.sql("SELECT id FROM patrol WHERE kind = 'NIGHT' ORDER BY id LIMIT 1").query(Long.class).single();
        mvc.perform(get("/patrols/" + night).with(TOWN)).andExpect(status().isOk()).andExpect(content().string(containsString("带班领导")));
        long flagged = jdbc.sql("SELECT id FROM patrol_check_in WHERE cardinality(flags) > 0 ORDER BY id LIMIT 1").query(Long.class).single();
        mvc.perform(get("/patrols/check-ins/" + flagged).with(GRID)).andExpect(status().isOk())
                .andExpect(content().string(containsString("需核实")));
        long sweep = jdbc.sql("SELECT id FROM patrol_check_in WHERE finding = 'NEW_SITE' ORDER BY id LIMIT 1").query(Long.class).single();
        mvc.perform(get("/patrols/check-ins/" + sweep).with(GRID)).andExpect(status().isOk())
                .andExpect(content().string(containsString("发现疑似散乱污企业")));
        // the rota form refuses a night of one person, naming the field
        mvc.perform(post("/patrols/rota").with(TOWN).with(csrf()).param("townCode", PatrolFixtures.TOWN_CODE)
                        .param("night", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(40).toString()).param("leader", "王立民").param("members", ""))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("errors"));
        mvc.perform(post("/patrols/rota").with(GRID).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void aNightPatrolStartsFromTheRotaOnThePage() throws Exception {
        String night = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        long rota = jdbc.sql("SELECT id FROM night_rota WHERE night = CAST(:n AS date) AND patrol_id IS NULL").param("n", night)
                .query(Long.class).optional().orElseThrow();
        mvc.perform(post("/patrols/start").with(TOWN).with(csrf()).param("kind", "NIGHT").param("rotaId", Long.toString(rota)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "夜查已开始"));
        long patrol = jdbc.sql("SELECT id FROM patrol WHERE rota_id = :r").param("r", rota).query(Long.class).single();
        mvc.perform(get("/patrols/" + patrol).with(TOWN)).andExpect(status().isOk())
                .andExpect(content().string(containsString("夜查重点：已关停（已销号）企业")));
        List<String> people = jdbc.sql("SELECT unnest(participants) FROM patrol WHERE rota_id = :r").param("r", rota).query(String.class).list();
        org.assertj.core.api.Assertions.assertThat(people).hasSizeGreaterThanOrEqualTo(2);
    }
}
