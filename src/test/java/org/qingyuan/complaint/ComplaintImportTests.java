package org.qingyuan.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.complaint.internal.HotlineImport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** 12369 batches: .xlsx with a title row and a .csv in GB18030, all or nothing, a Chinese row report, never twice. */
@SpringBootTest
@AutoConfigureMockMvc
class ComplaintImportTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired HotlineImport imports;

    static byte[] xlsx(String[][] rows) throws Exception {
        var out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "qingyuan", "1.0")) {
            Worksheet ws = wb.newWorksheet("举报");
            ws.value(0, 0, "12369环保举报平台 工单导出");
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    ws.value(r + 1, c, rows[r][c]);
                }
            }
        }
        return out.toByteArray();
    }

    long count(String ref) {
        return jdbc.sql("SELECT count(*) FROM complaint WHERE channel = 'IMPORT_12369' AND external_ref LIKE :r || '%'").param("r", ref)
                .query(Long.class).single();
    }

    @Test
    void aBatchWithOneBadRowFilesNothingAndNamesTheRowAndColumn() throws Exception {
        byte[] file = xlsx(new String[][] {
                {"举报编号", "举报时间", "举报内容", "被举报地址", "联系电话"},
                {"A12369-001", "2026-11-30 09:30", "村里小作坊喷漆", "某村东头", "13800001111"},
                {"A12369-002", "昨天", "", "某村西头", "13800002222"}});
        HotlineImport.Report report = imports.importBatch("batch.xlsx", file);
        assertThat(report.imported()).isZero();
        assertThat(report.errors()).extracting(HotlineImport.RowError::row).containsOnly(4);
        assertThat(report.errors()).extracting(HotlineImport.RowError::column).contains("举报时间", "举报内容");
        assertThat(count("A12369-")).isZero();
    }

    @Test
    void aGoodBatchIsFiledOnceWithSealedContactsAndTheSameBatchAgainIsRefused() throws Exception {
        String csv = "举报编号,举报时间,举报类别,举报内容,被举报地址,举报人,联系电话\r\n"
                + "B12369-001,2026/11/29 8:05,废气扰民,\"夜间异味，刺鼻\",某村南,张三,13800003333\r\n"
                + "B12369-002,2026-11-29 10:00,散乱污,无证塑料加工,某村北,,\r\n";
        var upload = new MockMultipartFile("file", "12369.csv", "text/csv", csv.getBytes(Charset.forName("GB18030")));
        String page = mvc.perform(multipart("/complaints/import").file(upload).with(as(RoleCode.DISTRICT_OFFICE, "410108")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已导入 2 件举报");
        assertThat(count("B12369-")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT service_code FROM complaint WHERE external_ref = 'B12369-001'").query(String.class).single())
                .isEqualTo("POLLUTION");
        assertThat(jdbc.sql("SELECT reporter_phone FROM complaint WHERE external_ref = 'B12369-001'").query(String.class).single())
                .startsWith("sm4:");
        var again = new MockMultipartFile("file", "12369.csv", "text/csv", csv.getBytes(Charset.forName("GB18030")));
        String second = mvc.perform(multipart("/complaints/import").file(again).with(as(RoleCode.DISTRICT_OFFICE, "410108")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("已经导入过");
        assertThat(count("B12369-")).isEqualTo(2);
    }

    @Test
    void onlyTheDistrictOfficeImports() throws Exception {
        mvc.perform(get("/complaints/import").with(as(RoleCode.TOWN_OFFICER, "410108001"))).andExpect(status().isForbidden());
    }
}
