package org.qingyuan.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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

/**
 * A list of suspected sites filed as leads: villages as people write them, all rows or none (each bad row named), and
 * a second upload of the same list files nothing twice.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LeadListImportTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    String village(String code) {
        return jdbc.sql("SELECT name FROM division WHERE code = :c").param("c", code).query(String.class).single();
    }

    static byte[] list(List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("线索");
        ws.value(0, 0, "卫星遥感疑似“散乱污”图斑核查清单");
        List<String> header = List.of("序号", "图斑编号", "所在村（社区）", "名称", "地址", "经度", "纬度", "情况描述");
        for (int c = 0; c < header.size(); c++) {
            ws.value(1, c, header.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (rows.get(r).get(c) != null) {
                    ws.value(r + 2, c, rows.get(r).get(c));
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    JsonNode upload(byte[] file, RequestPostProcessor who, int expected) throws Exception {
        String body = mvc.perform(multipart("/api/v1/imports/leads").file(new MockMultipartFile("file", "图斑.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file)).param("source", "ASSIGNED")
                        .with(who).with(csrf()))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    @Test
    void aListIsFiledIntoTheTownsQueuesOnceAndABadRowFilesNothing() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String v1 = village("410108001001");
        String v2 = village("410108002001");
        byte[] good = list(List.of(
                List.of("1", "TB-" + tag + "-1", v1, "", "金河路北段", "113.61", "34.83", "新增彩钢房，疑似加工作坊"),
                List.of("2", "TB-" + tag + "-2", "刘寨街道" + v2, "宏发塑料", "", "", "", "院内堆放废塑料，疑似造粒")));
        JsonNode first = upload(good, district(), 200);
        assertThat(first.get("filed").asInt()).isEqualTo(2);
        List<String> towns = jdbc.sql("SELECT town_code FROM lead WHERE source_ref LIKE :r ORDER BY source_ref")
                .param("r", "清单 TB-" + tag + "%").query(String.class).list();
        assertThat(towns).containsExactly("410108001", "410108002");
        JsonNode again = upload(good, district(), 200);
        assertThat(again.get("filed").asInt()).isZero();
        assertThat(again.get("already").asInt()).isEqualTo(2);

        byte[] bad = list(List.of(
                List.of("1", "TB-" + tag + "-3", v1, "", "", "", "", "新增图斑"),
                List.of("2", "TB-" + tag + "-4", "不存在村" + tag, "", "", "", "", "新增图斑"),
                List.of("3", "TB-" + tag + "-5", v1, "", "", "东经", "34.8", "")));
        JsonNode refused = upload(bad, district(), 400);
        assertThat(refused.get("errors").findValuesAsString("message"))
                .anySatisfy(m -> assertThat(m).startsWith("第 4 行：所在村（社区）“不存在村"))
                .anySatisfy(m -> assertThat(m).startsWith("第 5 行：“线索描述”为空"))
                .anySatisfy(m -> assertThat(m).contains("第 5 行：经度应为数字"));
        assertThat(jdbc.sql("SELECT count(*) FROM lead WHERE source_ref = :r").param("r", "清单 TB-" + tag + "-3").query(Long.class).single())
                .as("all or none").isZero();
        // a town files only inside itself: another town's village is not found
        upload(list(List.of(List.of("1", "TB-" + tag + "-6", "刘寨街道" + v2, "", "", "", "", "疑似"))),
                as(RoleCode.TOWN_OFFICER, "410108001"), 400);
    }
}
