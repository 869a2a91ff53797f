package org.qingyuan.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.internal.TestLogins;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.platform.Deployment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform with {@code qingyuan.evidence.store=s3} against S3Proxy ({@link LocalS3}, signatures checked): an upload
 * lands in the bucket (not on disk) and reads back verified.
 */
@SpringBootTest(properties = {"qingyuan.demo=false", "qingyuan.evidence.store=s3"})
@AutoConfigureMockMvc
class EvidenceS3Tests {

    static S3Client bucket;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) throws Exception {
        LocalS3 s3 = LocalS3.get();
        bucket = s3.newBucket("qy-app");
        registry.add("qingyuan.evidence.s3.endpoint", () -> s3.endpoint.toString());
        registry.add("qingyuan.evidence.s3.bucket", () -> bucket.bucket());
        registry.add("qingyuan.evidence.s3.access-key", () -> s3.accessKey);
        registry.add("qingyuan.evidence.s3.secret-key", () -> s3.secretKey);
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectStore store;
    @Autowired Deployment deployment;

    @Test
    void anUploadIsKeptInTheBucketAndDownloadedVerified() throws Exception {
        assertThat(store).isInstanceOf(S3ObjectStore.class);
        String village = jdbc.sql("SELECT code FROM division WHERE code LIKE '410108%' AND length(code) = 12 ORDER BY code LIMIT 1")
                .query(String.class).single();
        String created = mvc.perform(post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"对象存储测试厂\",\"divisionCode\":\"" + village + "\",\"address\":\"测试路2号\","
                                + "\"type\":\"SLW\",\"discovery\":\"PATROL\"}")
                        .with(TestLogins.district()).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long enterprise = JsonMapper.builder().build().readTree(created).get("id").asLong();
        byte[] photo = DemoPhotos.sitePhoto(false, enterprise, "s3", null, null, null);
        var response = mvc.perform(multipart("/api/v1/enterprises/" + enterprise + "/attachments")
                .file(new MockMultipartFile("file", "现场.jpg", "image/jpeg", photo)).param("category", "BEFORE")
                .with(TestLogins.district()).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        long id = JsonMapper.builder().build().readTree(response.getContentAsString(StandardCharsets.UTF_8)).get("id").asLong();
        String sm3 = jdbc.sql("SELECT sm3 FROM evidence_attachment WHERE id = :id").param("id", id).query(String.class).single();
        assertThat(Files.exists(deployment.dataDir().resolve("evidence/objects").resolve(sm3.substring(0, 2))
                .resolve(sm3.substring(2, 4)).resolve(sm3))).as("not on disk").isFalse();
        assertThat(store.intact(sm3)).isTrue();
        byte[] downloaded = mvc.perform(get("/api/v1/attachments/" + id + "/content").with(TestLogins.district()))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(photo);
        assertThat(mvc.perform(get("/api/v1/attachments/" + id + "/thumbnail").with(TestLogins.district()))
                .andReturn().getResponse().getStatus()).isEqualTo(200);

        // the bucket's backup (bench/backup.sh with QINGYUAN_EVIDENCE_STORE=s3) holds every object the database names
        java.nio.file.Path backup = Files.createTempDirectory("qy-bucket-backup");
        BucketBackup.backup(bucket, backup);
        for (String digest : jdbc.sql("""
                SELECT sm3 FROM evidence_attachment
                UNION SELECT thumbnail_sm3 FROM evidence_attachment WHERE thumbnail_sm3 IS NOT NULL""").query(String.class).list()) {
            java.nio.file.Path object = backup.resolve("evidence/objects").resolve(digest.substring(0, 2))
                    .resolve(digest.substring(2, 4)).resolve(digest);
            assertThat(object).as(digest).exists();
            try (var in = Files.newInputStream(object)) {
                assertThat(Staging.sm3(in)).isEqualTo(digest);
            }
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(backup);
    }
}
