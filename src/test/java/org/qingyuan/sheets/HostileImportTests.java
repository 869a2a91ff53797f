package org.qingyuan.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Workbooks that would exhaust the heap (one huge cell, a huge shared string, millions of
 * rows) are refused before they are parsed, and a failed job tells the user a Chinese reason, never a class name.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileImportTests {

    @Autowired
    MockMvc mvc;

    final JsonMapper json = JsonMapper.builder().build();

    JsonNode importAndAwait(byte[] content, String name) throws Exception {
        String body = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", name, null, content))
                        .param("layout", "survey-ledger").param("mode", "valid-rows").with(district()).with(csrf()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        for (int i = 0; i < 600; i++) {
            JsonNode job = json.readTree(mvc.perform(get("/api/v1/imports/" + id).with(district()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            if (job.get("finished").asBoolean()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish in 60 s");
    }

    static void assertChineseWithoutClassNames(String message) {
        assertThat(message).containsPattern("\\p{IsHan}")
                .doesNotContain("Exception").doesNotContain("Error").doesNotContain("java.").doesNotContain("com.");
    }

    @Test
    void aWorkbookWithOneHundredAndFiftyMegabyteCellIsRefusedBeforeParsing() throws Exception {
        byte[] file = HostileWorkbooks.hugeCell(150 * 1024 * 1024);
        assertThat(file.length).isLessThan(1024 * 1024);
        JsonNode job = importAndAwait(file, "一个大单元格.xlsx");
        assertThat(job.get("state").asString()).isEqualTo("FAILED");
        String message = job.get("message").asString();
        assertThat(message).contains("单元格").contains("32767");
        assertChineseWithoutClassNames(message);
        mvc.perform(get("/api/v1/imports/" + job.get("id").asLong() + "/report.xlsx").with(district()))
                .andExpect(status().isConflict());
    }

    @Test
    void aWorkbookWithAHugeSharedStringIsRefusedBeforeParsing() throws Exception {
        JsonNode job = importAndAwait(HostileWorkbooks.hugeSharedString(50 * 1024 * 1024), "共享字符串.xlsx");
        assertThat(job.get("state").asString()).isEqualTo("FAILED");
        assertThat(job.get("message").asString()).contains("单元格");
        assertChineseWithoutClassNames(job.get("message").asString());
    }

    @Test
    void aWorkbookOfMoreRowsThanTheLimitIsRefusedBeforeAnyRowIsRead() throws Exception {
        byte[] file = HostileWorkbooks.manyRows(2_600_000);
        long start = System.nanoTime();
        JsonNode job = importAndAwait(file, "二百六十万行.xlsx");
        assertThat(job.get("state").asString()).isEqualTo("FAILED");
        assertThat(job.get("message").asString()).contains("2600000 行").contains("2000000");
        assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(20);
    }

    @Test
    void aMalformedWorkbookFailsWithAChineseReasonAndNoClassName() throws Exception {
        JsonNode job = importAndAwait(HostileWorkbooks.brokenXml(), "坏文件.xlsx");
        assertThat(job.get("state").asString()).isEqualTo("FAILED");
        assertChineseWithoutClassNames(job.get("message").asString());
    }
}
