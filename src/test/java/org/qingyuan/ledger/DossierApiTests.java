package org.qingyuan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.as;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.RoleCode;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.platform.Deployment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class DossierApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Deployment deployment;

    final JsonMapper json = JsonMapper.builder().build();

    long enterprise(String division) throws Exception {
        String body = mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"档案测试厂" + System.nanoTime() + "\", \"divisionCode\": \"" + division
                                + "\", \"type\": \"SLW\", \"discovery\": \"COMPLAINT\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    JsonNode upload(long id, MockMultipartFile file, String category, int expected) throws Exception {
        String body = mvc.perform(multipart("/api/v1/enterprises/" + id + "/attachments").file(file).param("category", category)
                        .with(district()).with(csrf()))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    @Test
    void aPhotoIsStoredWithItsExifTimeAndPlaceAndAThumbnail() throws Exception {
        long id = enterprise("410108001001");
        Instant taken = Instant.parse("2026-03-01T02:30:00Z");
        byte[] photo = DemoPhotos.sitePhoto(false, 7, "test", taken, 34.8512, 113.6123);
        JsonNode attachment = upload(id, new MockMultipartFile("file", "现场.jpg", "image/jpeg", photo), "BEFORE", 201);
        assertThat(attachment.get("kind").asString()).isEqualTo("PHOTO");
        assertThat(attachment.get("mediaType").asString()).isEqualTo("image/jpeg");
        assertThat(attachment.get("capturedAt").asString()).isEqualTo("2026-03-01T02:30:00Z");
        assertThat(attachment.get("latitude").asDouble()).isCloseTo(34.8512, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(attachment.get("longitude").asDouble()).isCloseTo(113.6123, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(attachment.get("width").asInt()).isEqualTo(640);
        long attachmentId = attachment.get("id").asLong();

        mvc.perform(get("/api/v1/attachments/" + attachmentId + "/content").with(district()))
                .andExpect(status().isOk()).andExpect(content().contentType("image/jpeg"))
                .andExpect(content().bytes(photo));
        byte[] thumb = mvc.perform(get("/api/v1/attachments/" + attachmentId + "/thumbnail").with(district()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumb)).getWidth()).isEqualTo(320);
        mvc.perform(get("/api/v1/enterprises/" + id + "/attachments").with(district()))
                .andExpect(jsonPath("$[0].categoryName").value("整治前"));
    }

    @Test
    void aScriptRenamedToJpgIsRefusedByItsContent() throws Exception {
        long id = enterprise("410108001001");
        byte[] script = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8);
        upload(id, new MockMultipartFile("file", "photo.jpg", "image/jpeg", script), "BEFORE", 400);
        mvc.perform(multipart("/api/v1/enterprises/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", script)).param("category", "BEFORE")
                        .with(district()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("按文件内容识别")));
    }

    @Test
    void aPdfWithAnyNameIsADocument() throws Exception {
        long id = enterprise("410108001001");
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        JsonNode a = upload(id, new MockMultipartFile("file", "责令停产通知书.bin", "application/octet-stream", pdf),
                "LEGAL_DOCUMENT", 201);
        assertThat(a.get("kind").asString()).isEqualTo("DOCUMENT");
        assertThat(a.get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(a.get("thumbnailUrl").isNull()).isTrue();
    }

    @Test
    void aFileIsServedUnderTheExtensionOfItsCheckedTypeAndADocumentAsADownload() throws Exception {
        long id = enterprise("410108001001");
        byte[] photo = DemoPhotos.sitePhoto(false, System.nanoTime(), "html", null, null, null);
        JsonNode jpeg = upload(id, new MockMultipartFile("file", "p.html", "text/html", photo), "BEFORE", 201);
        String disposition = mvc.perform(get("/api/v1/attachments/" + jpeg.get("id").asLong() + "/content").with(district()))
                .andExpect(status().isOk()).andExpect(content().contentType("image/jpeg"))
                .andReturn().getResponse().getHeader("Content-Disposition");
        assertThat(disposition).startsWith("inline").contains("p.jpg").doesNotContain(".html");

        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        JsonNode document = upload(id, new MockMultipartFile("file", "通知书.svg", "image/svg+xml", pdf), "LEGAL_DOCUMENT", 201);
        disposition = mvc.perform(get("/api/v1/attachments/" + document.get("id").asLong() + "/content").with(district()))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("Content-Disposition");
        assertThat(disposition).startsWith("attachment").contains(".pdf").doesNotContain(".svg");
    }

    @Test
    void aFileChangedOnDiskIsRefusedOnDownload() throws Exception {
        long id = enterprise("410108001001");
        byte[] photo = DemoPhotos.sitePhoto(true, System.nanoTime(), "tamper", null, null, null);
        JsonNode a = upload(id, new MockMultipartFile("file", "after.jpg", "image/jpeg", photo), "AFTER", 201);
        String sm3 = a.get("sm3").asString();
        Path file = deployment.dataDir().resolve("evidence/objects").resolve(sm3.substring(0, 2)).resolve(sm3.substring(2, 4))
                .resolve(sm3);
        byte[] changed = Files.readAllBytes(file);
        changed[changed.length / 2] ^= 0x55;
        Files.write(file, changed);
        mvc.perform(get("/api/v1/attachments/" + a.get("id").asLong() + "/content").with(district()))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("SM3")));
    }

    @Test
    void anAttachmentOutsideTheCallersJurisdictionIsNotFound() throws Exception {
        long id = enterprise("410108002002");
        byte[] photo = DemoPhotos.sitePhoto(false, System.nanoTime(), "scope", null, null, null);
        long attachmentId = upload(id, new MockMultipartFile("file", "a.jpg", "image/jpeg", photo), "DURING", 201)
                .get("id").asLong();
        var town = as(RoleCode.TOWN_OFFICER, "410108001");
        mvc.perform(get("/api/v1/attachments/" + attachmentId + "/content").with(town)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/attachments/" + attachmentId).with(town)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/attachments/" + attachmentId + "/content").with(as(RoleCode.TOWN_OFFICER, "410108002")))
                .andExpect(status().isOk()).andExpect(header().exists("Digest"));
    }

    @Test
    void removedEquipmentIsAStructuredList() throws Exception {
        long id = enterprise("410108001001");
        mvc.perform(post("/api/v1/enterprises/" + id + "/equipment").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"中频炉\", \"model\": \"KGPS-250\", \"quantity\": 2, \"disposal\": \"DISMANTLED\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.disposalName").value("拆除"));
        mvc.perform(post("/api/v1/enterprises/" + id + "/equipment").with(district()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"\", \"quantity\": 0, \"disposal\": \"DISMANTLED\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(2));
        mvc.perform(get("/api/v1/enterprises/" + id + "/equipment").with(district()))
                .andExpect(jsonPath("$[0].model").value("KGPS-250")).andExpect(jsonPath("$[0].quantity").value(2));
    }
}
