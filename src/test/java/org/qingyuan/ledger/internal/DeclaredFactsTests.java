package org.qingyuan.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.Classifications;
import org.qingyuan.ledger.EnterpriseClassification;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.internal.EnterpriseVersion;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.Policies;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.rectification.Cases;
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
 * The facts a plan declares beyond the eleven (baokou's six shutdown criteria …) are recorded on the
 * enterprise through the API, the form and the template import, with source and date, in the history and the audit,
 * and the classification reads them. baokou is active during each test; huiji-2017 is active again after it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeclaredFactsTests {

    static final Scope DISTRICT = Scope.of(DivisionCode.of("410108"));
    static final String JINHE = "410108001001";

    @Autowired MockMvc mvc;
    @Autowired Policies policies;
    @Autowired ClassificationWorker worker;
    @Autowired Classifications classifications;
    @Autowired Ledger ledger;
    @Autowired EnterpriseHistory enterpriseHistory;
    @Autowired Cases cases;
    @Autowired JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void activateBaokou() {
        policies.activate("baokou", 1, "test");
    }

    @AfterEach
    void activateHuijiAgain() {
        policies.activate("huiji-2017", policies.get("huiji-2017").version(), "test");
        worker.drain();
    }

    /** The eleven answered: everything in order but the EIA approval, so baokou's 散乱污 test is met. */
    static final String ELEVEN = """
            "hasEiaApproval": false, "conformsToPlanning": true, "hasFireApproval": true, "hasPlanningApproval": true,
            "hasBusinessLicence": true, "emissionsOverStandard": false, "hasIllegalBuildings": false,
            "hasSafetyHazard": false, "inDemolitionArea": false""";

    long register(String name) throws Exception {
        String body = """
                {"name": "%s", "divisionCode": "%s", "type": "SLW", "discovery": "PATROL", "industry": "GARMENT",
                 "reportedOn": "2026-02-01", "facts": {%s}}
                """.formatted(name, JINHE, ELEVEN);
        String response = mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(response).get("id").asLong();
    }

    JsonNode edit(long id, String facts, String factDetails, String reason) throws Exception {
        int version = json.readTree(mvc.perform(get("/api/v1/enterprises/" + id).with(district()))
                .andReturn().getResponse().getContentAsString()).get("version").asInt();
        String body = """
                {"version": %d, "reason": "%s", "facts": {%s}, "factDetails": {%s}}
                """.formatted(version, reason, facts, factDetails);
        return json.readTree(mvc.perform(patch("/api/v1/enterprises/" + id).with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void recordingBaokousCriteriaChangesTheClassificationAndOpensTheRightCase() throws Exception {
        long id = register("俵口事实测试厂" + UUID.randomUUID().toString().substring(0, 6));
        EnterpriseClassification before = classifications.current(new EnterpriseId(id), DISTRICT);
        assertThat(before.applies().computed().policyId()).isEqualTo("baokou");
        assertThat(before.applies().computed().category()).as("the shutdown criteria are unknown")
                .isNotIn("关停取缔类", "搬迁改造类");
        assertThat(before.applies().computed().questions()).anySatisfy(q -> assertThat(q.toString()).contains("obsoleteCapacity"));

        // the six criteria checked on site: none met, so the plan's other category, relocation
        String inspected = "{\"source\": \"INSPECTION\", \"asOf\": \"2026-03-02\"}";
        JsonNode relocated = edit(id, """
                "obsoleteCapacity": false, "violatesNatureReserveRules": false, "hasProductionLicence": true,
                "hasDischargePermit": true, "illegalLandUse": false, "seriousHazard": false, "rectificationOverdue": false""",
                String.join(", ", List.of("obsoleteCapacity", "violatesNatureReserveRules", "hasProductionLicence",
                        "hasDischargePermit", "illegalLandUse", "seriousHazard", "rectificationOverdue").stream()
                        .map(n -> "\"" + n + "\": " + inspected).toList()), "现场核查取缔标准");
        assertThat(relocated.get("facts").get("obsoleteCapacity").asBoolean()).isFalse();
        assertThat(relocated.get("factDetails").get("obsoleteCapacity").get("source").asString()).isEqualTo("INSPECTION");
        assertThat(relocated.get("factDetails").get("obsoleteCapacity").get("asOf").asString()).isEqualTo("2026-03-02");
        assertThat(classifications.current(new EnterpriseId(id), DISTRICT).applies().computed().category()).isEqualTo("搬迁改造类");
        CaseSummary opened = cases.ofEnterprise(id, DISTRICT).orElseThrow();
        assertThat(opened.measure()).isEqualTo(MeasureKind.RELOCATE);

        // one criterion met: shut down, and the case follows
        edit(id, "\"obsoleteCapacity\": true", "\"obsoleteCapacity\": {\"source\": \"DEPARTMENT\", \"asOf\": \"2026-03-05\"}",
                "工信部门认定属于淘汰落后产能");
        EnterpriseClassification shut = classifications.current(new EnterpriseId(id), DISTRICT);
        assertThat(shut.applies().computed().category()).isEqualTo("关停取缔类");
        assertThat(shut.reason()).startsWith("事实变更");
        CaseSummary realigned = cases.ofEnterprise(id, DISTRICT).orElseThrow();
        assertThat(realigned.id()).isEqualTo(opened.id());
        assertThat(realigned.measure()).isEqualTo(MeasureKind.SHUTDOWN);
        assertThat(cases.get(opened.id(), DISTRICT).rectificationCase().requirements()).hasSize(5);

        // stored with source and date, in the history under its Chinese label, and audited
        var stored = ledger.get(new EnterpriseId(id), DISTRICT).details().facts().get("obsoleteCapacity");
        assertThat(stored.value()).isTrue();
        assertThat(stored.source()).isEqualTo(FactSource.DEPARTMENT);
        assertThat(stored.asOf()).isEqualTo(LocalDate.of(2026, 3, 5));
        List<EnterpriseVersion> history = enterpriseHistory.history(new EnterpriseId(id), DISTRICT);
        assertThat(history).anySatisfy(v -> assertThat(v.changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("facts.obsoleteCapacity");
            assertThat(c.label()).isEqualTo("是否属于淘汰落后产能");
            assertThat(c.oldValue()).isEqualTo(false);
            assertThat(c.newValue()).isEqualTo(true);
        }));
        assertThat(jdbc.sql("""
                        SELECT details FROM audit_record WHERE action = 'ENTERPRISE_EDITED' AND object_id = :id ORDER BY id DESC LIMIT 1""")
                .param("id", Long.toString(id)).query(String.class).single()).contains("facts.obsoleteCapacity");
    }

    @Test
    void anUnknownFactNameIsA400NamingIt() throws Exception {
        String body = """
                {"name": "未知事实厂", "divisionCode": "%s", "type": "SLW", "discovery": "PATROL",
                 "facts": {"obsoleteCapacty": true}}
                """.formatted(JINHE);
        mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("facts.obsoleteCapacty")))
                .andExpect(jsonPath("$.detail", containsString("未知的合规事实“obsoleteCapacty”")))
                .andExpect(jsonPath("$.detail", containsString("obsoleteCapacity 是否属于淘汰落后产能")));
        long id = register("已登记未知事实厂" + UUID.randomUUID().toString().substring(0, 6));
        mvc.perform(patch("/api/v1/enterprises/" + id).with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 1, \"reason\": \"补充\", \"facts\": {\"seriousHazzard\": true}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("facts.seriousHazzard")))
                .andExpect(jsonPath("$.detail", containsString("seriousHazzard")));
    }

    @Test
    void theTemplateHasAColumnPerDeclaredFactAndAnImportReadsItBack() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/imports/template.xlsx").with(district()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> header = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(template))) {
            for (Row row : wb.getFirstSheet().read()) {
                if ("企业名称".equals(row.getCellText(0))) {
                    for (int c = 0; c < row.getCellCount(); c++) {
                        header.add(row.getCellText(c));
                    }
                }
            }
        }
        assertThat(header).contains("是否属于淘汰落后产能", "是否违反古海岸与湿地国家级自然保护区相关法规", "有无生产许可证",
                "是否按期取得排污许可证", "是否违法违规占用土地", "是否存在严重安全、消防、环保隐患", "限期整改是否逾期未完成",
                "巡查是否查出违规违法生产");
        assertThat(header.indexOf("是否属于淘汰落后产能")).as("after the eleven").isGreaterThan(header.indexOf("涉气"));

        // the template filled in as a town would: one row, the criteria answered 是/否/有
        String name = "模板事实厂" + UUID.randomUUID().toString().substring(0, 6);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Workbook book = new Workbook(file, "test", "1.0");
        Worksheet ws = book.newWorksheet("台账");
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            String h = header.get(c);
            String v = switch (h) {
                case "企业名称" -> name;
                case "所在村（社区）" -> "金河社区";
                case "行业" -> "服装加工";
                case "上报时间" -> "2026.2.1";
                case "有无环评手续" -> "无";
                case "是否符合产业政策及当地产业布局规划", "是否违反古海岸与湿地国家级自然保护区相关法规", "是否违法违规占用土地",
                        "是否存在严重安全、消防、环保隐患", "限期整改是否逾期未完成" -> "否";
                case "有无消防手续", "有无规划手续", "有无工商执照", "有无生产许可证" -> "有";
                case "污染物排放是否超标", "有无违法违章建筑" -> "否";
                case "是否按期取得排污许可证" -> "是";
                case "是否属于淘汰落后产能" -> "是";
                case "巡查是否查出违规违法生产" -> "不详";
                default -> null;
            };
            if (v != null) {
                ws.value(1, c, v);
            }
        }
        ws.finish();
        book.finish();
        String upload = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "俵口模板.xlsx", null,
                        file.toByteArray())).param("layout", "template").param("mode", "valid-rows").with(district()).with(csrf()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long job = json.readTree(upload).get("id").asLong();
        JsonNode done = null;
        for (int i = 0; i < 300 && (done == null || !done.get("finished").asBoolean()); i++) {
            Thread.sleep(100);
            done = json.readTree(mvc.perform(get("/api/v1/imports/" + job).with(district())).andReturn().getResponse()
                    .getContentAsString());
        }
        assertThat(done.get("state").asString()).isEqualTo("COMMITTED");
        assertThat(done.get("counts").get("accepted").asInt()).isEqualTo(1);

        long id = jdbc.sql("SELECT id FROM enterprise WHERE name = :name").param("name", name).query(Long.class).single();
        var facts = ledger.get(new EnterpriseId(id), DISTRICT).details().facts();
        assertThat(facts.get("obsoleteCapacity").value()).isTrue();
        assertThat(facts.get("obsoleteCapacity").source()).isEqualTo(FactSource.IMPORT);
        assertThat(facts.get("obsoleteCapacity").asOf()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(facts.get("hasProductionLicence").value()).isTrue();
        assertThat(facts.get("hasDischargePermit").value()).isTrue();
        assertThat(facts.get("caughtProducingIllegally").known()).as("不详 stays unknown").isFalse();

        // left stale by the import, classified by the background worker from the imported criteria
        assertThat(classifications.current(new EnterpriseId(id), DISTRICT).classified()).isFalse();
        worker.drain();
        assertThat(classifications.current(new EnterpriseId(id), DISTRICT).applies().computed().category()).isEqualTo("关停取缔类");
    }

    @Test
    void theFormShowsTheActivePlansFactsWithTheirChineseLabels() throws Exception {
        mvc.perform(get("/enterprises/new").with(district()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("俵口镇“散乱污”企业整治长效管理工作方案")))
                .andExpect(content().string(containsString("是否属于淘汰落后产能")))
                .andExpect(content().string(containsString("name=\"facts[obsoleteCapacity]\"")))
                .andExpect(content().string(containsString("有无生产许可证")));

        // recorded through the form, shown checked when edited and on the enterprise's page
        String url = mvc.perform(post("/enterprises").with(district()).with(csrf())
                        .param("name", "表单事实厂" + System.nanoTime()).param("divisionCode", JINHE).param("type", "SLW")
                        .param("discovery", "PATROL").param("facts[hasEiaApproval]", "false")
                        .param("facts[seriousHazard]", "true").param("factSource", "INSPECTION"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        var seriousHazard = ledger.get(new EnterpriseId(id), DISTRICT).details().facts().get("seriousHazard");
        assertThat(seriousHazard.value()).isTrue();
        assertThat(seriousHazard.source()).isEqualTo(FactSource.INSPECTION);
        assertThat(classifications.current(new EnterpriseId(id), DISTRICT).applies().computed().category()).isEqualTo("关停取缔类");
        String edit = mvc.perform(get(url + "/edit").with(district())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(edit).containsPattern("name=\"facts\\[seriousHazard\\]\" id=\"fact-seriousHazard-yes\" value=\"true\"\\s+checked");
        mvc.perform(get(url).with(district())).andExpect(status().isOk())
                .andExpect(content().string(containsString("是否存在严重安全、消防、环保隐患")));
    }
}
