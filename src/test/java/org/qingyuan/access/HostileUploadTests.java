package org.qingyuan.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile uploads and bodies (issue 22 §4): XXE and entity expansion in a workbook, path tricks in file names, a
 * wrong content type and an oversized body. (Zip bombs and huge cells: sheets.HostileImportTests.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileUploadTests {

    static final String XXE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    static byte[] xxeWorkbook() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", XXE + """
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            put(zip, "xl/workbook.xml", XXE + """
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
                      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            put(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                    </Relationships>""");
            put(zip, "xl/sharedStrings.xml", XXE + """
                    <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">
                    <si><t>&xxe;</t></si><si><t>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</t></si></sst>""");
            put(zip, "xl/worksheets/sheet1.xml", XXE + """
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>&xxe;</t></is></c></row>
                    </sheetData></worksheet>""");
        }
        return bytes.toByteArray();
    }

    static void put(ZipOutputStream zip, String name, String text) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.strip().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Test
    void aWorkbookWithExternalEntitiesNeverReadsTheFileNorExpandsEntities() throws Exception {
        var response = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "xxe.xlsx", null, xxeWorkbook()))
                .param("layout", "survey-ledger").param("mode", "valid-rows").with(TestLogins.district()).with(csrf()))
                .andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isIn(202, 400, 413, 415);
        StringBuilder seen = new StringBuilder(body);
        if (response.getStatus() == 202) {
            long id = json.readTree(body).get("id").asLong();
            JsonNode job = null;
            for (int i = 0; i < 300 && (job == null || !job.get("finished").asBoolean()); i++) {
                Thread.sleep(100);
                job = json.readTree(mvc.perform(get("/api/v1/imports/" + id).with(TestLogins.district()))
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            }
            assertThat(job.get("finished").asBoolean()).isTrue();
            assertThat(job.get("state").asString()).isIn("REJECTED", "FAILED");
            seen.append(job).append(mvc.perform(get("/api/v1/imports/" + id + "/rows").with(TestLogins.district()))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        assertThat(seen.toString()).doesNotContain("root:").doesNotContain("aaaaaaaaaaaaaaaaaaaa").doesNotContain("Exception");
    }

    @Test
    void pathTricksInAnUploadedFileNameNeverLeaveTheEvidenceStoreNorReachTheStoredName() throws Exception {
        long enterprise = jdbc.sql("SELECT id FROM enterprise WHERE division_code LIKE '410108%' AND status = 'ACTIVE' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        byte[] photo = DemoPhotos.sitePhoto(false, enterprise, "h22", null, null, null);
        for (String name : List.of("../../../../tmp/h22-escape.jpg", "..\\..\\..\\h22-escape.jpg", "/etc/cron.d/h22.jpg",
                "C:\\Windows\\h22.jpg", "%2e%2e%2fh22.jpg", "<script>alert(1)</script>.jpg")) {
            var response = mvc.perform(multipart("/api/v1/enterprises/" + enterprise + "/attachments")
                    .file(new MockMultipartFile("file", name, "image/jpeg", photo)).param("category", "BEFORE")
                    .with(TestLogins.district()).with(csrf())).andReturn().getResponse();
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            assertThat(response.getStatus()).as(name + " " + body).isIn(201, 400);
            assertThat(body).doesNotContain("<script>");
            if (response.getStatus() == 201) {
                long id = json.readTree(body).get("id").asLong();
                String stored = jdbc.sql("SELECT file_name FROM evidence_attachment WHERE id = :id").param("id", id)
                        .query(String.class).single();
                assertThat(stored).as(name).doesNotContain("/").doesNotContain("\\").doesNotContain("..");
                String disposition = mvc.perform(get("/api/v1/attachments/" + id + "/content").with(TestLogins.district()))
                        .andReturn().getResponse().getHeader("Content-Disposition");
                assertThat(disposition).as(name).doesNotContain("/").doesNotContain("\\").doesNotContain("..");
            }
        }
        assertThat(Path.of("/tmp/h22-escape.jpg")).doesNotExist();
        assertThat(Files.exists(Path.of("/etc/cron.d/h22.jpg"))).isFalse();
    }

    @Test
    void aWrongContentTypeOrAnOversizedBodyIsRefusedWithAProblemNotA500() throws Exception {
        for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.APPLICATION_FORM_URLENCODED)) {
            var response = mvc.perform(post("/api/v1/enterprises").contentType(type).content("<x>&xxe;</x>' OR 1=1")
                    .with(TestLogins.district()).with(csrf())).andReturn().getResponse();
            assertThat(response.getStatus()).as(type.toString()).isIn(400, 415);
        }
        byte[] big = new byte[12 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        big[0] = '"';
        var response = mvc.perform(post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON).content(big)
                .with(TestLogins.district()).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isIn(400, 413);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Exception");
    }
}
