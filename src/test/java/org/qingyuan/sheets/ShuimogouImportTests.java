package org.qingyuan.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;

import java.util.ArrayList;
import java.util.Arrays;
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
 * Tried as a new user would, in a deployment for 水磨沟区 (650105): a street's community table (004 附件2)
 * written the way streets write it — communities in several spellings, the unit row naming the street's
 * office, unknowns, Chinese numerals, a community of another street — imported by the district office.
 */
@SpringBootTest(properties = "qingyuan.home-district=650105")
@AutoConfigureMockMvc
class ShuimogouImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static final List<String> HEADER = List.of("序\n号", "行业", "企业名称", "企业地址", "联系人", "联系电话", "用工人数", "设备型号", "产品",
            "产值\n（万元）", "厂房性质（租赁或自建）", "污染物排放是否超标", "是否符合产业政策及当地产业布局规划", "有无消防手续", "有无环评手续",
            "有无规划手续", "有无工商执照", "安全生产是否有隐患", "有无违法违章建筑", "是否纳入拆迁范围", "整治\n情况", "所属街道社区");

    /** A row of the table: 序号, 企业名称, 用工人数, 产值, 所属街道社区 (the rest as a street fills it). */
    static List<String> row(String seq, String name, String employees, String output, String community) {
        String[] r = new String[HEADER.size()];
        Arrays.fill(r, "");
        r[0] = seq;
        r[1] = "家具";
        r[2] = name;
        r[6] = employees;
        r[9] = output;
        r[10] = "租赁";
        r[14] = "无";
        r[21] = community;
        return new ArrayList<>(Arrays.asList(r));
    }

    @Test
    void aStreetsCommunityTableImportsWithEveryCommunitySpellingAndReasonsATownOfficerCanRead() throws Exception {
        String t = "S" + UUID.randomUUID().toString().substring(0, 4);
        byte[] file = ImportClient.workbook(List.of("水磨沟区小散乱污企业社区统计表", "单位名称：六道湾街道办事处（盖章）",
                "联络员：古丽     联系电话：13999112233"), HEADER, List.of(
                row("1", t + "五星家具厂", "8", "20", "五星北路社区"),                    // row 5
                row("2", t + "五星北路木器厂", "6", "12", "六道湾街道 五星北路社区"),       // 6
                row("3", t + "德裕彩钢厂", "5", "10", "德裕"),                             // 7
                row("4", t + "克拉玛依东路汽修", "4", "8", "克拉玛依东路社区居委会"),       // 8
                row("5", t + "西虹印刷厂", "7", "9", "西虹东路社区居委会"),                 // 9
                row("6", t + "六道湾洗涤厂", "3", "5", "六道湾社区"),                       // 10
                row("7", t + "南湖花苑石材店", "2", "4", "南湖花苑居委会"),                 // 11
                row("8", t + "新光铝材厂", "9", "30", "新光社区"),                          // 12: 苇湖梁街道
                row("9", t + "不详五金店", "不详", "停产", "五星北路社区居委会"),           // 13
                row("10", t + "十余人塑料厂", "十余人", "三万元", "六道湾街道德裕社区"),    // 14
                row("11", t + "负数厂", "-3", "5", "德裕社区"),                             // 15
                row("12", "", "5", "5", "德裕社区"),                                        // 16
                row("13", t + "无村厂", "5", "5", ""),                                      // 17
                row("14", t + "无名社区厂", "5", "5", "幸福社区"),                          // 18
                row("15", t + "一百二十人机械厂", "一百二十人", "十二点五万元", "天平社区")  // 19
        ));
        RequestPostProcessor district = as(RoleCode.DISTRICT_OFFICE, "650105");
        ImportClient client = new ImportClient(mvc);
        JsonNode done = client.importFile(district, file, "六道湾街道社区统计表.xlsx", "community-table");
        assertThat(done.get("state").asString()).isEqualTo("COMMITTED");
        assertThat(done.get("formUnit").asString()).isEqualTo("六道湾街道办事处");
        Map<Integer, String> rows = client.rows(district, done);
        assertThat(done.get("counts").get("dataRows").asInt()).as(rows.toString()).isEqualTo(15);
        assertThat(done.get("counts").get("accepted").asInt()).as(rows.toString()).isEqualTo(10);
        assertThat(done.get("counts").get("rejected").asInt()).as(rows.toString()).isEqualTo(5);

        assertThat(rows.get(12)).startsWith("REJECTED").contains("【所属街道社区】新光社区属于苇湖梁街道，不属于本表填报单位六道湾街道");
        assertThat(rows.get(13)).startsWith("ACCEPTED").contains("【用工人数】“不详”中没有人数，该项留空，原文已记入备注")
                .contains("【产值(万元)】“停产”中没有金额，该项留空，原文已记入备注");
        assertThat(rows.get(14)).startsWith("ACCEPTED").contains("【用工人数】“十余人”为约数，按 10 读入");
        assertThat(rows.get(15)).startsWith("REJECTED").contains("【用工人数】“-3”不能为负数");
        assertThat(rows.get(16)).startsWith("REJECTED").contains("【企业名称】");
        assertThat(rows.get(17)).startsWith("REJECTED").contains("【所属街道社区】");
        assertThat(rows.get(18)).startsWith("REJECTED").contains("【所属街道社区】“幸福社区”不是您辖区内的村（社区）名称");

        List<String> codes = jdbc.sql("SELECT division_code FROM enterprise WHERE name LIKE :p ORDER BY name").param("p", t + "%")
                .query(String.class).list();
        assertThat(codes).hasSize(10);
        assertThat(division(t + "五星家具厂")).isEqualTo("650105002001");
        assertThat(division(t + "五星北路木器厂")).isEqualTo("650105002001");
        assertThat(division(t + "德裕彩钢厂")).isEqualTo("650105002003");
        assertThat(division(t + "克拉玛依东路汽修")).isEqualTo("650105002005");
        assertThat(division(t + "西虹印刷厂")).isEqualTo("650105002002");
        assertThat(division(t + "六道湾洗涤厂")).isEqualTo("650105002015");
        assertThat(division(t + "南湖花苑石材店")).isEqualTo("650105002004");
        var unknown = jdbc.sql("SELECT employees, output_value, remarks FROM enterprise WHERE name = :n").param("n", t + "不详五金店")
                .query().singleRow();
        assertThat(unknown.get("employees")).isNull();
        assertThat(unknown.get("output_value")).isNull();
        assertThat((String) unknown.get("remarks")).contains("用工人数：不详").contains("产值(万元)：停产");
        var numerals = jdbc.sql("SELECT employees, output_value::text AS output FROM enterprise WHERE name = :n")
                .param("n", t + "十余人塑料厂").query().singleRow();
        assertThat(numerals.get("employees")).isEqualTo(10);
        assertThat(numerals.get("output")).isEqualTo("3.00");
        var hundred = jdbc.sql("SELECT employees, output_value::text AS output FROM enterprise WHERE name = :n")
                .param("n", t + "一百二十人机械厂").query().singleRow();
        assertThat(hundred.get("employees")).isEqualTo(120);
        assertThat(hundred.get("output")).isEqualTo("12.50");
    }

    @Test
    void aStreetOfficersFileMayOnlyHoldTheStreetsOwnCommunities() throws Exception {
        String t = "S" + UUID.randomUUID().toString().substring(0, 4);
        byte[] file = ImportClient.workbook(List.of("水磨沟区小散乱污企业社区统计表"), HEADER, List.of(
                row("1", t + "立井南五金", "4", "5", "立井南社区"),
                row("2", t + "德裕五金", "4", "5", "德裕社区")));
        RequestPostProcessor street = as(RoleCode.TOWN_OFFICER, "650105003");
        ImportClient client = new ImportClient(mvc);
        JsonNode done = client.importFile(street, file, "苇湖梁.xlsx", "community-table");
        Map<Integer, String> rows = client.rows(street, done);
        assertThat(rows.get(3)).startsWith("ACCEPTED");
        assertThat(rows.get(4)).startsWith("REJECTED").contains("德裕社区属于六道湾街道，不属于本表填报单位苇湖梁街道");
    }

    String division(String name) {
        return jdbc.sql("SELECT division_code FROM enterprise WHERE name = :n").param("n", name).query(String.class).single();
    }
}
