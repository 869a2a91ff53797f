package org.qingyuan.ledger;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class EnterprisePageTests {

    @Autowired
    MockMvc mvc;

    String create(String name) throws Exception {
        return mvc.perform(post("/enterprises").with(district()).with(csrf())
                        .param("name", name).param("divisionCode", "410108001001").param("type", "SLW")
                        .param("discovery", "PATROL").param("contactPhone", "13812345678").param("employees", "7")
                        .param("facts[hasEiaApproval]", "false").param("factSource", "INSPECTION"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/enterprises/*"))
                .andReturn().getResponse().getRedirectedUrl();
    }

    @Test
    void theListShowsFiltersAndEnterprisesOfTheJurisdiction() throws Exception {
        String name = "页面测试厂" + System.nanoTime();
        create(name);
        mvc.perform(get("/enterprises").with(district()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("企业台账")))
                .andExpect(content().string(containsString("有环评手续")))
                .andExpect(content().string(containsString("新城街道")));
        mvc.perform(get("/enterprises").param("q", name).with(district()))
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("共 1 家，第 1 / 1 页")));
        mvc.perform(get("/enterprises").param("q", name).param("page", "1").with(district()))
                .andExpect(content().string(containsString("共 1 家，第 2 页已超出末页（共 1 页）")));
        mvc.perform(get("/enterprises").param("q", name).with(as(RoleCode.TOWN_OFFICER, "410108002")))
                .andExpect(content().string(not(containsString(name + "<"))));
    }

    @Test
    void aCreatedEnterpriseShowsItsTabs() throws Exception {
        String url = create("页面档案厂" + System.nanoTime());
        mvc.perform(get(url).with(district())).andExpect(status().isOk())
                .andExpect(content().string(containsString("13812345678")))
                .andExpect(content().string(containsString("现场核查")));
        mvc.perform(get(url + "/dossier").with(district())).andExpect(status().isOk())
                .andExpect(content().string(containsString("拆除设备清单")));
        mvc.perform(get(url + "/history").with(district())).andExpect(status().isOk())
                .andExpect(content().string(containsString("登记")))
                .andExpect(content().string(containsString("用工人数")));
        mvc.perform(get(url + "/edit").with(district())).andExpect(status().isOk())
                .andExpect(content().string(containsString("修改原因")));
    }

    @Test
    void anInvalidFormComesBackAs400WithTheMessageBesideTheField() throws Exception {
        mvc.perform(post("/enterprises").with(district()).with(csrf()).param("name", "").param("divisionCode", "410108001001")
                        .param("type", "SLW").param("discovery", "PATROL").param("contactPhone", "123").param("employees", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("企业名称不能为空")))
                .andExpect(content().string(containsString("用工人数应为整数")))
                .andExpect(content().string(containsString("is-invalid")));
    }

    @Test
    void aStaleEditAnswers409AndShowsWhatChanged() throws Exception {
        String url = create("并发页面厂" + System.nanoTime());
        mvc.perform(post(url + "/edit").with(district()).with(csrf()).param("name", "并发页面厂改").param("divisionCode", "410108001001")
                        .param("type", "SLW").param("discovery", "PATROL").param("employees", "9").param("version", "1")
                        .param("reason", "先改"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(url + "/edit").with(district()).with(csrf()).param("name", "并发页面厂").param("divisionCode", "410108001001")
                        .param("type", "SLW").param("discovery", "PATROL").param("employees", "3").param("version", "1")
                        .param("reason", "后改"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("已被")))
                .andExpect(content().string(containsString("先改")));
    }

    @Test
    void aLeaderReadsButHasNoRegisterForm() throws Exception {
        mvc.perform(get("/enterprises").with(as(RoleCode.LEADER, "410108"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/enterprises/new\" class=\"nav-link"))));
        mvc.perform(get("/enterprises/new").with(as(RoleCode.LEADER, "410108"))).andExpect(status().isForbidden());
    }
}
