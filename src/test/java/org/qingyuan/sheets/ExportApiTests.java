package org.qingyuan.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class ExportApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static RequestPostProcessor town() {
        return as(RoleCode.TOWN_OFFICER, "410108001");
    }

    void register(String name, String division, String extra) throws Exception {
        mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "%s", "divisionCode": "%s", "type": "SLW", "discovery": "PATROL", "reportedOn": "2017-02-20"%s}
                                """.formatted(name, division, extra)))
                .andExpect(status().isCreated());
    }

    List<Row> export(RequestPostProcessor who, String query) throws Exception {
        byte[] file = mvc.perform(get("/api/v1/exports/ledger.xlsx?" + query).with(who))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ImportXlsx.TYPE))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            return wb.getFirstSheet().read();
        }
    }

    static String text(List<Row> rows) {
        return rows.stream().map(r -> r.stream().map(c -> c == null ? "" : c.getText()).collect(Collectors.joining("|")))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void theSurveyLedgerHasTheOfficialTitleUnitDateHeadersFootnotesAndSealBlock() throws Exception {
        String tag = "X" + UUID.randomUUID().toString().substring(0, 5);
        register(tag + "金河铸造厂", "410108001001", """
                , "employees": 12, "rawMaterials": "生铁",
                "facts": {"involvesGas": true, "involvesWater": false, "hasEiaApproval": false, "hasFireApproval": true,
                          "hasPlanningApproval": true, "hasBusinessLicence": true}""");
        List<Row> rows = export(town(), "layout=survey-ledger&q=" + tag);
        assertThat(rows.get(0).getCellText(0)).isEqualTo("惠济区小散乱污企业排查台账");
        assertThat(rows.get(1).getCellText(0)).startsWith("镇（办）：新城街道").contains("(盖章)");
        assertThat(rows.get(2).getCellText(0)).startsWith("日期：").contains("年").contains("月").endsWith("日");
        assertThat(rows.get(3).stream().map(c -> c.getText()).toList()).containsExactly("序号", "所在村组", "企业名称", "企业类型",
                "企业规模（人员等）", "原辅材料", "涉水涉气", "有无手续", "整治要求", "上报时间", "整治期限", "分包责任人", "完成情况（完成日期）",
                "备注");
        Row data = rows.get(4);
        assertThat(data.getCellText(1)).isEqualTo("金河社区");
        assertThat(data.getCellText(2)).isEqualTo(tag + "金河铸造厂");
        assertThat(data.getCellText(3)).isEqualTo("小散乱污");
        assertThat(data.getCellText(4)).isEqualTo("12人");
        assertThat(data.getCellText(6)).isEqualTo("涉气");
        assertThat(data.getCellText(7)).isEqualTo("无环评手续；有营业执照、消防、规划手续");
        String all = text(rows);
        assertThat(all).contains("注：1. 此表各镇、办事处环保部门填报，自2月起每月23日前上报。")
                .contains("4. 完成情况为报送时企业情况").contains("填报单位（盖章）");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'LEDGER_EXPORTED'").query(Long.class).single())
                .isPositive();
    }

    @Test
    void theCommunityTableHasTheTwentyTwoColumnsOf004ThenThePlatformsRecord() throws Exception {
        String tag = "Y" + UUID.randomUUID().toString().substring(0, 5);
        register(tag + "开元家具厂", "410108001002", """
                , "industry": "FURNITURE", "outputValue": 12.5, "premises": "RENTED",
                  "facts": {"emissionsOverStandard": true, "hasFireApproval": false}""");
        List<Row> rows = export(district(), "layout=community-table&q=" + tag);
        assertThat(rows.get(0).getCellText(0)).isEqualTo("惠济区小散乱污企业社区统计表");
        assertThat(rows.get(1).getCellText(0)).startsWith("单位名称：").contains("加盖公章");
        assertThat(rows.get(2).getCellText(0)).contains("联络员：").contains("联系电话：");
        assertThat(rows.get(3).getCellCount()).isEqualTo(26);
        assertThat(rows.get(3).getCellText(21)).isEqualTo("所属街道社区");
        assertThat(rows.get(3).getCellText(12)).isEqualTo("是否符合产业政策及当地产业布局规划");
        Row data = rows.get(4);
        assertThat(data.getCellText(1)).isEqualTo("家具制造");
        assertThat(data.getCellText(9)).isEqualTo("12.5");
        assertThat(data.getCellText(10)).isEqualTo("租赁");
        assertThat(data.getCellText(11)).isEqualTo("是");
        assertThat(data.getCellText(13)).isEqualTo("无");
        assertThat(data.getCellText(21)).isEqualTo("新城街道 开元社区");
    }

    @Autowired
    org.qingyuan.rectification.TownReports townReports;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    static Row byName(List<Row> rows, int column, String name) {
        return rows.stream().filter(r -> r.getCellCount() > column && name.equals(r.getCellText(column))).findFirst().orElseThrow();
    }

    long idOf(String name) {
        return jdbc.sql("SELECT id FROM enterprise WHERE name = :name").param("name", name).query(Long.class).single();
    }

    @Test
    void theOfficialFormsCarryTheCaseRecordForEveryEnterprise() throws Exception {
        String tag = "W" + UUID.randomUUID().toString().substring(0, 5);
        // registered in the platform with facts that classify it: a case opens at once (huiji: 不符合产业政策 → 限期拆除)
        register(tag + "甲铸造厂", "410108001001", """
                , "industry": "CASTING", "facts": {"conformsToPlanning": false, "hasIllegalBuildings": false,
                  "emissionsOverStandard": false, "hasEiaApproval": true, "hasPlanningApproval": true, "hasBusinessLicence": true}""");
        long caseId = jdbc.sql("SELECT id FROM rectification_case WHERE enterprise_id = :id").param("id", idOf(tag + "甲铸造厂"))
                .query(Long.class).single();
        mvc.perform(post("/api/v1/cases/" + caseId + "/responsible").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"townCode\": \"410108001\", \"personName\": \"王五\", \"personPhone\": \"13700000001\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/cases/" + caseId + "/deadline").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 1, \"deadline\": \"2017-06-30\", \"reason\": \"惠环限字〔2017〕1号\"}"))
                .andExpect(status().isOk());
        // no case yet (facts unknown): what its town reported is printed as written
        register(tag + "乙加工点", "410108001001", "");
        long second = idOf(tag + "乙加工点");
        tx.executeWithoutResult(s -> townReports.receive(List.of(new org.qingyuan.rectification.TownReport(second, "补办手续", "3月底",
                null, "赵六", null, "正在整治", "导入自 a.xlsx 第 7 行")), "district"));

        List<Row> survey = export(district(), "layout=survey-ledger&q=" + tag);
        Row first = byName(survey, 2, tag + "甲铸造厂");
        assertThat(first.getCellText(8)).as("整治要求").isEqualTo("限期拆除");
        assertThat(first.getCellText(10)).as("整治期限").isEqualTo("2017-06-30");
        assertThat(first.getCellText(11)).as("分包责任人").isEqualTo("王五 13700000001");
        assertThat(first.getCellText(12)).as("完成情况").isEqualTo("未开始整治");
        Row other = byName(survey, 2, tag + "乙加工点");
        assertThat(List.of(other.getCellText(8), other.getCellText(10), other.getCellText(11), other.getCellText(12)))
                .containsExactly("补办手续", "3月底", "赵六", "正在整治");
        // the form is signed by the district office's liaison (the demo names one), or by the exporting user without one
        String signer = jdbc.sql("SELECT name FROM liaison WHERE unit_key = '410108'").query(String.class).optional()
                .orElse("区办演示账号");
        assertThat(text(survey)).contains("填表人：" + signer);

        List<Row> community = export(district(), "layout=community-table&q=" + tag);
        assertThat(community.get(2).getCellText(0)).startsWith("联络员：" + signer);
        // a unit that named none (the demo leaves the last town without one): the exporting user signs
        assertThat(export(as(RoleCode.TOWN_OFFICER, "410108101"), "layout=community-table&division=410108101").get(2).getCellText(0))
                .matches("联络员：\\S+演示账号\\s.*");
        assertThat(community.get(3).stream().skip(20).map(c -> c.getText()).toList())
                .containsExactly("整治情况", "所属街道社区", "分类", "处置措施", "整治期限", "分包责任人");
        Row c = byName(community, 2, tag + "甲铸造厂");
        assertThat(c.getCellText(20)).isEqualTo("未开始整治");
        assertThat(c.getCellText(22)).as("分类").isNotBlank();
        assertThat(List.of(c.getCellText(23), c.getCellText(24), c.getCellText(25)))
                .containsExactly("限期拆除", "2017-06-30", "王五 13700000001");
    }

    @Test
    void theProgressIsPrintedInTheFormsOwnWords() {
        var shutdown = List.of(org.qingyuan.rectification.Requirement.CUT_WATER);
        assertThat(org.qingyuan.rectification.CaseFormColumns.progressWords(org.qingyuan.policy.MeasureKind.SHUTDOWN, shutdown,
                org.qingyuan.rectification.CaseState.CLOSED_OUT, java.time.LocalDate.of(2017, 3, 18))).isEqualTo("拆除到位（2017-03-18）");
        assertThat(org.qingyuan.rectification.CaseFormColumns.progressWords(org.qingyuan.policy.MeasureKind.SHUTDOWN, shutdown,
                org.qingyuan.rectification.CaseState.IN_PROGRESS, null)).isEqualTo("正在拆除");
        var approvals = List.of(org.qingyuan.rectification.Requirement.APPROVALS_OBTAINED);
        assertThat(org.qingyuan.rectification.CaseFormColumns.progressWords(org.qingyuan.policy.MeasureKind.REMEDIATE, approvals,
                org.qingyuan.rectification.CaseState.IN_PROGRESS, null)).isEqualTo("补办手续");
        assertThat(org.qingyuan.rectification.CaseFormColumns.progressWords(org.qingyuan.policy.MeasureKind.REMEDIATE,
                List.of(org.qingyuan.rectification.Requirement.REMEDIATION_DONE), org.qingyuan.rectification.CaseState.REOPENED, null))
                .isEqualTo("正在整治");
    }

    @Test
    void exportsAreLimitedToTheCallersJurisdiction() throws Exception {
        String tag = "Z" + UUID.randomUUID().toString().substring(0, 5);
        register(tag + "刘寨五金厂", "410108002001", "");
        register(tag + "金河五金厂", "410108001001", "");
        String town = text(export(town(), "layout=template&q=" + tag));
        assertThat(town).contains(tag + "金河五金厂").doesNotContain(tag + "刘寨五金厂");
        String all = text(export(district(), "layout=template&q=" + tag));
        assertThat(all).contains(tag + "金河五金厂").contains(tag + "刘寨五金厂");
        mvc.perform(get("/api/v1/exports/ledger.xlsx?layout=template&division=410108002").with(town()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/exports/ledger.xlsx?layout=nonsense").with(town())).andExpect(status().isBadRequest());
    }

    @Test
    void cellsThatWouldRunAsFormulasAreNeutralised() throws Exception {
        String tag = "F" + UUID.randomUUID().toString().substring(0, 5);
        register(tag + "厂", "410108001001", ", \"remarks\": \"=cmd|' /C calc'!A0\", \"products\": \"@SUM(A1)\", \"address\": \"-2+3\"");
        List<Row> rows = export(district(), "layout=template&q=" + tag);
        Row data = rows.get(1);
        String line = data.stream().map(c -> c == null ? "" : c.getText()).collect(Collectors.joining("|"));
        assertThat(line).contains("'=cmd").contains("'@SUM(A1)").contains("'-2+3");
        assertThat(data.stream().noneMatch(c -> c != null && c.getFormula() != null)).isTrue();
    }

    @Test
    void theFullFieldExportImportsBackAsTheTemplate() throws Exception {
        String tag = "R" + UUID.randomUUID().toString().substring(0, 5);
        register(tag + "往返测试厂", "410108001003", ", \"employees\": 7, \"contactPhone\": \"13912345678\"");
        byte[] file = mvc.perform(get("/api/v1/exports/ledger.xlsx?layout=template&q=" + tag).with(district()))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("企业名称");
            assertThat(rows.get(1).getCellText(0)).isEqualTo(tag + "往返测试厂");
        }
        // importing the export again finds every row already in the ledger
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/imports")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "full.xlsx", null, file))
                        .param("layout", "template").with(district()).with(csrf()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long id = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).get("id").asLong();
        for (int i = 0; i < 100; i++) {
            String state = jdbc.sql("SELECT state FROM sheet_import WHERE id = :id").param("id", id).query(String.class).single();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                break;
            }
            Thread.sleep(100);
        }
        var counts = jdbc.sql("SELECT state, accepted_rows, duplicate_rows FROM sheet_import WHERE id = :id").param("id", id)
                .query().singleRow();
        assertThat(counts.get("state")).isEqualTo("COMMITTED");
        assertThat(counts.get("accepted_rows")).isEqualTo(0);
        assertThat(counts.get("duplicate_rows")).isEqualTo(1);
    }

    @Test
    void theTemplateIsDownloadableFromTheImportPage() throws Exception {
        byte[] file = mvc.perform(get("/api/v1/imports/template.xlsx").with(town())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            String all = text(wb.getFirstSheet().read());
            assertThat(all).contains("企业名称|统一社会信用代码").contains("所在村（社区）").contains("注：1.");
        }
        mvc.perform(get("/imports").with(town())).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("template.xlsx")));
        mvc.perform(get("/exports").with(town())).andExpect(status().isOk());
    }

    /** The content type of xlsx. */
    static final class ImportXlsx {
        static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
}
