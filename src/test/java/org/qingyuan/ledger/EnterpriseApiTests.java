package org.qingyuan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class EnterpriseApiTests {

    static final String JINHE = "410108001001";
    static final String KAIYUAN = "410108001002";
    static final String TONGLE = "410108002002";

    @Autowired
    MockMvc mvc;

    final JsonMapper json = JsonMapper.builder().build();

    static RequestPostProcessor town() {
        return as(RoleCode.TOWN_OFFICER, "410108001");
    }

    static String unique(String name) {
        return name + UUID.randomUUID().toString().substring(0, 6);
    }

    static String body(String name, String division, String extra) {
        return """
                {"name": "%s", "divisionCode": "%s", "type": "SLW", "discovery": "PATROL"%s}
                """.formatted(name, division, extra == null ? "" : ", " + extra);
    }

    JsonNode register(RequestPostProcessor who, String body) throws Exception {
        String response = mvc.perform(post("/api/v1/enterprises").with(who).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(response);
    }

    @Test
    void registeringAnEnterpriseAnswers201WithItsFieldsAndVersionOne() throws Exception {
        String name = unique("金河机械加工厂");
        mvc.perform(post("/api/v1/enterprises").with(town()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(name, JINHE, """
                                "address": "金河路18号院内", "contactPhone": "138 1234 5678", "employees": 12,
                                "industry": "CASTING", "outputValue": 35.5, "premises": "RENTED", "landlord": "王某",
                                "longitude": 113.61, "latitude": 34.85,
                                "facts": {"emissionsOverStandard": true, "hasBusinessLicence": false, "involvesGas": true}
                                """)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/enterprises/")))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.creditCode").doesNotExist())
                .andExpect(jsonPath("$.divisionCode").value(JINHE))
                .andExpect(jsonPath("$.divisionName").value("郑州市惠济区新城街道金河社区居民委员会"))
                .andExpect(jsonPath("$.address").value("金河路18号院内"))
                .andExpect(jsonPath("$.contactPhone").value("13812345678"))
                .andExpect(jsonPath("$.employees").value(12))
                .andExpect(jsonPath("$.keyIndustry").value(true))
                .andExpect(jsonPath("$.facts.emissionsOverStandard").value(true))
                .andExpect(jsonPath("$.facts.hasBusinessLicence").value(false))
                .andExpect(jsonPath("$.facts.hasFireApproval").isEmpty())
                .andExpect(jsonPath("$.factDetails.involvesGas.source").value("REPORTED"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void invalidFieldsAreA400ProblemListingEachFieldInChinese() throws Exception {
        mvc.perform(post("/api/v1/enterprises").with(town()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body("", TONGLE, """
                                "creditCode": "91110108717809965C", "contactPhone": "12345", "employees": -3,
                                "reportedOn": "2999-01-01"
                                """)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("creditCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("contactPhone")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("employees")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("reportedOn")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("divisionCode")))
                .andExpect(jsonPath("$.errors[?(@.field == 'divisionCode')].message", hasItem(containsString("不在您的辖区"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'creditCode')].message", hasItem(containsString("校验位"))));
    }

    @Test
    void badlyTypedAndUnknownMembersAreNamed() throws Exception {
        mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body("某厂", JINHE, "\"employees\": \"很多\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("employees"));
        mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body("某厂", JINHE, "\"colour\": \"red\", \"type\": \"BIG\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("colour"));
    }

    @Test
    void anEarlyPilotCreditCodeIsAcceptedWithAWarning() throws Exception {
        JsonNode created = register(district(), body(unique("厦门试点企业"), JINHE, "\"creditCode\": \"91350211M00013FA1N\""));
        assertThat(created.get("creditCode").asString()).isEqualTo("91350211M00013FA1N");
        assertThat(created.get("creditCodeLegacy").asBoolean()).isTrue();
        assertThat(created.get("warnings").get(0).get("field").asString()).isEqualTo("creditCode");
        assertThat(created.get("warnings").get(0).get("message").asString()).contains("早期试点");
    }

    @Test
    void anEnterpriseOutsideTheCallersTownIsNotFound() throws Exception {
        JsonNode other = register(district(), body(unique("刘寨作坊"), TONGLE, null));
        long id = other.get("id").asLong();
        mvc.perform(get("/api/v1/enterprises/" + id).with(town())).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/enterprises/" + id + "/history").with(town())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/enterprises/" + id + "/attachments").with(town())).andExpect(status().isNotFound());
        mvc.perform(patch("/api/v1/enterprises/" + id).with(town()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 1, \"reason\": \"x\", \"employees\": 3}")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/enterprises").param("q", other.get("name").asString()).with(town()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/enterprises").param("q", other.get("name").asString()).with(district()))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void editingNeedsTheVersionAndAReasonAndIsKeptInTheHistory() throws Exception {
        JsonNode created = register(town(), body(unique("开元塑料厂"), KAIYUAN, "\"employees\": 5, \"contactPhone\": \"0371-63639577\""));
        long id = created.get("id").asLong();
        mvc.perform(patch("/api/v1/enterprises/" + id).with(town()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employees\": 8}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(patch("/api/v1/enterprises/" + id).with(town()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 1, \"employees\": 8}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(patch("/api/v1/enterprises/" + id).with(town()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 1, \"employees\": 8, \"facts\": {\"hasEiaApproval\": false}, \"reason\": \"现场复核\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.employees").value(8))
                .andExpect(jsonPath("$.contactPhone").value("0371-63639577"))
                .andExpect(jsonPath("$.facts.hasEiaApproval").value(false));
        mvc.perform(get("/api/v1/enterprises/" + id + "/history").with(town()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].action").value("EDITED"))
                .andExpect(jsonPath("$[0].reason").value("现场复核"))
                .andExpect(jsonPath("$[0].by").value(org.qingyuan.access.internal.TestLogins.username(RoleCode.TOWN_OFFICER)))
                .andExpect(jsonPath("$[0].changes[?(@.field == 'employees')].oldValue", hasItem(5)))
                .andExpect(jsonPath("$[0].changes[?(@.field == 'employees')].newValue", hasItem(8)))
                .andExpect(jsonPath("$[0].changes[?(@.field == 'facts.hasEiaApproval')].newValue", hasItem(false)))
                .andExpect(jsonPath("$[1].action").value("REGISTERED"));
    }

    @Test
    void theSecondOfTwoConcurrentEditsGets409AndSeesWhatChanged() throws Exception {
        long id = register(town(), body(unique("文运家具厂"), "410108001003", "\"employees\": 4")).get("id").asLong();
        mvc.perform(patch("/api/v1/enterprises/" + id).with(town()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 1, \"employees\": 6, \"reason\": \"第一位\"}")).andExpect(status().isOk());
        mvc.perform(patch("/api/v1/enterprises/" + id).with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 1, \"employees\": 9, \"reason\": \"第二位\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.currentVersion").value(2))
                .andExpect(jsonPath("$.changesSince[0].reason").value("第一位"))
                .andExpect(jsonPath("$.changesSince[0].changes[0].field").value("employees"))
                .andExpect(jsonPath("$.changesSince[0].changes[0].newValue").value(6));
    }

    @Test
    void aSimilarNameInTheSameVillageIsFlaggedAndCanBeMergedKeepingBothHistories() throws Exception {
        String core = unique("金杯");
        long first = register(town(), body(core + "机械厂", "410108001004", "\"contactPerson\": \"张三\"")).get("id").asLong();
        JsonNode second = register(town(), body("郑州市 " + core + "机械（加工点）", "410108001004",
                "\"contactPhone\": \"13912345678\""));
        long secondId = second.get("id").asLong();
        assertThat(second.get("possibleDuplicates").get(0).get("id").asLong()).isEqualTo(first);
        assertThat(second.get("possibleDuplicates").get(0).get("reasons").get(0).asString()).isEqualTo("SAME_NAME_IN_VILLAGE");

        mvc.perform(post("/api/v1/enterprises/" + first + "/merge").with(town()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"duplicateId\": " + secondId + ", \"reason\": \"同一家\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contactPhone").value("13912345678"))
                .andExpect(jsonPath("$.contactPerson").value("张三"))
                .andExpect(jsonPath("$.possibleDuplicates", hasSize(0)));
        mvc.perform(get("/api/v1/enterprises/" + secondId).with(town()))
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.withdrawal.reason").value("DUPLICATE"))
                .andExpect(jsonPath("$.mergedInto").value(first));
        mvc.perform(get("/api/v1/enterprises/" + first + "/history").with(town()))
                .andExpect(jsonPath("$[*].enterpriseId", hasItem((int) secondId)))
                .andExpect(jsonPath("$[*].action", hasItem("MERGED")))
                .andExpect(jsonPath("$[*].action", hasItem("MERGED_AWAY")));
    }

    @Test
    void sameCreditCodeIsFlaggedAndConfirmingTheyDifferStopsTheFlag() throws Exception {
        String code = "\"creditCode\": \"91512081MA62K0260E\"";
        long first = register(district(), body(unique("甲公司"), JINHE, code)).get("id").asLong();
        JsonNode second = register(district(), body(unique("乙公司"), TONGLE, code));
        long secondId = second.get("id").asLong();
        assertThat(second.get("possibleDuplicates").toString()).contains("SAME_CREDIT_CODE");
        mvc.perform(get("/api/v1/enterprises").param("duplicates", "open").param("q", second.get("name").asString()).with(district()))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(post("/api/v1/enterprises/" + secondId + "/distinct").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"duplicateId\": " + first + ", \"reason\": \"分支机构\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.possibleDuplicates[?(@.id == " + first + ")]", hasSize(0)));
        mvc.perform(patch("/api/v1/enterprises/" + secondId).with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 2, \"remarks\": \"复核\", \"reason\": \"补充备注\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.possibleDuplicates[?(@.id == " + first + ")]", hasSize(0)));
    }

    @Test
    void aWithdrawnEnterpriseLeavesTheListButStaysFindable() throws Exception {
        String name = unique("误录企业");
        long id = register(town(), body(name, JINHE, null)).get("id").asLong();
        mvc.perform(post("/api/v1/enterprises/" + id + "/withdrawal").with(town()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"ENTERED_IN_ERROR\", \"note\": \"测试录入\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.withdrawal.note").value("测试录入"));
        mvc.perform(get("/api/v1/enterprises").param("q", name).with(town())).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/enterprises").param("q", name).param("status", "ALL").with(town()))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(patch("/api/v1/enterprises/" + id).with(town()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 2, \"employees\": 1, \"reason\": \"x\"}")).andExpect(status().isConflict());
    }

    @Test
    void theListFiltersByFactTypeAndChineseSubstring() throws Exception {
        String marker = unique("荧光");
        register(district(), body(marker + "印刷厂", "410108001005", "\"facts\": {\"hasEiaApproval\": false}, \"industry\": \"PRINTING\""));
        register(district(), body(marker + "汽修店", "410108001005", "\"facts\": {\"hasEiaApproval\": true}, \"type\": \"EIGHT_SMALL\""));
        mvc.perform(get("/api/v1/enterprises").param("q", marker).with(district())).andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1/enterprises").param("q", marker + "印刷").with(district()))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/enterprises").param("q", marker).param("hasEiaApproval", "false").with(district()))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].industry").value("PRINTING"));
        mvc.perform(get("/api/v1/enterprises").param("q", marker).param("type", "EIGHT_SMALL").with(district()))
                .andExpect(jsonPath("$.items[0].name").value(marker + "汽修店"));
        mvc.perform(get("/api/v1/enterprises").param("q", marker).param("hasFireApproval", "unknown")
                .param("industryGroup", "PRINTING_FURNITURE").with(district())).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/enterprises").param("hasEiaApproval", "maybe").with(district()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("hasEiaApproval"));
    }

    @Test
    void readOnlyRolesCannotRegister() throws Exception {
        mvc.perform(post("/api/v1/enterprises").with(as(RoleCode.LEADER, "410108")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body("某厂", JINHE, null))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/enterprises").with(as(RoleCode.LEADER, "410108"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/enterprises").with(as(RoleCode.AUDITOR, "410108"))).andExpect(status().isForbidden());
    }
}
