package org.qingyuan.gatekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.RoleCode;
import org.qingyuan.shared.DivisionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gatekeeping (issue 18 §6): the lookup answers "banned" for a shut-down site's address and for a point inside a red-line
 * area, with reasons and legal basis; every lookup is audited; a token without GATEKEEPING is refused; a token is rate
 * limited; a connection request in a red line alerts the town.
 */
@SpringBootTest(properties = {"qingyuan.gatekeeping.burst=20", "qingyuan.gatekeeping.rate-per-second=1"})
@AutoConfigureMockMvc
class GatekeepingApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final RequestPostProcessor OFFICE = as(RoleCode.DISTRICT_OFFICE, "410108");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    JsonNode json(RequestBuilder request, int expected) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? null : JSON.readTree(body);
    }

    static RequestPostProcessor officer(long id) {
        return as(new CurrentUser(id, "env-dept", "生态环境局", RoleCode.DEPARTMENT_OFFICER.name(), "部门",
                DivisionCode.of("410108"), "ENVIRONMENT"));
    }

    String token(String name, RoleCode role) throws Exception {
        return token(name, role, org.qingyuan.access.Permission.GATEKEEPING);
    }

    String token(String name, RoleCode role, org.qingyuan.access.Permission... permissions) throws Exception {
        String token = "qy_test_" + name + "_0123456789abcdefghijklmnopqrstuvwxyz";
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("""
                        INSERT INTO api_token (name, token_hash, token_prefix, role_code, division_code, department_code,
                                               permissions, created_by)
                        VALUES (:name, :hash, :prefix, :role, '410108', :dept, :permissions, 'test')
                        """)
                .param("permissions", java.util.Arrays.stream(permissions).map(Enum::name).toArray(String[]::new))
                .param("name", name).param("hash", hash).param("prefix", token.substring(0, 8)).param("role", role.name())
                .param("dept", role == RoleCode.DEPARTMENT_OFFICER ? "MARKET_REGULATION" : null).update();
        return token;
    }

    @Test
    void shutDownSiteIsBannedByAddressAndCreditCodeAndTheLookupIsAudited() throws Exception {
        var site = jdbc.sql("""
                        SELECT e.id, e.address, e.credit_code, c.state FROM rectification_case c JOIN enterprise e ON e.id = c.enterprise_id
                         WHERE c.measure = 'SHUTDOWN' AND c.state <> 'WITHDRAWN' AND e.status = 'ACTIVE'
                           AND e.division_code LIKE '410108%' AND e.address IS NOT NULL
                         ORDER BY (c.state = 'CLOSED_OUT') DESC, e.id LIMIT 1
                        """).query((rs, i) -> Map.of("id", rs.getLong(1), "address", rs.getString(2),
                        "credit", rs.getString(3) == null ? "" : rs.getString(3))).single();
        long before = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'GATEKEEPING_LOOKUP'").query(Long.class).single();

        JsonNode answer = json(get("/api/v1/gatekeeping/lookup").param("address", (String) site.get("address")).with(officer(7001)), 200);
        assertThat(answer.path("listed").asBoolean()).isTrue();
        assertThat(answer.path("banned").asBoolean()).isTrue();
        JsonNode match = null;
        for (JsonNode m : answer.path("matches")) {
            if (m.path("enterpriseId").asLong() == (Long) site.get("id")) {
                match = m;
            }
        }
        assertThat(match).isNotNull();
        assertThat(match.path("banned").asBoolean()).isTrue();
        assertThat(match.path("measure").asString()).isNotBlank();
        assertThat(match.path("reasons").get(0).asString()).contains("关停取缔");
        // 惠济区's plan states no gatekeeping provisions: cited by its own title, never another locality's plan
        assertThat(match.path("legalBasis").toString()).contains("《郑州市惠济区环境保护局").contains("不予办理审批、备案")
                .doesNotContain("俵口").doesNotContain("江津").doesNotContain("水磨沟");

        if (!((String) site.get("credit")).isEmpty()) {
            JsonNode byCode = json(get("/api/v1/gatekeeping/lookup").param("creditCode", (String) site.get("credit"))
                    .with(officer(7001)), 200);
            assertThat(byCode.path("banned").asBoolean()).isTrue();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'GATEKEEPING_LOOKUP'").query(Long.class).single())
                .isGreaterThan(before);
        String details = jdbc.sql("SELECT details FROM audit_record WHERE action = 'GATEKEEPING_LOOKUP' ORDER BY id DESC LIMIT 1")
                .query(String.class).single();
        assertThat(details).contains("\"banned\":true").contains(String.valueOf(site.get("id")));
    }

    @Test
    void exactlyOneWayPerLookupElse400NamingTheParameter() throws Exception {
        JsonNode none = json(get("/api/v1/gatekeeping/lookup").with(officer(7002)), 400);
        assertThat(none.toString()).contains("creditCode");
        JsonNode two = json(get("/api/v1/gatekeeping/lookup").param("name", "某某厂").param("lat", "34.8").param("lon", "113.6")
                .with(officer(7002)), 400);
        assertThat(two.toString()).contains("lat");
        JsonNode badCode = json(get("/api/v1/gatekeeping/lookup").param("creditCode", "123").with(officer(7002)), 400);
        assertThat(badCode.toString()).contains("creditCode");
        json(get("/api/v1/gatekeeping/lookup").param("lat", "34.8").with(officer(7002)), 400);
    }

    @Test
    void pointInsideARedLineAreaIsBannedAndAConnectionThereAlertsTheTown() throws Exception {
        String town = jdbc.sql("SELECT division_code FROM app_user WHERE username = 'town'").query(String.class).single();
        String polygon = "{\"type\":\"Polygon\",\"coordinates\":[[[113.50,34.90],[113.52,34.90],[113.52,34.92],[113.50,34.92],[113.50,34.90]]]}";
        String body = JSON.writeValueAsString(Map.of("name", "黄河滩区禁入区", "divisionCodes", java.util.List.of(town),
                "boundary", polygon, "bannedIndustries", java.util.List.of("ELECTROPLATING", "砖瓦窑"),
                "documentTitle", "关于设立准入红线的通知", "documentNumber", "惠政〔2026〕1号"));
        JsonNode area = json(post("/api/v1/red-lines").with(OFFICE).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body), 201);
        assertThat(area.path("version").asInt()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'RED_LINE_CREATED' AND object_id = :id")
                .param("id", area.path("id").asString()).query(Long.class).single()).isOne();

        JsonNode inside = json(get("/api/v1/gatekeeping/lookup").param("lat", "34.91").param("lon", "113.51").with(officer(7003)), 200);
        assertThat(inside.path("banned").asBoolean()).isTrue();
        assertThat(inside.path("redLines").get(0).path("name").asString()).isEqualTo("黄河滩区禁入区");
        assertThat(inside.path("redLines").get(0).path("bannedIndustries").toString()).contains("电镀").contains("砖瓦窑");
        assertThat(inside.path("reasons").get(0).asString()).contains("禁入红线").contains("惠政〔2026〕1号");
        JsonNode outside = json(get("/api/v1/gatekeeping/lookup").param("lat", "34.95").param("lon", "113.51").with(officer(7003)), 200);
        assertThat(outside.path("redLines").isEmpty()).isTrue();

        long notices = jdbc.sql("SELECT count(*) FROM notification WHERE kind = 'GATEKEEPING_CONNECTION'").query(Long.class).single();
        JsonNode screened = json(post("/api/v1/gatekeeping/connections").with(officer(7003)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"utility\":\"POWER\",\"accountNumber\":\"0371-889900\",\"latitude\":34.91,\"longitude\":113.51}"), 201);
        assertThat(screened.path("lookup").path("banned").asBoolean()).isTrue();
        assertThat(screened.path("alertedDivision").asString()).isEqualTo(town.substring(0, Math.min(9, town.length())));
        assertThat(jdbc.sql("SELECT count(*) FROM notification n JOIN app_user u ON u.username = n.recipient"
                        + " WHERE n.kind = 'GATEKEEPING_CONNECTION' AND u.username = 'town'").query(Long.class).single())
                .isGreaterThan(0);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE kind = 'GATEKEEPING_CONNECTION'").query(Long.class).single())
                .isGreaterThan(notices);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'GATEKEEPING_CONNECTION_SCREENED'")
                .query(Long.class).single()).isOne();

        // a stale edit of the area is refused
        String change = JSON.writeValueAsString(Map.of("version", 5, "name", "黄河滩区禁入区（调整）", "boundary", polygon,
                "documentTitle", "关于设立准入红线的通知", "reason", "范围调整"));
        json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/red-lines/" + area.path("id").asLong())
                .with(OFFICE).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(change), 409);
    }

    @Test
    void aTokenWithGatekeepingMayLookUpAndOneWithoutIsRefused() throws Exception {
        String market = token("market-registration", RoleCode.DEPARTMENT_OFFICER);
        // the same role, but the token carries another permission only
        String referrals = token("market-referrals", RoleCode.DEPARTMENT_OFFICER, org.qingyuan.access.Permission.REFERRAL_READ);
        // the permission listed, but the token's role does not hold it
        String leader = token("leader-dashboard", RoleCode.LEADER);
        long before = lookupsBy("token:market-registration");
        json(get("/api/v1/gatekeeping/lookup").param("name", "不存在的某某厂").header("Authorization", "Bearer " + market), 200);
        json(get("/api/v1/gatekeeping/lookup").param("lat", "34.85").param("lon", "113.60")
                .header("Authorization", "Bearer " + market), 200);
        json(get("/api/v1/gatekeeping/lookup").param("name", "不存在的某某厂").header("Authorization", "Bearer " + referrals), 403);
        json(get("/api/v1/gatekeeping/lookup").param("name", "不存在的某某厂").header("Authorization", "Bearer " + leader), 403);
        // a gatekeeping token reads nothing else of the ledger, though its role could
        json(get("/api/v1/enterprises").header("Authorization", "Bearer " + market), 403);
        assertThat(lookupsBy("token:market-registration")).as("one audit record per lookup").isEqualTo(before + 2);
        assertThat(lookupsBy("token:market-referrals") + lookupsBy("token:leader-dashboard")).isZero();
        // a red line cannot be drawn with a lookup token
        json(post("/api/v1/red-lines").header("Authorization", "Bearer " + market).contentType(MediaType.APPLICATION_JSON)
                .content("{}"), 403);
        String by = jdbc.sql("SELECT username FROM audit_record WHERE action = 'GATEKEEPING_LOOKUP' ORDER BY id DESC LIMIT 1")
                .query(String.class).single();
        assertThat(by).isEqualTo("token:market-registration");
    }

    private long lookupsBy(String username) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'GATEKEEPING_LOOKUP' AND username = :u")
                .param("u", username).query(Long.class).single();
    }

    @Test
    void aTokenOverItsRateIsAnswered429InChinese() throws Exception {
        String token = token("busy-approvals", RoleCode.DEPARTMENT_OFFICER);
        int refused = 0;
        String detail = null;
        for (int i = 0; i < 25; i++) {
            var response = mvc.perform(get("/api/v1/gatekeeping/lookup").param("creditCode", "91410108MA0000000X")
                    .header("Authorization", "Bearer " + token)).andReturn().getResponse();
            if (response.getStatus() == 429) {
                refused++;
                assertThat(response.getContentType()).contains("application/problem+json");
                assertThat(response.getHeader("Retry-After")).isNotBlank();
                detail = response.getContentAsString(StandardCharsets.UTF_8);
            } else {
                assertThat(response.getStatus()).isEqualTo(200);
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(3);
        assertThat(detail).contains("查询过于频繁");
    }

    @Test
    void anOfficerLooksUpByHandAndTheOfficeDrawsARedLineOnThePage() throws Exception {
        var site = jdbc.sql("SELECT name, division_code FROM enterprise WHERE division_code LIKE '410108%' AND status = 'ACTIVE'"
                + " ORDER BY id DESC LIMIT 1").query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        String name = site[0];
        String created = mvc.perform(post("/red-lines").with(OFFICE).with(csrf()).param("name", "南部水源地禁入区")
                        .param("divisionCodes", site[1]).param("bannedIndustries", "ELECTROPLATING")
                        .param("otherIndustries", "黏土砖厂").param("documentTitle", "关于划定水源保护禁入区的通知"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("message").toString();
        assertThat(created).contains("南部水源地禁入区");
        String list = mvc.perform(get("/red-lines").with(OFFICE)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("南部水源地禁入区").contains("电镀、黏土砖厂").contains("create-red-line");
        String officerList = mvc.perform(get("/red-lines").with(officer(7005))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(officerList).doesNotContain("create-red-line");
        mvc.perform(post("/red-lines").with(officer(7005)).with(csrf()).param("name", "x")).andExpect(status().isForbidden());

        String page = mvc.perform(get("/gatekeeping").param("name", name).with(officer(7005))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the enterprise's division is a red line now: its site is banned
        assertThat(page).contains(name).contains("禁止：该企业或场所属于禁入范围").contains("南部水源地禁入区");
        String bad = mvc.perform(get("/gatekeeping").param("creditCode", "12").with(officer(7005))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("统一社会信用代码应为 18 位");
        mvc.perform(get("/gatekeeping").with(as(RoleCode.GRID_MEMBER, "410108"))).andExpect(status().isForbidden());
    }

    @Test
    void aReadingAboveTheThresholdAtAShutDownSiteRaisesAReboundLeadOnce() throws Exception {
        long closed = jdbc.sql("""
                        SELECT c.enterprise_id FROM rectification_case c JOIN enterprise e ON e.id = c.enterprise_id
                         WHERE c.measure = 'SHUTDOWN' AND c.state = 'CLOSED_OUT' AND e.division_code LIKE '410108%'
                         ORDER BY c.enterprise_id LIMIT 1
                        """).query(Long.class).single();
        long open = jdbc.sql("SELECT enterprise_id FROM rectification_case WHERE state <> 'CLOSED_OUT' AND division_code LIKE '410108%'"
                + " ORDER BY enterprise_id LIMIT 1").query(Long.class).single();
        String body = JSON.writeValueAsString(Map.of("utility", "POWER", "readings", java.util.List.of(
                Map.of("enterpriseId", closed, "accountNumber", "0371-1001", "period", "2026-11", "consumption", 860.5),
                Map.of("enterpriseId", closed, "accountNumber", "0371-1002", "period", "2026-11", "consumption", 3),
                Map.of("enterpriseId", open, "accountNumber", "0371-1003", "period", "2026-11", "consumption", 9000))));
        JsonNode result = json(post("/api/v1/gatekeeping/readings").with(officer(7006)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body), 200);
        assertThat(result.path("received").asInt()).isEqualTo(3);
        assertThat(result.path("atClosedSites").asInt()).isEqualTo(2);
        assertThat(result.path("leadIds")).hasSize(1);
        long lead = result.path("leadIds").get(0).asLong();
        assertThat(jdbc.sql("SELECT description FROM lead WHERE id = :id").param("id", lead).query(String.class).single())
                .contains("0371-1001").contains("反弹");
        JsonNode again = json(post("/api/v1/gatekeeping/readings").with(officer(7006)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body), 200);
        assertThat(again.path("leadIds").get(0).asLong()).isEqualTo(lead);
        json(post("/api/v1/gatekeeping/readings").with(officer(7006)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"utility\":\"POWER\",\"readings\":[{\"enterpriseId\":1}]}"), 400);
    }
}
