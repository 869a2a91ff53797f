package org.qingyuan.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pages as the demo accounts see them: the environment department's queue holds the demo's referrals (the overdue
 * one marked) and the joint operation; the police queue its criminal referral; the district office's department list
 * with duties and officers; a referral made through the form lands on its page with the deadline.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReferralPageTests {

    static final RequestPostProcessor OFFICE = as(RoleCode.DISTRICT_OFFICE, "410108");
    static final RequestPostProcessor ENV = as(RoleCode.DEPARTMENT_OFFICER, "410108", "ENVIRONMENT");
    static final RequestPostProcessor POLICE = as(RoleCode.DEPARTMENT_OFFICER, "410108", "PUBLIC_SECURITY");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void everyDepartmentHasSomethingInItsQueueAndTheOverdueOneIsMarked() throws Exception {
        for (String code : jdbc.sql("SELECT code FROM department").query(String.class).list()) {
            assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE department_code = :c AND state IN ('SENT', 'ACCEPTED')").param("c", code)
                    .query(Long.class).single()).as(code).isPositive();
        }
        String env = page("/departments/queue", ENV);
        assertThat(env).contains("生态环境 · 待办").contains("table-danger").contains("逾期").contains("城乡结合部“散乱污”联合执法行动");
        assertThat(page("/departments/queue", POLICE)).contains("涉嫌污染环境罪").doesNotContain("喷漆废气直排");
        // the overdue one was escalated to the district office by the sweep at start
        assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE department_code = 'ENVIRONMENT' AND escalated_on IS NOT NULL")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void theDistrictOfficeSeesDutiesOfficersReferralsAndOperations() throws Exception {
        String departments = page("/departments", OFFICE);
        assertThat(departments).contains("依法侦办涉嫌环境污染").contains("env-dept").contains("police").contains("修改职责");
        assertThat(page("/referrals", OFFICE)).contains("涉嫌污染环境罪").contains("排污许可证过期仍在生产");
        long operation = jdbc.sql("SELECT id FROM joint_operation ORDER BY id LIMIT 1").query(Long.class).single();
        assertThat(page("/operations", OFFICE)).contains("组织联合执法行动");
        assertThat(page("/operations/" + operation, OFFICE)).contains("设备已查封").contains("未记录");
        assertThat(page("/operations/" + operation, POLICE)).contains("part-form");
        long answered = jdbc.sql("SELECT id FROM referral WHERE state = 'ANSWERED' ORDER BY id LIMIT 1").query(Long.class).single();
        assertThat(page("/referrals/" + answered, OFFICE)).contains("确认办结").contains("责令改正违法行为决定书.pdf");
        assertThat(page("/referrals/new", OFFICE)).contains("个工作日");
        // the enterprise page links its referrals (a department sees only its own)
        long enterprise = jdbc.sql("SELECT enterprise_id FROM referral WHERE department_code = 'PUBLIC_SECURITY' AND enterprise_id IS NOT NULL ORDER BY id LIMIT 1")
                .query(Long.class).single();
        assertThat(page("/enterprises/" + enterprise, OFFICE)).contains("移交 #").contains("公安");
        assertThat(page("/enterprises/" + enterprise, ENV)).contains("移交 #").doesNotContain("· 公安");
    }

    @Test
    void aReferralMadeThroughTheFormShowsItsDeadline() throws Exception {
        String location = mvc.perform(multipart("/referrals").param("departmentCode", "PUBLIC_SECURITY").param("problem", "暴力抗法")
                        .param("urgency", "URGENT").with(OFFICE).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/referrals/*")).andReturn().getResponse().getRedirectedUrl();
        assertThat(page(location, OFFICE)).contains("暴力抗法").contains("紧急");
        mvc.perform(get(location).with(ENV)).andExpect(status().isNotFound());
        mvc.perform(multipart("/referrals").param("departmentCode", "").param("problem", "x").with(OFFICE).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/referrals/new*"));
    }

    @Test
    void theFormsOrganiseAnOperationRecordAPartAndEditDuties() throws Exception {
        List<Long> ids = jdbc.sql("SELECT id FROM enterprise WHERE division_code LIKE '410108%' ORDER BY id DESC LIMIT 2").query(Long.class).list();
        String location = mvc.perform(post("/operations").param("heldOn", "2026-12-01").param("title", "表单联合执法")
                        .param("leadDepartment", "MARKET_REGULATION").param("departments", "PUBLIC_SECURITY", "URBAN_MANAGEMENT")
                        .param("enterpriseIds", ids.get(0) + "，" + ids.get(1)).with(OFFICE).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/operations/*")).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(multipart("/operations/" + id + "/parts").param("version", "0").param("enterpriseId", Long.toString(ids.get(0)))
                        .param("action", "控制现场").param("outcome", "无对抗").with(POLICE).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "已记录本部门执法情况"));
        assertThat(page(location, OFFICE)).contains("控制现场").contains("表单联合执法");
        mvc.perform(post("/operations").param("title", "缺日期").with(OFFICE).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "请填写行动日期"));
        int version = jdbc.sql("SELECT coalesce(max(version), 0) FROM department_duty WHERE department_code = 'FORESTRY' AND district_code = '410108'")
                .query(Integer.class).single();
        mvc.perform(post("/departments/FORESTRY/duties").param("version", Integer.toString(version)).param("duties", "林地清理整治")
                        .param("source", "003 四（六）").with(OFFICE).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "已保存林业的职责"));
        assertThat(page("/departments", OFFICE)).contains("林地清理整治");
    }
}
