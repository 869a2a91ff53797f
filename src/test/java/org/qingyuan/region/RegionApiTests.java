package org.qingyuan.region;

import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class RegionApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void divisionCarriesItsPathAndFullName() throws Exception {
        mvc.perform(get("/api/v1/regions/410108").with(district()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.division.name").value("惠济区"))
                .andExpect(jsonPath("$.division.level").value("COUNTY"))
                .andExpect(jsonPath("$.division.childCount").value(8))
                .andExpect(jsonPath("$.fullName").value("郑州市惠济区"))
                .andExpect(jsonPath("$.path.length()").value(3));
    }

    @Test
    void childrenOfATownAreItsVillages() throws Exception {
        mvc.perform(get("/api/v1/regions/410108001/children").with(district()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("410108001001"))
                .andExpect(jsonPath("$[0].name").value("金河社区居民委员会"))
                .andExpect(jsonPath("$[0].level").value("VILLAGE"));
    }

    @Test
    void paddedCodesAreAccepted() throws Exception {
        mvc.perform(get("/api/v1/regions/410108001000").with(district()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.division.code").value("410108001"));
    }

    @Test
    void unknownCodeIsA404ProblemInChinese() throws Exception {
        mvc.perform(get("/api/v1/regions/410199").with(district()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("区划代码 410199 不存在"));
    }

    @Test
    void malformedCodeIsA400ProblemNamingTheField() throws Exception {
        mvc.perform(get("/api/v1/regions/41x/children").with(district()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("code"));
    }

    @Test
    void searchNeedsAQuery() throws Exception {
        mvc.perform(get("/api/v1/regions").param("q", " ").with(district()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("q"));
        mvc.perform(get("/api/v1/regions").param("q", "金河社区").param("within", "410108").with(district()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void anonymousCallersGetA401ProblemNotTheLoginPage() throws Exception {
        mvc.perform(get("/api/v1/regions/410108"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
