package org.qingyuan.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.complaint.internal.Challenges;
import org.qingyuan.complaint.internal.PublicRateLimit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report form's map: the home district's outline is served to anyone (its boundary, code and name, nothing else),
 * and a point outside the district's box is refused with a Chinese 400 naming the field, on every public channel.
 */
@SpringBootTest(properties = "qingyuan.complaint.challenge-bits=8")
@AutoConfigureMockMvc
class ComplaintMapTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Challenges challenges;
    @Autowired PublicRateLimit limits;

    @BeforeEach
    void freshLimits() {
        limits.reset();
    }

    @Test
    void theHomeDistrictsOutlineIsServedWithoutSignInAndHoldsNothingButItsBoundary() throws Exception {
        var response = mvc.perform(get("/report/outline.json")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/geo+json");
        JsonNode outline = JSON.readTree(response.getContentAsString());
        assertThat(outline.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(outline.get("features")).hasSize(1);
        JsonNode feature = outline.get("features").get(0);
        assertThat(feature.get("properties").get("code").asString()).isEqualTo("410108");
        assertThat(feature.get("properties").propertyNames()).containsExactlyInAnyOrder("code", "name");
        assertThat(feature.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
        // the officers' outline stays behind sign-in
        mvc.perform(get("/api/v1/map/outline")).andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(401));
    }

    @Test
    void theReportFormCarriesTheMapAndStillWorksWithoutScript() throws Exception {
        String page = mvc.perform(get("/report")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"report-map\"").contains("data-outline-url=\"/report/outline.json\"")
                .contains("name=\"lat\"").contains("name=\"long\"").doesNotContain("style=\"");
    }

    @Test
    void aPointOutsideTheDistrictIsRefusedWithAChineseErrorNamingTheFieldAndNothingIsFiled() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single();
        var challenge = challenges.issue();
        String page = mvc.perform(multipart("/report").param("service", "SLW").param("description", "天安门旁有人喷漆")
                        .param("lat", "39.9087").param("long", "116.3975").param("nonce", challenge.nonce())
                        .param("counter", Challenges.solve(challenge.nonce(), challenge.bits())).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("不在本区范围内").contains("纬度 lat");

        String problem = mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("service_code", "SLW").param("description", "Open311：区外的点").param("lat", "39.9087")
                        .param("long", "116.3975"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(problem).contains("不在本区范围内").contains("lat");
        assertThat(jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single()).isEqualTo(before);

        // a point inside the district files
        var again = challenges.issue();
        mvc.perform(multipart("/report").param("service", "SLW").param("description", "区内的点：夜里熔铝")
                        .param("lat", "34.88").param("long", "113.65").param("nonce", again.nonce())
                        .param("counter", Challenges.solve(again.nonce(), again.bits())).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }
}
