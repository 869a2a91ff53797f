package org.qingyuan.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.complaint.internal.Challenges;
import org.qingyuan.complaint.internal.ComplaintHandling;
import org.qingyuan.complaint.internal.Intake;
import org.qingyuan.complaint.internal.PublicRateLimit;
import org.qingyuan.complaint.internal.PublicTracking;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public side, no sign-in: the form's proof of work (single use), rate limits per address and per client, photos
 * typed by content, the Open311 GeoReport v2 round trip, and what a hostile visitor can get (nothing internal).
 */
@SpringBootTest(properties = {"qingyuan.complaint.challenge-bits=8", "qingyuan.complaint.per-address-per-hour=4",
        "qingyuan.complaint.per-client-per-hour=3"})
@AutoConfigureMockMvc
class ComplaintPublicTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PHONE = "13700001111";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Challenges challenges;
    @Autowired PublicRateLimit limits;
    @Autowired ComplaintHandling handling;
    @Autowired PublicTracking tracking;

    @BeforeEach
    void freshLimits() {
        limits.reset();
    }

    static CurrentUser office() {
        return new CurrentUser(0, "district", "区办演示账号", "DISTRICT_OFFICE", "区办", DivisionCode.of("410108"), null);
    }

    org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder report(String description, String ip,
                                                                                               String client, boolean solve) {
        var challenge = challenges.issue();
        var request = multipart("/report");
        request.param("service", "SLW").param("description", description).param("address", "某村东头").param("phone", PHONE)
                .param("name", "李举报").param("nonce", challenge.nonce())
                .param("counter", solve ? Challenges.solve(challenge.nonce(), challenge.bits()) : "0");
        request.with(csrf()).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        });
        if (client != null) {
            request.cookie(new Cookie("qy_reporter", client));
        }
        return request;
    }

    String trackingCodeOf(String redirect) {
        return redirect.substring(redirect.indexOf("code=") + 5);
    }

    @Test
    void theFormAnswersWithATrackingCodeOnlyAfterTheProofOfWorkAndANonceServesOnce() throws Exception {
        mvc.perform(report("未解题", "10.0.0.1", null, false)).andExpect(status().isBadRequest());
        var challenge = challenges.issue();
        String counter = Challenges.solve(challenge.nonce(), challenge.bits());
        String redirect = mvc.perform(multipart("/report").param("service", "SLW").param("description", "夜里有人熔铝，味道刺鼻")
                        .param("address", "某村北").param("nonce", challenge.nonce()).param("counter", counter).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String code = trackingCodeOf(redirect);
        assertThat(code).matches("JB-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}");
        String page = mvc.perform(get("/track").param("code", code)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("已受理").contains("夜里有人熔铝");
        mvc.perform(multipart("/report").param("service", "SLW").param("description", "重放").param("address", "某村")
                .param("nonce", challenge.nonce()).param("counter", counter).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(get("/track").param("code", "JB-22222-22222")).andExpect(status().isOk());
    }

    @Test
    void submissionsAreLimitedPerClientAndPerAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(report("限流测试 " + i, "10.0.1.1", "11111111-1111-1111-1111-111111111111", true))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(report("同一浏览器第四次", "10.0.1.2", "11111111-1111-1111-1111-111111111111", true))
                .andExpect(status().isTooManyRequests());
        mvc.perform(report("同一地址第四次", "10.0.1.1", "22222222-2222-2222-2222-222222222222", true))
                .andExpect(status().is3xxRedirection());
        mvc.perform(report("同一地址第五次", "10.0.1.1", "33333333-3333-3333-3333-333333333333", true))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void aScriptRenamedAsAPhotoIsRefusedAndNothingIsFiled() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single();
        var request = report("带照片", "10.0.2.1", null, true);
        request.file(new MockMultipartFile("photo", "现场.jpg", "image/jpeg", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8)));
        mvc.perform(request).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single()).isEqualTo(before);
        var ok = report("带真照片", "10.0.2.1", null, true);
        ok.file(new MockMultipartFile("photo", "现场.jpg", "image/jpeg", DemoPhotos.sitePhoto(true, 3, "x", java.time.Instant.now(), 34.8, 113.6)));
        mvc.perform(ok).andExpect(status().is3xxRedirection());
    }

    @Test
    void anOpen311ClientFilesAndFollowsARequestToItsClosing() throws Exception {
        JsonNode services = JSON.readTree(mvc.perform(get("/open311/v2/services.json")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(services.get(0).has("service_code")).isTrue();
        assertThat(services.get(0).get("metadata").asBoolean()).isFalse();
        JsonNode created = JSON.readTree(mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", "any").param("service_code", services.get(0).get("service_code").asString())
                        .param("lat", "34.85").param("long", "113.62").param("address_string", "金河路北段")
                        .param("description", "Open311：院内喷漆无环保设施").param("phone", PHONE).param("first_name", "明")
                        .param("last_name", "王").param("device_id", "dev-1"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String id = created.get(0).get("service_request_id").asString();
        JsonNode open = JSON.readTree(mvc.perform(get("/open311/v2/requests/" + id + ".json")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).get(0);
        assertThat(open.get("status").asString()).isEqualTo("open");
        assertThat(open.get("service_request_id").asString()).isEqualTo(id);
        assertThat(open.get("lat").asDouble()).isEqualTo(34.85);
        assertThat(open.get("long").asDouble()).isEqualTo(113.62);
        assertThat(open.get("address").asString()).isEqualTo("金河路北段");
        assertThat(open.has("requested_datetime") && open.has("updated_datetime") && open.has("status_notes")).isTrue();
        assertThat(open.toString()).doesNotContain(PHONE).doesNotContain("王 明");

        Complaint c = tracking.find(id);
        String town = jdbc.sql("SELECT code FROM division WHERE code LIKE '410108%' AND length(code) = 9 ORDER BY code LIMIT 1")
                .query(String.class).single();
        var townOfficer = new CurrentUser(0, "town", "新城街道 张伟", "TOWN_OFFICER", "镇街", DivisionCode.of(town), null);
        c = handling.triage(c.id(), c.version(), town, null, office());
        c = handling.assign(c.id(), c.version(), office());
        c = handling.verify(c.id(), c.version(), 113.62, 34.85, null, List.of(new Intake.Photo("a.jpg",
                DemoPhotos.sitePhoto(true, 5, "x", java.time.Instant.now(), 34.85, 113.62))), townOfficer);
        c = handling.unfound(c.id(), c.version(), "现场为合法企业", townOfficer);
        handling.reply(c.id(), c.version(), "经核查为合法企业，感谢监督。", townOfficer);

        JsonNode closed = JSON.readTree(mvc.perform(get("/open311/v2/requests.json").param("service_request_id", id + ",JB-22222-22222"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).get("status").asString()).isEqualTo("closed");
        assertThat(closed.get(0).get("status_notes").asString()).contains("合法企业");
        assertThat(closed.toString()).doesNotContain("张伟").doesNotContain("town");
        mvc.perform(get("/open311/v2/requests.json")).andExpect(status().isBadRequest());
        mvc.perform(get("/open311/v2/requests/JB-22222-22222.json")).andExpect(status().isNotFound());
        mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("service_code", "NOPE")
                .param("description", "x").param("address_string", "y")).andExpect(status().isBadRequest());
    }

    @Test
    void aHostileVisitorGetsNothingInternalFromThePublicPagesAndApis() throws Exception {
        String mine = trackingCodeOf(mvc.perform(report("我的举报：冒黑烟", "10.0.3.1", null, true)).andReturn().getResponse()
                .getRedirectedUrl());
        String other = trackingCodeOf(mvc.perform(report("别人的举报：秘密内容", "10.0.3.2", null, true)).andReturn().getResponse()
                .getRedirectedUrl());
        String page = mvc.perform(get("/track").param("code", mine)).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(PHONE).doesNotContain("137****1111").doesNotContain("李举报").doesNotContain(other)
                .doesNotContain("秘密内容").doesNotContain("district").doesNotContain("区办演示账号");
        // officers' pages and API: sign-in required, never a redirect into data
        mvc.perform(get("/complaints")).andExpect(r -> assertThat(r.getResponse().getStatus()).isIn(302, 401));
        mvc.perform(get("/api/v1/complaints")).andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(401));
        // a guessed code answers nothing and names nothing
        String guessed = mvc.perform(get("/track").param("code", "JB-23456-789AB")).andReturn().getResponse().getContentAsString();
        assertThat(guessed).contains("没有查询码").doesNotContain(mine).doesNotContain(other);
        String open311 = mvc.perform(get("/open311/v2/requests.json").param("service_request_id", mine)).andReturn().getResponse()
                .getContentAsString();
        assertThat(open311).doesNotContain(PHONE).doesNotContain("李举报").doesNotContain(other).doesNotContain("秘密内容");
    }

    @Test
    void challengesAreLimitedPerAddressSoThatAFloodOfThemStopsEarly() throws Exception {
        for (int i = 0; i < 24; i++) {
            mvc.perform(get("/report/challenge").with(r -> {
                r.setRemoteAddr("10.0.9.9");
                return r;
            })).andExpect(status().isOk());
        }
        mvc.perform(get("/report/challenge").with(r -> {
            r.setRemoteAddr("10.0.9.9");
            return r;
        })).andExpect(status().isTooManyRequests());
        mvc.perform(get("/report/challenge").with(r -> {
            r.setRemoteAddr("10.0.9.10");
            return r;
        })).andExpect(status().isOk());
    }
}
