package org.qingyuan.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Tried as a new user would, in a deployment for 滨海新区 (120116): the district's survey ledger (001 附件1)
 * with villages written 大田村 / 紫云园社区 (officially 大田村委会, 紫云园社区居委会), head counts in Chinese
 * numerals, a village name two towns share, and the inconsistent but possible facts that are only warnings.
 */
@SpringBootTest(properties = "qingyuan.home-district=120116")
@AutoConfigureMockMvc
class BinhaiImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static final List<String> HEADER = List.of("序号", "所在村组", "企业名称", "企业类型", "企业规模（人员等）", "原辅材料", "涉水涉气", "有无手续",
            "整治要求", "上报时间", "整治期限", "分包责任人", "完成情况（完成日期）", "备注");

    static List<String> row(String seq, String village, String name, String scale, String deadline, String progress) {
        return List.of(seq, village, name, "小散乱污", scale, "钢材", "涉气", "无", "补办手续", "2017.2.20", deadline, "张三", progress, "");
    }

    @Test
    void aSurveyLedgerWithVillagesWrittenShortImportsWithReasonsATownOfficerCanRead() throws Exception {
        String t = "B" + UUID.randomUUID().toString().substring(0, 4);
        byte[] file = ImportClient.workbook(List.of("滨海新区小散乱污企业排查台账", "填报单位：滨海新区    日期：2017年3月1日"), HEADER, List.of(
                row("1", "大田村", t + "大田机械厂", "三人", "2017.5.31", "正在整治"),                   // row 4
                row("2", "紫云园社区", t + "紫云园印刷厂", "十六人", "", ""),                             // 5
                row("3", "大田村委会", t + "大田铸造厂", "四十四人", "", ""),                             // 6
                row("4", "紫云园社区居委会", t + "紫云园汽修", "二十七人", "", ""),                       // 7
                row("5", "汉沽街道大田村", t + "汉沽大田塑料厂", "一百二十人", "", ""),                   // 8
                row("6", "崔庄村", t + "崔庄石材厂", "5人", "", ""),                                      // 9: two towns have one
                row("7", "太平镇崔庄村", t + "太平崔庄石材厂", "二十多人", "", ""),                       // 10
                row("7", "紫云园", t + "紫云园木器厂", "不清楚", "", ""),                                 // 11: 序号 repeated
                row("9", "大田", t + "大田喷涂厂", "6人", "2017.1.31", ""),                               // 12: deadline first
                row("10", "紫云园社区", t + "紫云园彩钢厂", "4人", "", "拆除到位"),                       // 13: no date
                row("11", "紫云园社区", t + "负数厂", "-5人", "", "")                                     // 14
        ));
        RequestPostProcessor district = as(RoleCode.DISTRICT_OFFICE, "120116");
        ImportClient client = new ImportClient(mvc);
        JsonNode done = client.importFile(district, file, "滨海新区排查台账.xlsx", "survey-ledger");
        Map<Integer, String> rows = client.rows(district, done);
        assertThat(done.get("state").asString()).isEqualTo("COMMITTED");
        assertThat(done.get("counts").get("dataRows").asInt()).as(rows.toString()).isEqualTo(11);
        assertThat(done.get("counts").get("accepted").asInt()).as(rows.toString()).isEqualTo(9);
        assertThat(done.get("counts").get("rejected").asInt()).as(rows.toString()).isEqualTo(2);

        assertThat(rows.get(9)).startsWith("REJECTED")
                .contains("【所在村组】“崔庄村”在辖区内有多个：茶淀街道崔庄村、太平镇崔庄村，请写明是哪一个");
        assertThat(rows.get(10)).startsWith("ACCEPTED").contains("“二十多人”为约数，按 20 读入");
        assertThat(rows.get(11)).startsWith("ACCEPTED").contains("【序号】序号 7 与工作表“Sheet1”第 10 行重复")
                .contains("【企业规模(人员等)】“不清楚”中没有人数，该项留空，原文已记入备注");
        assertThat(rows.get(12)).startsWith("ACCEPTED").contains("【整治期限】整治期限 2017-01-31 早于上报时间 2017-02-20");
        assertThat(rows.get(13)).startsWith("ACCEPTED").contains("【完成情况(完成日期)】完成情况“拆除到位”未写完成日期");
        assertThat(rows.get(14)).startsWith("REJECTED").contains("【企业规模(人员等)】“-5人”不能为负数");
        assertThat(rows.get(4)).isEqualTo("ACCEPTED");

        assertThat(village(t + "大田机械厂")).isEqualTo("120116031201");
        assertThat(village(t + "大田铸造厂")).isEqualTo("120116031201");
        assertThat(village(t + "汉沽大田塑料厂")).isEqualTo("120116031201");
        assertThat(village(t + "大田喷涂厂")).isEqualTo("120116031201");
        assertThat(village(t + "紫云园印刷厂")).isEqualTo("120116001016");
        assertThat(village(t + "紫云园汽修")).isEqualTo("120116001016");
        assertThat(village(t + "紫云园木器厂")).isEqualTo("120116001016");
        assertThat(village(t + "太平崔庄石材厂")).isEqualTo("120116156214");
        assertThat(jdbc.sql("SELECT employees FROM enterprise WHERE name LIKE :p ORDER BY id").param("p", t + "%")
                .query(Integer.class).list()).containsExactly(3, 16, 44, 27, 120, 20, null, 6, 4);
        assertThat(jdbc.sql("SELECT remarks FROM enterprise WHERE name = :n").param("n", t + "紫云园木器厂").query(String.class)
                .single()).contains("企业规模(人员等)：不清楚");
    }

    String village(String name) {
        return jdbc.sql("SELECT division_code FROM enterprise WHERE name = :n").param("n", name).query(String.class).single();
    }
}
