package org.qingyuan.supervision;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The supervision pages on the demo data: last quarter's finished round with its estimates and a summons held, this
 * quarter's covert round that the town does not see, the tracking ledger in 001 附件2's columns, and the forms' refusals.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SupervisionPageTests {

    static final RequestPostProcessor SUPERVISOR = as(RoleCode.SUPERVISOR, "410108");
    static final RequestPostProcessor TOWN = as(RoleCode.TOWN_OFFICER, "410108001");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void theSupervisorSeesBothRoundsTheEstimatesAndTheLedgerWithTheSummons() throws Exception {
        long finished = jdbc.sql("SELECT id FROM supervision_round WHERE state = 'FINISHED' ORDER BY id LIMIT 1").query(Long.class).single();
        mvc.perform(get("/supervision").with(SUPERVISOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("季度明察"))).andExpect(content().string(containsString("季度暗访")))
                .andExpect(content().string(containsString("抽取新一轮督查对象")));
        mvc.perform(get("/supervision/rounds/" + finished).param("verify", "true").with(SUPERVISOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("复核一致")))
                .andExpect(content().string(containsString("销号真实性估计")))
                .andExpect(content().string(containsString("可能假报")));
        mvc.perform(get("/supervision/problems").with(SUPERVISOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("所在乡（镇）、办"))).andExpect(content().string(containsString("分包责任人")))
                .andExpect(content().string(containsString("销号不实")));
        long summoned = jdbc.sql("SELECT problem_id FROM supervision_escalation WHERE kind = 'SUMMONS' AND held_on IS NOT NULL LIMIT 1")
                .query(Long.class).single();
        mvc.perform(get("/supervision/problems/" + summoned).with(SUPERVISOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("约谈：报区大气办约谈辖区政府")))
                .andExpect(content().string(containsString("整改承诺")));
    }

    @Test
    void theTownSeesTheOpenRoundsTasksButNotTheCovertRoundNorTheEstimates() throws Exception {
        long covert = jdbc.sql("SELECT id FROM supervision_round WHERE mode = 'COVERT' ORDER BY id LIMIT 1").query(Long.class).single();
        long pending = jdbc.sql("SELECT id FROM inspection_task WHERE round_id = :r AND state = 'PENDING' AND town_code = '410108001' LIMIT 1")
                .param("r", covert).query(Long.class).single();
        mvc.perform(get("/supervision/tasks/" + pending).with(TOWN)).andExpect(status().isNotFound());
        mvc.perform(get("/supervision").with(TOWN)).andExpect(status().isOk())
                .andExpect(content().string(containsString("季度明察")))
                .andExpect(content().string(not(containsString("抽取新一轮督查对象"))));
        long open = jdbc.sql("SELECT id FROM supervision_round WHERE mode = 'OPEN' ORDER BY id LIMIT 1").query(Long.class).single();
        mvc.perform(get("/supervision/rounds/" + open).with(TOWN)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("销号真实性估计"))))
                .andExpect(content().string(not(containsString("随机种子"))));
        mvc.perform(get("/api/v1/supervision/rounds/" + open + "/population").with(TOWN)).andExpect(status().isNotFound());
        mvc.perform(post("/supervision/rounds").with(TOWN).with(csrf()).param("name", "x").param("mode", "OPEN"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aFormRefusalComesBackWithItsMessage() throws Exception {
        mvc.perform(post("/supervision/rounds").with(SUPERVISOR).with(csrf()).param("name", "").param("mode", "OPEN"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("轮次名称")));
        mvc.perform(post("/supervision/rounds").with(SUPERVISOR).with(csrf()).param("name", "低比例").param("mode", "OPEN")
                        .param("sharePercent", "10"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("不低于")));
        long pending = jdbc.sql("SELECT id FROM inspection_task WHERE state = 'PENDING' LIMIT 1").query(Long.class).single();
        mvc.perform(get("/supervision/tasks/" + pending).with(SUPERVISOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("提交检查结果")));
        mvc.perform(post("/supervision/tasks/" + pending + "/inspection").with(SUPERVISOR).with(csrf()).param("version", "0"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("现场照片")));
    }
}
