package org.qingyuan.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.qingyuan.utility.UtilityFixtures.PDF;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.policy.Policies;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.rectification.Cases;
import org.qingyuan.rectification.Requirement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class UtilityPageTests {

    @Autowired MockMvc mvc;
    @Autowired Policies policies;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Cases cases;
    @Autowired JdbcClient jdbc;

    UtilityFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new UtilityFixtures(mvc, policies, events, tx, cases);
    }

    @Test
    void theTownOrdersOnThePageAndThePowerUtilityConfirmsFromItsQueue() throws Exception {
        CaseSummary shutdown = fixtures.open(UtilityFixtures.SHUTDOWN);
        mvc.perform(get("/utility-orders/new").param("enterprise", Long.toString(shutdown.enterpriseId())).with(as(UtilityFixtures.TOWN)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(shutdown.enterpriseName())));
        mvc.perform(multipart("/utility-orders").param("enterpriseId", Long.toString(shutdown.enterpriseId())).param("utility", "POWER")
                        .param("action", "RESTORE").param("accountNo", "A-1").param("reason", "恢复").with(as(UtilityFixtures.TOWN)).with(csrf()))
                .andExpect(redirectedUrl("/utility-orders/new?enterprise=" + shutdown.enterpriseId()))
                .andExpect(flash().attribute("error", containsString("不得恢复供应")));
        String location = mvc.perform(multipart("/utility-orders").file(new MockMultipartFile("document", "责令断电通知.pdf", "application/pdf", PDF))
                        .param("enterpriseId", Long.toString(shutdown.enterpriseId())).param("utility", "POWER").param("action", "CUT")
                        .param("accountNo", "0371-88001").param("reason", "依法关停取缔，责令断电").with(as(UtilityFixtures.TOWN)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/utility-orders/".length()));

        mvc.perform(get("/utility-orders").with(as(UtilityFixtures.POWER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("供电单位待办指令"))).andExpect(content().string(containsString(shutdown.enterpriseName())));
        mvc.perform(get("/utility-orders").with(as(UtilityFixtures.WATER))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(shutdown.enterpriseName()))));
        mvc.perform(get(location).with(as(UtilityFixtures.POWER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("confirm-form"))).andExpect(content().string(containsString("责令断电通知.pdf")));
        mvc.perform(get(location).with(district())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("confirm-form"))));
        mvc.perform(get(location).with(as(UtilityFixtures.WATER))).andExpect(status().isNotFound());

        mvc.perform(multipart(location + "/confirmation").param("version", "0").param("executedAt", "2026-01-01T08:00")
                        .with(as(UtilityFixtures.POWER)).with(csrf()))
                .andExpect(redirectedUrl(location)).andExpect(flash().attribute("error", containsString("回执")));
        String now = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0).toString(); // not before the order's day
        mvc.perform(multipart(location + "/confirmation").file(new MockMultipartFile("document", "停电回执.pdf", "application/pdf", PDF))
                        .param("version", "0").param("executedAt", now).with(as(UtilityFixtures.POWER)).with(csrf()))
                .andExpect(redirectedUrl(location)).andExpect(flash().attribute("message", containsString("整治任务的事项已同时记录")));
        mvc.perform(get(location).with(district())).andExpect(status().isOk())
                .andExpect(content().string(containsString("已凭本回执记录“断电”")));
        assertThat(cases.get(shutdown.id(), UtilityFixtures.DISTRICT).rectificationCase().items().get(Requirement.CUT_POWER).complete()).isTrue();
        assertThat(id).isPositive();
    }

    @Test
    void marketRegulationRecordsARevocationOnThePage() throws Exception {
        long enterprise = fixtures.enterprise(UtilityFixtures.VILLAGE);
        mvc.perform(get("/licence-actions").with(as(UtilityFixtures.MARKET))).andExpect(status().isOk())
                .andExpect(content().string(containsString("licence-form")));
        mvc.perform(get("/licence-actions").with(district())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("licence-form"))));
        mvc.perform(multipart("/licence-actions").file(new MockMultipartFile("document", "吊销决定书.pdf", "application/pdf", PDF))
                        .param("enterpriseId", Long.toString(enterprise)).param("kind", "REVOCATION").param("decidedOn", "2026-11-02")
                        .param("documentNo", "惠市监处字〔2026〕13号").with(as(UtilityFixtures.MARKET)).with(csrf()))
                .andExpect(redirectedUrl("/licence-actions?enterprise=" + enterprise));
        mvc.perform(get("/enterprises/" + enterprise).with(as(UtilityFixtures.TOWN))).andExpect(status().isOk())
                .andExpect(content().string(containsString("营业执照：已吊销（2026-11-02，文号 惠市监处字〔2026〕13号）")));
    }
}
