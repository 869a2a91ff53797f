package org.qingyuan.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.qingyuan.utility.UtilityFixtures.JSON;
import static org.qingyuan.utility.UtilityFixtures.PDF;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.policy.Policies;
import org.qingyuan.rectification.Cases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@SpringBootTest
@AutoConfigureMockMvc
class LicenceActionTests {

    static final RequestPostProcessor MARKET = as(UtilityFixtures.MARKET);

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

    MockMultipartHttpServletRequestBuilder revocation(long enterprise, boolean withDocument) {
        return revocation(enterprise, withDocument, "2026-11-02");
    }

    MockMultipartHttpServletRequestBuilder revocation(long enterprise, boolean withDocument, String date) {
        var request = multipart("/api/v1/licence-actions").param("enterpriseId", Long.toString(enterprise)).param("kind", "REVOCATION")
                .param("decidedOn", date).param("documentNo", "惠市监处字〔2026〕12号").param("governmentOrder", "区政府关停取缔通知");
        if (withDocument) {
            request.file(new MockMultipartFile("document", "吊销决定书.pdf", "application/pdf", PDF));
        }
        return request;
    }

    @Test
    void aRevocationShowsOnTheEnterprisePageAndInTheApi() throws Exception {
        long enterprise = fixtures.enterprise(UtilityFixtures.VILLAGE);
        JsonNode a = JSON.readTree(mvc.perform(revocation(enterprise, true).with(MARKET).with(csrf())).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        assertThat(a.get("licenceState").asString()).isEqualTo("营业执照：已吊销（2026-11-02，文号 惠市监处字〔2026〕12号）");
        mvc.perform(get("/api/v1/licence-actions").param("enterprise", Long.toString(enterprise)).with(district()))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].kind").value("REVOCATION"))
                .andExpect(jsonPath("$[0].licenceState").value(containsString("已吊销")));
        mvc.perform(get("/enterprises/" + enterprise).with(district())).andExpect(status().isOk())
                .andExpect(content().string(containsString("营业执照：已吊销（2026-11-02，文号 惠市监处字〔2026〕12号）")));
        // the decision is in the enterprise's dossier
        mvc.perform(get("/api/v1/attachments/" + a.get("attachmentId").asLong()).with(district())).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'LICENCE_ACTION_RECORDED' AND object_id = :id")
                .param("id", a.get("id").asString()).query(Long.class).single()).isEqualTo(1);
        // another district sees nothing of it
        mvc.perform(get("/api/v1/licence-actions").param("enterprise", Long.toString(enterprise))
                .with(as(RoleCode.DISTRICT_OFFICE, "650105"))).andExpect(jsonPath("$").isEmpty());
        mvc.perform(get("/licence-actions").param("enterprise", Long.toString(enterprise)).with(MARKET)).andExpect(status().isOk())
                .andExpect(content().string(containsString("惠市监处字〔2026〕12号")));
    }

    @Test
    void onlyMarketRegulationRecordsAndTheDocumentIsRequired() throws Exception {
        long enterprise = fixtures.enterprise(UtilityFixtures.VILLAGE);
        mvc.perform(revocation(enterprise, false).with(MARKET).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("document"));
        mvc.perform(revocation(enterprise, true).with(as(UtilityFixtures.ENV)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(revocation(enterprise, true).with(district()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(revocation(enterprise, true, "2099-01-01").with(MARKET).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT count(*) FROM licence_action WHERE enterprise_id = :e").param("e", enterprise).query(Long.class).single())
                .isZero();
    }
}
