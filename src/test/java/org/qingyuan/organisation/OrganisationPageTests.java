package org.qingyuan.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The 组织机构 pages: a member changed and taken out with versions, a stale change refused, a bad liaison form shown again. */
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDistrictChangesAMemberAndTakesHimOutWithVersionsAndAStaleChangeIsRefused() throws Exception {
        mvc.perform(post("/organisation/members").with(district()).with(csrf())
                        .param("role", "MEMBER").param("person", "冯涛").param("unit", "区市场监管局").param("post", "局长"))
                .andExpect(redirectedUrl("/organisation")).andExpect(flash().attribute("saved", "已添加领导小组成员"));
        long id = jdbc.sql("SELECT id FROM leading_group_member WHERE person = '冯涛'").query(Long.class).single();

        mvc.perform(post("/organisation/members/" + id).with(district()).with(csrf()).param("version", "1")
                        .param("role", "DEPUTY").param("person", "冯涛").param("unit", "区市场监管局").param("post", "局长"))
                .andExpect(flash().attribute("saved", "已保存领导小组成员"));
        mvc.perform(post("/organisation/members/" + id).with(district()).with(csrf()).param("version", "1")
                        .param("role", "MEMBER").param("person", "冯涛").param("unit", "区市场监管局"))
                .andExpect(flash().attribute("failure", org.hamcrest.Matchers.containsString("已被他人修改")));
        mvc.perform(post("/organisation/members/" + id + "/removal").with(district()).with(csrf()).param("version", "2")
                        .param("reason", "工作调动"))
                .andExpect(flash().attribute("saved", "已调出领导小组"));

        assertThat(jdbc.sql("SELECT active FROM leading_group_member WHERE id = :id").param("id", id).query(Boolean.class).single())
                .isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM organisation_change WHERE object_type = 'LeadingGroupMember' AND object_key = :k")
                .param("k", Long.toString(id)).query(Integer.class).single()).isEqualTo(3);
        mvc.perform(post("/organisation/members").with(as(RoleCode.TOWN_OFFICER, "410108002")).with(csrf())
                        .param("role", "MEMBER").param("person", "x").param("unit", "y"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aLiaisonFormWithABadPhoneIsShownAgainWithTheFieldsMessage() throws Exception {
        String page = mvc.perform(post("/organisation/liaisons/410108002").with(as(RoleCode.TOWN_OFFICER, "410108002"))
                        .with(csrf()).param("version", "0").param("name", "陈静").param("phone", "110"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("联系电话：", "陈静");
        mvc.perform(get("/organisation/liaisons/410108005").with(as(RoleCode.TOWN_OFFICER, "410108002")))
                .andExpect(status().isNotFound());
    }
}
