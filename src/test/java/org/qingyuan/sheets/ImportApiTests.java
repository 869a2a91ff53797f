package org.qingyuan.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class ImportApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    static String tag() {
        return "T" + UUID.randomUUID().toString().substring(0, 5);
    }

    static RequestPostProcessor town() {
        return as(RoleCode.TOWN_OFFICER, "410108001");
    }

    JsonNode upload(RequestPostProcessor who, byte[] content, String name, String layout, String mode) throws Exception {
        String body = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", name, null, content))
                        .param("layout", layout).param("mode", mode).with(who).with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.id").isNumber())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    JsonNode await(RequestPostProcessor who, long id) throws Exception {
        for (int i = 0; i < 300; i++) {
            JsonNode job = json.readTree(mvc.perform(get("/api/v1/imports/" + id).with(who))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            if (job.get("finished").asBoolean()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    List<JsonNode> rows(RequestPostProcessor who, long id, String outcome) throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/api/v1/imports/" + id + "/rows").param("size", "500")
                        .param("outcome", outcome).with(who))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<JsonNode> out = new ArrayList<>();
        page.get("items").forEach(out::add);
        return out;
    }

    @Test
    void importsTheValidRowsOfAMessySurveyLedgerAndReportsEveryOtherRow() throws Exception {
        String tag = tag();
        JsonNode job = upload(district(), MessyLedgers.surveyLedger(tag), "新城街道排查台账.xlsx", "survey-ledger", "valid-rows");
        JsonNode done = await(district(), job.get("id").asLong());
        assertThat(done.get("state").asString()).isEqualTo("COMMITTED");
        JsonNode counts = done.get("counts");
        assertThat(counts.get("dataRows").asInt()).isEqualTo(10);
        assertThat(counts.get("accepted").asInt()).isEqualTo(7);
        assertThat(counts.get("rejected").asInt()).isEqualTo(2);
        assertThat(counts.get("duplicates").asInt()).isEqualTo(1);
        assertThat(done.get("formUnit").asString()).isEqualTo("新城街道");

        List<JsonNode> rejected = rows(district(), job.get("id").asLong(), "REJECTED");
        assertThat(rejected).extracting(r -> r.get("row").asInt()).containsExactly(9, 13);
        assertThat(rejected.get(0).get("errors").get(0).get("column").asString()).isEqualTo("所在村组");
        assertThat(rejected.get(0).get("errors").get(0).get("message").asString()).contains("不存在村");
        assertThat(rejected.get(1).get("errors").toString()).as("a village of another town than the form's unit")
                .contains("石桥村属于花园口镇，不属于本表填报单位新城街道").doesNotContain("企业类型");
        assertThat(rejected.get(1).get("warnings").toString()).as("a type that is no type is a warning")
                .contains("企业类型无法识别，按“小散乱污”登记");
        List<JsonNode> duplicates = rows(district(), job.get("id").asLong(), "DUPLICATE");
        assertThat(duplicates).hasSize(1);
        assertThat(duplicates.get(0).get("row").asInt()).isEqualTo(12);
        assertThat(duplicates.get(0).get("duplicates").get(0).get("row").asInt()).isEqualTo(6);

        // the values made it into the ledger
        var first = jdbc.sql("""
                        SELECT division_code, employees, enterprise_type, reported_on::text AS reported, remarks, facts::text AS facts
                          FROM enterprise WHERE name = :name""")
                .param("name", tag + "金河机械加工厂").query().singleRow();
        assertThat(first.get("division_code")).isEqualTo("410108001001");
        assertThat(first.get("employees")).isEqualTo(20);
        assertThat(first.get("reported")).isEqualTo("2017-02-28");
        assertThat((String) first.get("facts")).contains("\"involvesGas\": {\"asOf\": \"2017-02-28\", \"value\": true, \"source\": \"IMPORT\"}");
        var third = jdbc.sql("SELECT division_code, enterprise_type, reported_on::text AS reported FROM enterprise WHERE name = :name")
                .param("name", tag + "鑫源木器加工点").query().singleRow();
        assertThat(third.get("division_code")).as("merged 所在村组 applies to each row").isEqualTo("410108001001");
        assertThat(third.get("enterprise_type")).isEqualTo("EIGHT_SMALL");
        assertThat(third.get("reported")).as("an Excel date serial").isEqualTo("2017-03-01");
        var tofu = jdbc.sql("SELECT division_code, address, remarks, reported_on::text AS reported FROM enterprise WHERE name = :name")
                .param("name", tag + "毛庄豆腐坊").query().singleRow();
        assertThat(tofu.get("division_code")).isEqualTo("410108001200");
        assertThat(tofu.get("address")).isEqualTo("三组");
        assertThat((String) tofu.get("remarks")).contains("3月底");
        assertThat(tofu.get("reported")).as("a vague date falls back to the form's date").isEqualTo("2017-03-01");
        // history says where each row came from
        String reason = jdbc.sql("""
                        SELECT v.reason FROM enterprise_version v JOIN enterprise e ON e.id = v.enterprise_id
                         WHERE e.name = :name AND v.version = 1""")
                .param("name", tag + "开元印刷厂").query(String.class).single();
        assertThat(reason).contains("新城街道排查台账.xlsx").contains("工作表“续表”第 2 行");
        // the rectification columns are kept for the survey ledger export
        assertThat(jdbc.sql("""
                        SELECT c.requirement FROM sheet_campaign_columns c JOIN enterprise e ON e.id = c.enterprise_id
                         WHERE e.name = :name""").param("name", tag + "金河机械加工厂").query(String.class).single())
                .isEqualTo("补办手续");
        // one audit record for the import
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'LEDGER_IMPORTED' AND object_id = :id")
                .param("id", job.get("id").asString()).query(Long.class).single()).isEqualTo(1L);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** Runs the background classification worker now (it opens the cases), as it would within seconds. */
    void classifyStale() throws Exception {
        ((org.springframework.boot.ApplicationRunner) context.getBean("classificationWorker")).run(null);
    }

    @Test
    void theSurveyLedgersWorkColumnsReachTheCasesOnceTheWorkerOpensThem() throws Exception {
        String tag = tag();
        long id = upload(district(), MessyLedgers.surveyLedger(tag), "新城街道排查台账.xlsx", "survey-ledger", "valid-rows")
                .get("id").asLong();
        assertThat(await(district(), id).get("state").asString()).isEqualTo("COMMITTED");
        // kept for the rectification module with the file and row, the deadline read as a date where it is one
        var machine = jdbc.sql("""
                        SELECT t.requirement, t.deadline::text AS deadline, t.person_name, t.progress, t.source, t.reported_by
                          FROM rectification_town_report t JOIN enterprise e ON e.id = t.enterprise_id WHERE e.name = :name""")
                .param("name", tag + "金河机械加工厂").query().singleRow();
        assertThat(machine.get("requirement")).isEqualTo("补办手续");
        assertThat(machine.get("deadline")).isEqualTo("2017-05-31");
        assertThat(machine.get("person_name")).isEqualTo("张三");
        assertThat(machine.get("progress")).isEqualTo("正在整治");
        assertThat(machine.get("source")).isEqualTo("导入自 新城街道排查台账.xlsx 第 6 行");
        assertThat(machine.get("reported_by")).isEqualTo("district");
        var plastics = jdbc.sql("""
                        SELECT t.deadline, t.deadline_text FROM rectification_town_report t JOIN enterprise e ON e.id = t.enterprise_id
                         WHERE e.name = :name""").param("name", tag + "宏达塑料制品厂").query().singleRow();
        assertThat(plastics.get("deadline")).as("3月底 is no date").isNull();
        assertThat(plastics.get("deadline_text")).isEqualTo("3月底");
        assertThat(jdbc.sql("""
                        SELECT t.progress FROM rectification_town_report t JOIN enterprise e ON e.id = t.enterprise_id
                         WHERE e.name = :name""").param("name", tag + "鑫源木器加工点").query(String.class).single())
                .isEqualTo("拆除到位（2017-03-05）");

        // the survey ledger's few facts leave the plan undetermined: no case yet, the reports wait
        classifyStale();
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_town_report t JOIN enterprise e ON e.id = t.enterprise_id "
                + "WHERE e.name LIKE :p AND t.applied_at IS NULL").param("p", tag + "%").query(Long.class).single()).isPositive();
        // an officer completes the facts of one: the classification opens its case, which takes its town's report then
        long machineId = jdbc.sql("SELECT id FROM enterprise WHERE name = :name").param("name", tag + "金河机械加工厂")
                .query(Long.class).single();
        int version = jdbc.sql("SELECT version FROM enterprise WHERE id = :id").param("id", machineId).query(Integer.class).single();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/enterprises/" + machineId)
                        .with(district()).with(csrf()).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("""
                                {"version": %d, "reason": "现场核实", "industry": "CASTING",
                                 "facts": {"conformsToPlanning": false, "hasIllegalBuildings": false, "emissionsOverStandard": false,
                                           "hasEiaApproval": true, "hasPlanningApproval": true, "hasBusinessLicence": true}}"""
                                .formatted(version)))
                .andExpect(status().isOk());
        classifyStale();
        List<java.util.Map<String, Object>> opened = jdbc.sql("""
                        SELECT e.name, c.id, c.person_name, c.deadline::text AS deadline, c.state, t.case_id
                          FROM rectification_case c JOIN enterprise e ON e.id = c.enterprise_id
                          JOIN rectification_town_report t ON t.enterprise_id = e.id
                         WHERE e.name LIKE :p""").param("p", tag + "%").query().listOfRows();
        assertThat(opened).as("the survey ledger's enterprises that the policy gives a measure").isNotEmpty();
        assertThat(opened).filteredOn(c -> c.get("name").equals(tag + "金河机械加工厂"))
                .extracting(c -> c.get("person_name") + " " + c.get("deadline")).containsExactly("张三 2017-05-31");
        for (var c : opened) {
            assertThat(c.get("case_id")).as("applied once, to its case").isEqualTo(c.get("id"));
            assertThat(c.get("person_name")).as((String) c.get("name")).isNotNull();
            String steps = String.join("\n", jdbc.sql("SELECT kind || '|' || coalesce(detail, '') FROM rectification_step WHERE case_id = :id")
                    .param("id", c.get("id")).query(String.class).list());
            assertThat(steps).contains("ASSIGNED|");
            assertThat(c.get("state")).as("a claim closes nothing").isEqualTo("REGISTERED");
        }
    }

    @Test
    void theContinuationSheetsAreImportedWithTheirOwnSheetNamesAndRowNumbers() throws Exception {
        String tag = tag();
        long id = upload(district(), MessyLedgers.continuedLedger(tag), "续表台账.xlsx", "survey-ledger", "all-or-nothing")
                .get("id").asLong();
        JsonNode done = await(district(), id);
        assertThat(done.get("state").asString()).isEqualTo("COMMITTED");
        assertThat(done.get("counts").get("accepted").asInt()).isEqualTo(7);
        assertThat(rows(district(), id, "ACCEPTED")).extracting(r -> r.get("sheet").asString() + ":" + r.get("row").asInt())
                .containsExactly("附件1:4", "附件1:5", "附件1（续）:3", "附件1（续）:4", "附件1（续）:5", "续表:1", "续表:2");
        var sources = jdbc.sql("""
                        SELECT e.name, e.division_code, e.employees, e.reported_on::text AS reported, e.remarks, v.reason
                          FROM enterprise e JOIN enterprise_version v ON v.enterprise_id = e.id AND v.version = 1
                         WHERE e.name LIKE :p ORDER BY e.id""").param("p", tag + "%").query().listOfRows();
        assertThat(sources).extracting(r -> (String) r.get("reason")).containsExactly(
                "导入自 续表台账.xlsx，工作表“附件1”第 4 行（导入任务 #" + id + "）",
                "导入自 续表台账.xlsx，工作表“附件1”第 5 行（导入任务 #" + id + "）",
                "导入自 续表台账.xlsx，工作表“附件1（续）”第 3 行（导入任务 #" + id + "）",
                "导入自 续表台账.xlsx，工作表“附件1（续）”第 4 行（导入任务 #" + id + "）",
                "导入自 续表台账.xlsx，工作表“附件1（续）”第 5 行（导入任务 #" + id + "）",
                "导入自 续表台账.xlsx，工作表“续表”第 1 行（导入任务 #" + id + "）",
                "导入自 续表台账.xlsx，工作表“续表”第 2 行（导入任务 #" + id + "）");
        // 约20人, full-width ２５人 and １８, and the village merged down three rows
        assertThat(sources).extracting(r -> r.get("employees")).containsExactly(20, 8, 25, 6, 3, 4, 18);
        assertThat(sources.subList(2, 5)).extracting(r -> r.get("division_code")).containsOnly(sources.get(2).get("division_code"));
        assertThat(sources.get(2).get("reported")).isEqualTo("2017-03-05");
        // a vague 上报时间 is kept as text, flagged, and the form's date used
        assertThat(sources.get(3).get("reported")).isEqualTo("2017-03-01");
        assertThat((String) sources.get(3).get("remarks")).contains("3月底");
        JsonNode vague = rows(district(), id, "ACCEPTED").get(3);
        assertThat(vague.get("warnings").toString()).contains("上报时间").contains("“3月底”不是确切日期");
        JsonNode approximate = rows(district(), id, "ACCEPTED").get(0);
        assertThat(approximate.get("warnings").toString()).contains("“约20人”为约数");
    }

    @Test
    void aVagueDeadlineIsKeptAsWrittenAndFullWidthDigitsAreRead() throws Exception {
        String tag = tag();
        long id = upload(district(), MessyLedgers.surveyLedger(tag), "a.xlsx", "survey-ledger", "valid-rows").get("id").asLong();
        await(district(), id);
        // 整治期限 3月底 stays text in the survey ledger's rectification columns
        assertThat(jdbc.sql("""
                        SELECT c.deadline FROM sheet_campaign_columns c JOIN enterprise e ON e.id = c.enterprise_id
                         WHERE e.name = :name""").param("name", tag + "宏达塑料制品厂").query(String.class).single())
                .isEqualTo("3月底");
        assertThat(rows(district(), id, "ACCEPTED").stream().filter(r -> r.get("name").asText().endsWith("宏达塑料制品厂"))
                .findFirst().orElseThrow().get("warnings").toString()).contains("整治期限", "“3月底”不是确切日期，已按原文保留");
        // １２人 in full-width digits; 2017年3月1日
        var wood = jdbc.sql("SELECT employees FROM enterprise WHERE name = :name").param("name", tag + "鑫源木器加工点")
                .query(Integer.class).single();
        assertThat(wood).isEqualTo(12);
        assertThat(jdbc.sql("SELECT reported_on::text FROM enterprise WHERE name = :name").param("name", tag + "宏达塑料制品厂")
                .query(String.class).single()).isEqualTo("2017-03-01");
        // 是/否, 有/无, √/×, Y/N of the community table become facts
        String tagC = tag();
        long c = upload(town(), MessyLedgers.communityTable(tagC), "c.xlsx", "community-table", "valid-rows").get("id").asLong();
        await(town(), c);
        assertThat(fact(tagC + "金河铸造厂", "emissionsOverStandard")).as("是").isEqualTo("true");
        assertThat(fact(tagC + "金河铸造厂", "conformsToPlanning")).as("否").isEqualTo("false");
        assertThat(fact(tagC + "金河铸造厂", "hasFireApproval")).as("无").isEqualTo("false");
        assertThat(fact(tagC + "金河铸造厂", "hasPlanningApproval")).as("×").isEqualTo("false");
        assertThat(fact(tagC + "金河铸造厂", "hasBusinessLicence")).as("√").isEqualTo("true");
        assertThat(fact(tagC + "金河铸造厂", "hasSafetyHazard")).as("有").isEqualTo("true");
        assertThat(fact(tagC + "文运豆腐坊", "emissionsOverStandard")).as("N").isEqualTo("false");
        assertThat(fact(tagC + "文运豆腐坊", "conformsToPlanning")).as("Y").isEqualTo("true");
    }

    String fact(String name, String fact) {
        return jdbc.sql("SELECT facts -> :fact ->> 'value' FROM enterprise WHERE name = :name").param("fact", fact)
                .param("name", name).query(String.class).single();
    }

    @Test
    void theReportIsTheOriginalRowsWithAnOutcomeAndReasonColumn() throws Exception {
        String tag = tag();
        long id = upload(district(), MessyLedgers.surveyLedger(tag), "a.xlsx", "survey-ledger", "valid-rows").get("id").asLong();
        await(district(), id);
        byte[] report = mvc.perform(get("/api/v1/imports/" + id + "/report.xlsx").with(district()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(report))) {
            List<Row> rows = wb.getFirstSheet().read();
            Row header = rows.stream().filter(r -> r.getRowNum() == 5).findFirst().orElseThrow();
            assertThat(header.getCellText(15)).isEqualTo("导入结果");
            Row bad = rows.stream().filter(r -> r.getRowNum() == 9).findFirst().orElseThrow();
            assertThat(bad.getCellText(2)).isEqualTo(tag + "无名作坊");
            assertThat(bad.getCellText(15)).contains("错误");
            assertThat(bad.getCellText(16)).contains("【所在村组】");
            Row ok = rows.stream().filter(r -> r.getRowNum() == 6).findFirst().orElseThrow();
            assertThat(ok.getCellText(15)).isEqualTo("已导入");
            Row injected = rows.stream().filter(r -> r.getRowNum() == 13).findFirst().orElseThrow();
            assertThat(injected.getCellText(2)).startsWith("'");
        }
    }

    @Test
    void theUploadAnswers202WithTheJobInUnderASecond() throws Exception {
        upload(town(), MessyLedgers.communityTable(tag()), "warm-up.xlsx", "community-table", "valid-rows");
        byte[] file = MessyLedgers.surveyLedger(tag());
        long start = System.nanoTime();
        JsonNode job = upload(district(), file, "a.xlsx", "survey-ledger", "valid-rows");
        assertThat((System.nanoTime() - start) / 1_000_000).as("upload answers in under a second").isLessThan(1000);
        assertThat(job.get("state").asString()).isIn("QUEUED", "RUNNING", "COMMITTED");
        assertThat(job.get("links").get("report").asString()).endsWith("/report.xlsx");
        await(district(), job.get("id").asLong());
    }

    @Test
    void importingTheSameFileAgainAddsNothing() throws Exception {
        byte[] file = MessyLedgers.communityTable(tag());
        long first = upload(town(), file, "社区统计表.xlsx", "community-table", "valid-rows").get("id").asLong();
        JsonNode one = await(town(), first);
        assertThat(one.get("counts").get("accepted").asInt()).isEqualTo(3);
        long second = upload(town(), file, "社区统计表.xlsx", "community-table", "valid-rows").get("id").asLong();
        JsonNode two = await(town(), second);
        assertThat(two.get("counts").get("accepted").asInt()).isZero();
        assertThat(two.get("counts").get("duplicates").asInt()).isEqualTo(3);
        assertThat(two.get("sameFileAs").asLong()).isEqualTo(first);
    }

    @Test
    void theCommunityTableReadsUnitsApproximationsAndMarks() throws Exception {
        String tag = tag();
        long id = upload(town(), MessyLedgers.communityTable(tag), "c.xlsx", "community-table", "valid-rows").get("id").asLong();
        JsonNode done = await(town(), id);
        assertThat(done.get("counts").get("accepted").asInt()).isEqualTo(3);
        var foundry = jdbc.sql("""
                        SELECT output_value::text AS output, employees, premises, contact_phone, industry, facts_yes, facts_no, address
                          FROM enterprise WHERE name = :name""").param("name", tag + "金河铸造厂").query().singleRow();
        assertThat(foundry.get("output")).isEqualTo("12.50");
        assertThat(foundry.get("employees")).isEqualTo(20);
        assertThat(foundry.get("premises")).isEqualTo("RENTED");
        assertThat(foundry.get("contact_phone")).isEqualTo("13812345678");
        assertThat(foundry.get("industry")).isEqualTo("CASTING");
        assertThat((String) foundry.get("address")).startsWith("金河路");
        var furniture = jdbc.sql("SELECT output_value::text AS output, premises FROM enterprise WHERE name = :name")
                .param("name", tag + "开元家具厂").query().singleRow();
        assertThat(furniture.get("output")).isEqualTo("12.50");
        assertThat(furniture.get("premises")).isEqualTo("SELF_BUILT");
        List<JsonNode> warned = new ArrayList<>();
        json.readTree(mvc.perform(get("/api/v1/imports/" + id + "/rows").param("warnings", "true").with(town()))
                .andReturn().getResponse().getContentAsString()).get("items").forEach(warned::add);
        assertThat(warned.toString()).contains("约数").contains("已换算为 12.5 万元").contains("行业");
    }

    @Test
    void allOrNothingWritesNothingWhenARowIsBad() throws Exception {
        String tag = tag();
        long id = upload(district(), MessyLedgers.surveyLedger(tag), "a.xlsx", "survey-ledger", "all-or-nothing").get("id").asLong();
        JsonNode done = await(district(), id);
        assertThat(done.get("state").asString()).isEqualTo("REJECTED");
        assertThat(done.get("counts").get("rejected").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise WHERE name LIKE :p").param("p", tag + "%")
                .query(Long.class).single()).isZero();
        mvc.perform(get("/api/v1/imports/" + id + "/report.xlsx").with(district())).andExpect(status().isOk());
    }

    @Test
    void aLargerFileIsWrittenInBulkWithEveryFieldAndItsSource() throws Exception {
        String prefix = "L" + UUID.randomUUID().toString().substring(0, 4) + "-";
        long id = upload(district(), BenchLedgers.surveyLedger(300, prefix), "large.xlsx", "survey-ledger", "valid-rows")
                .get("id").asLong();
        JsonNode done = await(district(), id);
        assertThat(done.get("counts").get("accepted").asInt()).isEqualTo(300);
        var row = jdbc.sql("""
                        SELECT e.division_code, e.employees, e.enterprise_type, e.reported_on::text AS reported, e.facts::text AS facts,
                               e.facts_yes, e.search_grams IS NOT NULL AS grams, v.reason, v.changes::text AS changes
                          FROM enterprise e JOIN enterprise_version v ON v.enterprise_id = e.id AND v.version = 1
                         WHERE e.name = :name""").param("name", prefix + "7号服装加工坊").query().singleRow();
        assertThat(row.get("division_code")).isEqualTo("410108100201");
        assertThat(row.get("employees")).isEqualTo(9);
        assertThat(row.get("enterprise_type")).isEqualTo("EIGHT_SMALL");
        assertThat(row.get("reported")).isEqualTo("2017-02-08");
        assertThat((String) row.get("facts")).contains("involvesGas");
        assertThat(row.get("grams")).isEqualTo(true);
        assertThat((String) row.get("reason")).contains("large.xlsx").contains("第 11 行");
        assertThat((String) row.get("changes")).contains("name");
    }

    @Test
    void legacyXlsFilesAreImported() throws Exception {
        String tag = tag();
        long id = upload(town(), MessyLedgers.legacyXls(tag), "老台账.xls", "survey-ledger", "valid-rows").get("id").asLong();
        JsonNode done = await(town(), id);
        assertThat(done.get("counts").get("accepted").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT division_code FROM enterprise WHERE name = :n").param("n", tag + "老表格塑料厂")
                .query(String.class).single()).isEqualTo("410108001001");
    }

    @Test
    void villagesOutsideTheImportersJurisdictionAreRowErrors() throws Exception {
        // 刘寨街道's officer cannot import 新城街道's communities
        RequestPostProcessor other = as(RoleCode.TOWN_OFFICER, "410108002");
        long id = upload(other, MessyLedgers.communityTable(tag()), "c.xlsx", "community-table", "valid-rows").get("id").asLong();
        JsonNode done = await(other, id);
        assertThat(done.get("counts").get("accepted").asInt()).isZero();
        assertThat(done.get("counts").get("rejected").asInt()).isEqualTo(3);
    }

    @Test
    void aJobOfAnotherJurisdictionAnswers404() throws Exception {
        long id = upload(town(), MessyLedgers.communityTable(tag()), "c.xlsx", "community-table", "valid-rows").get("id").asLong();
        await(town(), id);
        RequestPostProcessor other = as(RoleCode.TOWN_OFFICER, "410108002");
        mvc.perform(get("/api/v1/imports/" + id).with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/imports/" + id + "/report.xlsx").with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/imports/" + id).with(district())).andExpect(status().isOk());
    }

    @Test
    void badRequestsAnswer400WithAChineseReason() throws Exception {
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "a.xlsx", null, new byte[] {1, 2}))
                        .param("layout", "nonsense").with(town()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("layout")));
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "a.txt", null, new byte[] {1, 2}))
                        .param("layout", "template").with(town()).with(csrf()))
                .andExpect(status().isBadRequest());
        // a file that is no workbook fails the job, with nothing written
        long id = upload(town(), "not a workbook".getBytes(), "x.xlsx", "template", "valid-rows").get("id").asLong();
        JsonNode done = await(town(), id);
        assertThat(done.get("state").asString()).isEqualTo("FAILED");
        assertThat(done.get("message").asString()).contains("Excel");
    }

    @Test
    void aVillageOfficerMayNotImport() throws Exception {
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "a.xlsx", null, new byte[] {1}))
                        .param("layout", "template").with(as(RoleCode.VILLAGE_OFFICER, "410108001001")).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
