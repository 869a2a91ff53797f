package org.qingyuan.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.demo.DemoPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supervision tracking ledger of 001 附件2 (issue 17 §2): exported as the official form from the problems supervision
 * found, and a paper ledger imported all or none, matched to the ledger's enterprises by town and name.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SupervisionLedgerSheetTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final RequestPostProcessor SUPERVISOR = as(RoleCode.SUPERVISOR, "410108");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    JsonNode json(org.springframework.test.web.servlet.RequestBuilder request, int expected) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return body.isEmpty() ? null : JSON.readTree(body);
    }

    JsonNode postJson(String path, String body, int expected) throws Exception {
        return json(post(path).with(SUPERVISOR).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body), expected);
    }

    byte[] download(String path) throws Exception {
        return mvc.perform(get(path).with(SUPERVISOR))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", XLSX))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
    }

    static List<Row> rows(byte[] file) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            return wb.getFirstSheet().read();
        }
    }

    static List<String> cells(Row row) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < row.getCellCount(); c++) {
            String t = row.getCellText(c);
            out.add(t == null ? "" : t);
        }
        return out;
    }

    static Row rowNaming(List<Row> rows, String name, String text) {
        return rows.stream().filter(r -> r.getCellCount() > 5 && name.equals(r.getCellText(2)) && r.getCellText(5) != null
                && r.getCellText(5).contains(text)).findFirst().orElseThrow(() -> new AssertionError("no row of " + name));
    }

    @Test
    void theExportIsTheOfficialFormWithTheProblemsSupervisionFoundAndHandedOver() throws Exception {
        String seed = "sheets-" + UUID.randomUUID();
        // a note of its own: other tests in the same context record problems at the same sites
        String note = "现场有工人生产" + seed.substring(7, 15);
        long round = postJson("/api/v1/supervision/rounds", "{\"name\": \"导出测试\", \"mode\": \"OPEN\", \"seed\": \"" + seed + "\"}", 201)
                .get("id").asLong();
        JsonNode task = json(get("/api/v1/supervision/tasks?round=" + round).with(SUPERVISOR), 200).get(0);
        long taskId = task.get("id").asLong();
        var photo = new MockMultipartFile("photos", "现场.jpg", "image/jpeg", DemoPhotos.sitePhoto(true, 1, "t", Instant.now(), 34.85, 113.62));
        json(multipart("/api/v1/supervision/tasks/" + taskId + "/inspection").file(photo).param("version", "0")
                .param("findings", "[{\"item\": \"NO_PRODUCTION\", \"ok\": false, \"note\": \"" + note + "\"}]")
                .with(SUPERVISOR).with(csrf()), 200);
        long problem = jdbc.sql("SELECT id FROM supervision_problem WHERE task_id = :t").param("t", taskId).query(Long.class).single();
        postJson("/api/v1/supervision/problems/" + problem + "/hand-over",
                "{\"version\": 0, \"handedToKind\": \"TOWN\", \"responsiblePerson\": \"王建国\"}", 200);
        JsonNode p = json(get("/api/v1/supervision/problems/" + problem).with(SUPERVISOR), 200).get("problem");
        String name = p.get("enterpriseName").asString();
        String townName = jdbc.sql("SELECT name FROM division WHERE code = :c").param("c", p.get("townCode").asString())
                .query(String.class).single();
        String district = jdbc.sql("SELECT name FROM division WHERE code = '410108'").query(String.class).single();

        List<Row> rows = rows(download("/api/v1/exports/supervision-ledger.xlsx?state=HANDED_OVER"));
        assertThat(rows.get(0).getCellText(0)).isEqualTo(district + "小散乱污企业督查跟踪台账");
        assertThat(rows.get(1).getCellText(0)).startsWith("填报单位：").contains("(盖章)");
        assertThat(rows.get(2).getCellText(0)).startsWith("日期：").contains("年").contains("月").endsWith("日");
        assertThat(cells(rows.get(3))).containsExactly("序号", "所在乡（镇）、办", "企业名称", "地址", "企业类型", "整治要求", "移交日期",
                "完成情况（完成日期）", "分包责任人");
        Row data = rowNaming(rows, name, note);
        assertThat(data.getCellText(0)).matches("\\d+");
        assertThat(data.getCellText(1)).isEqualTo(townName);
        assertThat(data.getCellText(6)).isEqualTo(LocalDate.now(CHINA).toString());
        assertThat(data.getCellText(7)).isEqualTo("已移交");
        assertThat(data.getCellText(8)).isEqualTo("王建国");
        String all = String.join("\n", rows.stream().map(r -> String.join("|", cells(r))).toList());
        assertThat(all).contains("注：1. 此表区本级填报。自2月起每月23日前上报。").contains("2. 类型分为：小散乱污、八小。")
                .contains("3. 整治要求包括补办手续、整改完善、限期拆除。")
                .contains("4. 完成情况为报送时企业情况，根据整治要求包括补办手续、正在整治、正在拆除、拆除到位等，已完成的应注明完成日期。")
                .contains("填报单位（盖章）");
        // only the state asked for
        assertThat(rows.stream().skip(4).filter(r -> r.getCellCount() > 7 && r.getCellText(0) != null
                && r.getCellText(0).matches("\\d+")).map(r -> r.getCellText(7))).containsOnly("已移交");

        // the same file as a layout of the ledger export, and from the page address
        List<Row> asLayout = rows(download("/api/v1/exports/ledger.xlsx?layout=supervision-ledger&state=HANDED_OVER"));
        assertThat(cells(asLayout.get(3))).isEqualTo(cells(rows.get(3)));
        assertThat(cells(rowNaming(asLayout, name, note))).isEqualTo(cells(data));
        assertThat(rows(download("/exports/supervision-ledger")).get(0).getCellText(0)).isEqualTo(district + "小散乱污企业督查跟踪台账");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'LEDGER_EXPORTED' AND object_type = 'SupervisionProblem'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
        // a bad state is a 400 naming it
        json(get("/api/v1/exports/supervision-ledger.xlsx?state=DONE").with(SUPERVISOR), 400);
    }

    /** Two active enterprises of the district whose names are unique in their towns: name and town name. */
    List<String[]> demoEnterprises(int n) {
        return jdbc.sql("""
                        SELECT e.name, d.name AS town FROM enterprise e JOIN division d ON d.code = left(e.division_code, 9)
                        WHERE e.status = 'ACTIVE' AND e.division_code LIKE '410108%'
                          AND (SELECT count(*) FROM enterprise o WHERE o.status = 'ACTIVE' AND o.name = e.name
                               AND left(o.division_code, 9) = left(e.division_code, 9)) = 1
                        ORDER BY e.id LIMIT :n""").param("n", n)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    /** A paper ledger as a district office types it: title, unit, date, header, rows, notes. */
    static byte[] ledger(List<List<String>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("附件2");
        ws.value(0, 0, "惠济区小散乱污企业督查跟踪台账");
        ws.value(1, 0, "填报单位：惠济区环保局 (盖章)");
        ws.value(2, 0, "日期：2026年11月23日");
        List<String> header = List.of("序号", "所在乡（镇）、办", "企业名称", "地址", "企业类型", "整治要求", "移交日期", "完成情况（完成日期）",
                "分包 责任人");
        for (int c = 0; c < header.size(); c++) {
            ws.value(3, c, header.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            ws.value(4 + r, 0, r + 1);
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (rows.get(r).get(c) != null) {
                    ws.value(4 + r, c + 1, rows.get(r).get(c));
                }
            }
        }
        ws.value(5 + rows.size(), 0, "注：1. 此表区本级填报。自2月起每月23日前上报。");
        ws.value(6 + rows.size(), 0, "2. 类型分为：小散乱污、八小。");
        wb.finish();
        return out.toByteArray();
    }

    static final RequestPostProcessor OFFICE = as(RoleCode.DISTRICT_OFFICE, "410108");

    /** Through the import API with {@code layout=supervision-ledger} (the route needs 导入台账: 区办, not 督查组). */
    JsonNode upload(byte[] file, String fileName, RequestPostProcessor who, int expected) throws Exception {
        return json(multipart("/api/v1/imports").file(new MockMultipartFile("file", fileName, XLSX, file))
                .param("layout", "supervision-ledger").with(who).with(csrf()), expected);
    }

    /** Through the supervision ledger's own import route (督查组 and 区办). */
    JsonNode uploadOwn(byte[] file, String fileName, RequestPostProcessor who, int expected) throws Exception {
        return json(multipart("/api/v1/imports/supervision-ledger").file(new MockMultipartFile("file", fileName, XLSX, file))
                .with(who).with(csrf()), expected);
    }

    long problems(String tag) {
        return jdbc.sql("SELECT count(*) FROM supervision_problem WHERE description LIKE :d").param("d", "%" + tag + "%")
                .query(Long.class).single();
    }

    @Test
    void aPaperLedgerIsRecordedOnceAllOrNoneMatchedToTheLedgersEnterprises() throws Exception {
        List<String[]> e = demoEnterprises(2);
        assertThat(e).hasSize(2);
        String tag = "S" + UUID.randomUUID().toString().substring(0, 6);
        byte[] good = ledger(List.of(
                List.of(e.get(0)[1], e.get(0)[0], "", "小散乱污", "限期拆除：" + tag + "现场仍在生产", "2026.11.2", "拆除到位（2026.11.20）", "王建国"),
                List.of(e.get(1)[1], e.get(1)[0], "", "八小", "整改完善：" + tag + "无环评手续", "2026年11月10日", "正在整治", "李明")));

        JsonNode r = uploadOwn(good, "督查跟踪台账.xlsx", SUPERVISOR, 201);
        assertThat(r.get("recorded").asInt()).isEqualTo(2);
        assertThat(r.get("already").asInt()).isZero();
        assertThat(r.get("problemIds")).hasSize(2);
        List<String> listed = new ArrayList<>();
        for (JsonNode p : json(get("/api/v1/supervision/problems").with(SUPERVISOR), 200)) {
            if (p.get("description").asString().contains(tag)) {
                listed.add(p.get("enterpriseName").asString() + "|" + p.get("state").asString() + "|" + p.get("responsiblePerson").asString());
            }
        }
        assertThat(listed).containsExactlyInAnyOrder(e.get(0)[0] + "|CLOSED_OUT|王建国", e.get(1)[0] + "|HANDED_OVER|李明");
        // the closed one is exported with its day
        List<Row> exported = rows(download("/api/v1/exports/supervision-ledger.xlsx"));
        Row closed = rowNaming(exported, e.get(0)[0], tag);
        assertThat(closed.getCellText(6)).isEqualTo("2026-11-02");
        assertThat(closed.getCellText(7)).isEqualTo("已销号（2026-11-20）");

        // the exported rows imported back record nothing twice (整治要求 as the export writes it)
        List<List<String>> back = new ArrayList<>();
        for (Row row : exported) {
            if (row.getCellCount() > 5 && row.getCellText(5) != null && row.getCellText(5).contains(tag)) {
                back.add(cells(row).subList(1, 9));
            }
        }
        assertThat(back).hasSize(2);
        r = uploadOwn(ledger(back), "导出的督查跟踪台账.xlsx", SUPERVISOR, 201);
        assertThat(r.get("recorded").asInt()).isZero();
        assertThat(r.get("already").asInt()).isEqualTo(2);

        // the same file again records nothing twice
        r = upload(good, "督查跟踪台账.xlsx", OFFICE, 201);
        assertThat(r.get("recorded").asInt()).isZero();
        assertThat(r.get("already").asInt()).isEqualTo(2);
        assertThat(problems(tag)).isEqualTo(2);

        // one bad row: nothing recorded, the row named
        String other = "B" + tag;
        byte[] bad = ledger(List.of(
                List.of(e.get(0)[1], e.get(0)[0], "", "小散乱污", other + "补办手续", "2026.11.3", "", ""),
                List.of(e.get(1)[1], other + "不存在的企业", "", "小散乱污", other + "限期拆除", "2026.11.3", "", ""),
                List.of(e.get(1)[1], e.get(1)[0], "", "小散乱污", other + "整改完善", "明天", "拆除到位", "")));
        JsonNode refused = uploadOwn(bad, "有错的台账.xlsx", SUPERVISOR, 400);
        List<String> messages = new ArrayList<>();
        refused.get("errors").forEach(x -> messages.add(x.get("message").asString()));
        assertThat(messages).anyMatch(m -> m.startsWith("第 6 行：台账中未找到“" + other + "不存在的企业”"))
                .anyMatch(m -> m.startsWith("第 7 行，“移交日期”（G 列）"))
                .anyMatch(m -> m.startsWith("第 7 行，“完成情况（完成日期）”（H 列）"))
                .noneMatch(m -> m.startsWith("第 5 行"));
        assertThat(problems(other)).isZero();

        // a town may not record the district's supervision ledger, by either route; 督查组 has no 导入台账 for the general one
        upload(good, "督查跟踪台账.xlsx", as(RoleCode.TOWN_OFFICER, "410108001"), 403);
        uploadOwn(good, "督查跟踪台账.xlsx", as(RoleCode.TOWN_OFFICER, "410108001"), 403);
        upload(good, "督查跟踪台账.xlsx", SUPERVISOR, 403);
        assertThat(problems(tag)).isEqualTo(2);

        // the import page's form shows the result on the tracking ledger's page
        String pageTag = "P" + tag;
        byte[] viaPage = ledger(List.of(List.of(e.get(1)[1], e.get(1)[0], "", "小散乱污", pageTag + "补办手续", "2026.11.4", "", "")));
        mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "台账.xlsx", XLSX, viaPage)).param("layout", "supervision-ledger")
                        .with(OFFICE).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/supervision/problems"))
                .andExpect(flash().attribute("message", "已导入督查跟踪台账 1 个问题"));
        assertThat(problems(pageTag)).isEqualTo(1);
        assertThat(mvc.perform(get("/imports").with(OFFICE)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("value=\"supervision-ledger\"").contains("督查跟踪台账（001 附件2）");
        String officePage = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "有错的台账.xlsx", XLSX, bad))
                        .param("layout", "supervision-ledger").with(OFFICE).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(officePage).contains("未导入任何内容").contains("台账中未找到“" + other + "不存在的企业”");
        assertThat(mvc.perform(get("/exports").with(SUPERVISOR)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("<option value=\"supervision-ledger\">督查跟踪台账（001 附件2）</option>");
        // and 督查组's own page, which shows every bad row
        assertThat(mvc.perform(get("/imports/supervision-ledger").with(SUPERVISOR)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("导入督查跟踪台账（001 附件2）");
        mvc.perform(multipart("/imports/supervision-ledger").file(new MockMultipartFile("file", "台账.xlsx", XLSX, viaPage))
                        .with(SUPERVISOR).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/supervision/problems"))
                .andExpect(flash().attribute("message", "督查跟踪台账中的 1 个问题此前都已导入，未重复登记"));
        String page = mvc.perform(multipart("/imports/supervision-ledger").file(new MockMultipartFile("file", "有错的台账.xlsx", XLSX, bad))
                        .with(SUPERVISOR).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("未导入任何内容").contains("台账中未找到“" + other + "不存在的企业”");
    }

    @Test
    void aLegacyXlsWithOtherHeaderSpellingsIsRead() throws Exception {
        String[] e = demoEnterprises(1).get(0);
        String tag = "X" + UUID.randomUUID().toString().substring(0, 6);
        byte[] xls;
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var s = wb.createSheet("督查跟踪台账");
            s.createRow(0).createCell(0).setCellValue("惠济区小散乱污企业督查跟踪台账");
            String[] header = {"序号", "乡镇（街道）", "企业名称", "地址", "类型", "整治要求", "移交日期", "完成情况", "分包责任人"};
            var h = s.createRow(1);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            var row = s.createRow(2);
            row.createCell(0).setCellValue(1);
            row.createCell(1).setCellValue(e[1]);
            row.createCell(2).setCellValue(e[0]);
            row.createCell(5).setCellValue(tag + "限期拆除");
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            var d = row.createCell(6);
            d.setCellValue(LocalDate.of(2026, 10, 9));
            d.setCellStyle(dateStyle);
            row.createCell(7).setCellValue("已完成 2026-10-30");
            wb.write(out);
            xls = out.toByteArray();
        }
        JsonNode r = json(multipart("/api/v1/imports").file(new MockMultipartFile("file", "督查跟踪台账.xls", "application/vnd.ms-excel", xls))
                .param("layout", "supervision-ledger").with(OFFICE).with(csrf()), 201);
        assertThat(r.get("recorded").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT state || ' ' || to_char(handed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') || ' '"
                        + " || to_char(closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') FROM supervision_problem WHERE description = :d")
                .param("d", tag + "限期拆除").query(String.class).single()).isEqualTo("CLOSED_OUT 2026-10-09 2026-10-30");
    }
}
