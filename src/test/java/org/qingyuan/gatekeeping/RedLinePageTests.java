package org.qingyuan.gatekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The district office keeps the red lines from the /red-lines page: sets one up with its document (stored in the
 * evidence store and downloadable), edits it and lifts it, each time with a reason that the audit keeps; without a
 * reason nothing changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RedLinePageTests {

    static final RequestPostProcessor OFFICE = as(RoleCode.DISTRICT_OFFICE, "410108");
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    static final String POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[[[113.60,34.80],[113.61,34.80],[113.61,34.81],"
            + "[113.60,34.81],[113.60,34.80]]]}";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void anAreaIsSetUpWithItsDocumentEditedAndLiftedFromThePageWithReasons() throws Exception {
        mvc.perform(multipart("/red-lines").file(new MockMultipartFile("document", "红线文件.pdf", "application/pdf", PDF))
                .param("name", "页面红线区").param("boundary", POLYGON).param("documentTitle", "关于划定禁入区的通知")
                .param("documentNumber", "惠政〔2026〕9号").with(OFFICE).with(csrf()));
        var area = jdbc.sql("SELECT id, document_attachment_id FROM red_line_area WHERE name = '页面红线区'")
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        assertThat(area[1]).as("the document is in the evidence store").isPositive();
        String page = page();
        assertThat(page).contains("页面红线区", "查看文件", "/api/v1/attachments/" + area[1] + "/content", "修改理由", "撤销理由");
        var download = mvc.perform(get("/api/v1/attachments/" + area[1] + "/content").with(OFFICE)).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
        assertThat(banned("34.805", "113.605")).isTrue();

        // no reason: nothing changes
        var refused = mvc.perform(multipart("/red-lines/" + area[0]).param("version", "0").param("name", "页面红线区（扩大）")
                .param("boundary", POLYGON).param("documentTitle", "关于划定禁入区的通知").with(OFFICE).with(csrf()))
                .andReturn().getFlashMap();
        assertThat(String.valueOf(refused.get("error"))).contains("请填写修改理由");
        assertThat(version(area[0])).isZero();

        mvc.perform(multipart("/red-lines/" + area[0]).file(new MockMultipartFile("document", "调整文件.pdf", "application/pdf", PDF))
                .param("version", "0").param("name", "页面红线区（扩大）").param("boundary", POLYGON)
                .param("otherIndustries", "ELECTROPLATING,砖瓦窑").param("documentTitle", "关于调整禁入区的通知")
                .param("reason", "区政府调整范围").with(OFFICE).with(csrf()));
        assertThat(version(area[0])).isOne();
        assertThat(jdbc.sql("SELECT banned_industries::text FROM red_line_area WHERE id = :id").param("id", area[0])
                .query(String.class).single()).contains("ELECTROPLATING", "砖瓦窑");
        assertThat(reasonOf("RED_LINE_CHANGED", area[0])).isEqualTo("区政府调整范围");
        assertThat(page()).contains("页面红线区（扩大）", "电镀");

        var noLiftReason = mvc.perform(post("/red-lines/" + area[0] + "/lift").param("version", "1").with(OFFICE).with(csrf()))
                .andReturn().getFlashMap();
        assertThat(String.valueOf(noLiftReason.get("error"))).contains("理由");
        mvc.perform(post("/red-lines/" + area[0] + "/lift").param("version", "1").param("reason", "项目已搬离，区政府决定撤销")
                .with(OFFICE).with(csrf()));
        assertThat(jdbc.sql("SELECT active FROM red_line_area WHERE id = :id").param("id", area[0]).query(Boolean.class).single())
                .isFalse();
        assertThat(reasonOf("RED_LINE_LIFTED", area[0])).isEqualTo("项目已搬离，区政府决定撤销");
        assertThat(banned("34.805", "113.605")).as("a lifted area bans nothing").isFalse();
        assertThat(page()).contains("已撤销");
    }

    @Test
    void anOfficerWithoutTheRedLinePermissionCannotEditOrLift() throws Exception {
        var officer = as(RoleCode.DEPARTMENT_OFFICER, "410108");
        assertThat(mvc.perform(post("/red-lines/1/lift").param("version", "0").param("reason", "x").with(officer).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(multipart("/red-lines/1").param("version", "0").param("reason", "x").with(officer).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    private boolean banned(String lat, String lon) throws Exception {
        String body = mvc.perform(get("/api/v1/gatekeeping/lookup").param("lat", lat).param("lon", lon).with(OFFICE))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return body.contains("页面红线区");
    }

    private String page() throws Exception {
        return mvc.perform(get("/red-lines").with(OFFICE)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private int version(long id) {
        return jdbc.sql("SELECT version FROM red_line_area WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    private String reasonOf(String action, long id) {
        return jdbc.sql("SELECT reason FROM audit_record WHERE action = :a AND object_id = :id ORDER BY id DESC LIMIT 1")
                .param("a", action).param("id", String.valueOf(id)).query(String.class).single();
    }
}
