package org.qingyuan.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.complaint.internal.Challenges;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Public results: closed-out sites with their printable notice and QR code, "it is producing again" filing a complaint
 * linked to the case and a revisit due today, answered complaints masked, typical cases published and withdrawn.
 */
@SpringBootTest(properties = "qingyuan.complaint.challenge-bits=8")
@AutoConfigureMockMvc
class ComplaintResultsTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Challenges challenges;

    long closedOutEnterprise() {
        return jdbc.sql("SELECT enterprise_id FROM rectification_case WHERE state = 'CLOSED_OUT' ORDER BY id LIMIT 1").query(Long.class).single();
    }

    @Test
    void aClosedOutSiteHasAPrintableNoticeWithAQrCodeAndOtherEnterprisesHaveNone() throws Exception {
        long id = closedOutEnterprise();
        String name = jdbc.sql("SELECT name FROM enterprise WHERE id = :id").param("id", id).query(String.class).single();
        String page = mvc.perform(get("/public/sites/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(name).contains("销号公示").contains("qr.png");
        byte[] png = mvc.perform(get("/public/sites/" + id + "/qr.png")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        long open = jdbc.sql("SELECT enterprise_id FROM rectification_case WHERE state <> 'CLOSED_OUT' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        mvc.perform(get("/public/sites/" + open)).andExpect(status().isNotFound());
        mvc.perform(get("/public/sites/" + open + "/qr.png")).andExpect(status().isNotFound());
    }

    @Test
    void producingAgainFilesAComplaintLinkedToTheCaseAndSchedulesARevisitToday() throws Exception {
        long id = closedOutEnterprise();
        var challenge = challenges.issue();
        String redirect = mvc.perform(multipart("/public/sites/" + id + "/rebound").param("description", "晚上又有机器声")
                        .param("nonce", challenge.nonce()).param("counter", Challenges.solve(challenge.nonce(), challenge.bits())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String code = redirect.substring(redirect.indexOf("code=") + 5);
        var row = jdbc.sql("SELECT channel, service_code, enterprise_id, case_id FROM complaint WHERE tracking_code = :c").param("c", code)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)}).single();
        assertThat(row[0]).isEqualTo("REBOUND");
        assertThat(row[1]).isEqualTo("REBOUND");
        assertThat(row[2]).isEqualTo(id);
        long caseId = jdbc.sql("SELECT id FROM rectification_case WHERE enterprise_id = :e").param("e", id).query(Long.class).single();
        assertThat(row[3]).isEqualTo(caseId);
        assertThat(jdbc.sql("SELECT due_on FROM revisit WHERE enterprise_id = :e AND state = 'DUE' AND reason LIKE '%' || :c || '%'")
                .param("e", id).param("c", code).query(LocalDate.class).single()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void theResultsPageListsClosedOutSitesAndTypicalCasesAndMasksAnsweredComplaints() throws Exception {
        mvc.perform(post("/complaints/typical-cases").with(as(RoleCode.DISTRICT_OFFICE, "410108")).with(csrf())
                .param("title", "某村小塑料厂死灰复燃被依法查处").param("body", "群众举报后，镇街连夜核查，断电并没收设备。"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/complaints/typical-cases").with(as(RoleCode.TOWN_OFFICER, "410108001")).with(csrf())
                .param("title", "x").param("body", "y")).andExpect(status().isForbidden());
        String page = mvc.perform(get("/public/results")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String name = jdbc.sql("SELECT name FROM enterprise WHERE id = :id").param("id", closedOutEnterprise()).query(String.class).single();
        assertThat(page).contains("某村小塑料厂死灰复燃被依法查处").contains(name);
        for (String code : jdbc.sql("SELECT tracking_code FROM complaint").query(String.class).list()) {
            assertThat(page).doesNotContain(code);
        }
        long caseId = jdbc.sql("SELECT id FROM complaint_typical_case WHERE title LIKE '某村小塑料厂%'").query(Long.class).single();
        mvc.perform(post("/complaints/typical-cases/" + caseId + "/withdrawal").with(as(RoleCode.DISTRICT_OFFICE, "410108")).with(csrf())
                .param("version", "0").param("reason", "涉及个人信息，撤下修改")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/public/results")).andReturn().getResponse().getContentAsString()).doesNotContain("某村小塑料厂死灰复燃");
    }

    @Test
    void thePublicPagesNameNoOfficialAndNoPhoneOfAnyone() throws Exception {
        long id = closedOutEnterprise();
        String pages = mvc.perform(get("/public/results")).andReturn().getResponse().getContentAsString()
                + mvc.perform(get("/public/sites/" + id)).andReturn().getResponse().getContentAsString();
        var secrets = new java.util.ArrayList<String>();
        secrets.addAll(jdbc.sql("SELECT person_phone FROM rectification_case WHERE person_phone IS NOT NULL").query(String.class).list());
        secrets.addAll(jdbc.sql("SELECT person_name FROM rectification_case WHERE person_name IS NOT NULL").query(String.class).list());
        secrets.addAll(jdbc.sql("SELECT phone FROM app_user WHERE phone IS NOT NULL").query(String.class).list());
        secrets.addAll(jdbc.sql("SELECT display_name FROM app_user").query(String.class).list());
        secrets.addAll(jdbc.sql("SELECT username FROM app_user WHERE length(username) > 4").query(String.class).list());
        assertThat(secrets).isNotEmpty();
        for (String secret : secrets) {
            assertThat(pages).as("public pages must not show %s", secret).doesNotContain(secret);
        }
    }
}
