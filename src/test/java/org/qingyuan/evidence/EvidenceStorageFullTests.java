package org.qingyuan.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.internal.TestLogins;
import org.qingyuan.demo.DemoPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** With the evidence disk full, an upload answers 507 problem+json in Chinese and leaves no row and no object. */
// no demo: the demo's own photos would not fit either
@SpringBootTest(properties = {"qingyuan.evidence.min-free-bytes=9223372036854775807", "qingyuan.demo=false"})
@AutoConfigureMockMvc
class EvidenceStorageFullTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUploadToAFullStoreAnswers507AndKeepsNothing() throws Exception {
        String village = jdbc.sql("SELECT code FROM division WHERE code LIKE '410108%' AND length(code) = 12 ORDER BY code LIMIT 1")
                .query(String.class).single();
        String created = mvc.perform(post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"满盘测试厂\",\"divisionCode\":\"" + village + "\",\"address\":\"测试路1号\","
                                + "\"type\":\"SLW\",\"discovery\":\"PATROL\"}")
                        .with(TestLogins.district()).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long enterprise = JsonMapper.builder().build().readTree(created).get("id").asLong();
        long before = jdbc.sql("SELECT count(*) FROM evidence_attachment").query(Long.class).single();
        byte[] photo = DemoPhotos.sitePhoto(false, enterprise, "full", null, null, null);
        var response = mvc.perform(multipart("/api/v1/enterprises/" + enterprise + "/attachments")
                .file(new MockMultipartFile("file", "现场.jpg", "image/jpeg", photo)).param("category", "BEFORE")
                .with(TestLogins.district()).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(507);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("证据存储空间不足").doesNotContain("Exception");
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_attachment").query(Long.class).single()).isEqualTo(before);
    }
}
