package org.qingyuan.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qingyuan.evidence.EvidenceStorageUnavailableException;

/**
 * The S3 store against a service that verifies signatures: S3Proxy started by {@link LocalS3} (or the service of
 * {@code S3_TEST_ENDPOINT}). Every request below is checked by the server against the account's secret.
 */
class S3ObjectStoreTests {

    @TempDir
    Path root;

    S3Client s3;
    S3ObjectStore store;

    @BeforeEach
    void setUp() throws Exception {
        s3 = LocalS3.get().newBucket("qy");
        store = new S3ObjectStore(s3, new Staging(root, 0));
    }

    @Test
    void anUploadIsKeptUnderItsSm3AndReadBackVerified() throws Exception {
        byte[] content = ("现场照片 " + UUID.randomUUID()).repeat(5000).getBytes(StandardCharsets.UTF_8);
        assertThat(store.intact(Staging.sm3(content))).as("not there before").isFalse();
        var received = store.receive(new ByteArrayInputStream(content), 10_000_000);
        assertThat(received.sm3()).isEqualTo(Staging.sm3(content));
        store.keep(received);
        assertThat(Files.exists(received.file())).as("the local temporary file is gone").isFalse();
        assertThat(s3.head(S3ObjectStore.key(received.sm3()))).as("HEAD answers its size").isEqualTo(content.length);
        assertThat(store.intact(received.sm3())).isTrue();
        assertThat(store.size(received.sm3())).isEqualTo(content.length);
        try (var in = store.open(received.sm3())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        // the same content again is not sent twice and stays intact
        store.keep(store.receive(new ByteArrayInputStream(content), 10_000_000));
        assertThat(store.intact(received.sm3())).isTrue();
    }

    @Test
    void aLargeObjectOfSeveralMegabytesGoesAndComesBackWhole() throws Exception {
        byte[] content = new byte[12 * 1024 * 1024 + 7];
        new Random(22).nextBytes(content);
        var received = store.receive(new ByteArrayInputStream(content), 20_000_000);
        store.keep(received);
        assertThat(store.size(received.sm3())).isEqualTo(content.length);
        assertThat(store.intact(received.sm3())).isTrue();
        try (var in = store.open(received.sm3())) {
            assertThat(Staging.sm3(in)).isEqualTo(Staging.sm3(content));
        }
    }

    @Test
    void aThumbnailIsStoredByItsDigest() throws Exception {
        byte[] jpeg = ("thumb " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sm3 = store.put(jpeg);
        assertThat(sm3).isEqualTo(Staging.sm3(jpeg));
        assertThat(store.intact(sm3)).isTrue();
    }

    @Test
    void aMissingOrChangedObjectIsNotIntact() throws Exception {
        String sm3 = Staging.sm3("original".getBytes(StandardCharsets.UTF_8));
        assertThat(store.intact(sm3)).as("missing").isFalse();
        s3.put(S3ObjectStore.key(sm3), "tampered".getBytes(StandardCharsets.UTF_8));
        assertThat(store.intact(sm3)).as("changed behind the application's back").isFalse();
    }

    @Test
    void aWrongSecretIsRefusedByTheServiceAndAnswersTheStoresClearError() throws Exception {
        S3ObjectStore wrong = new S3ObjectStore(LocalS3.get().client(s3.bucket(), LocalS3.get().secretKey + "x"),
                new Staging(root, 0));
        var received = wrong.receive(new ByteArrayInputStream("证据".repeat(100).getBytes(StandardCharsets.UTF_8)), 1_000_000);
        assertThatThrownBy(() -> wrong.keep(received)).isInstanceOf(EvidenceStorageUnavailableException.class)
                .hasMessage("证据存储服务暂时不可用，文件未保存（或未能读取）；请稍后重试，仍失败请联系系统管理员")
                .cause().isInstanceOfSatisfying(S3Client.S3Exception.class, e -> assertThat(e.status).isEqualTo(403));
        assertThat(Files.exists(received.file())).as("nothing kept locally").isFalse();
        assertThat(s3.head(S3ObjectStore.key(received.sm3()))).as("nothing in the bucket").isEqualTo(-1);
        // a GET carries the service's reason: the signature does not match
        assertThatThrownBy(() -> LocalS3.get().client(s3.bucket(), "not-the-secret").get("objects/ab/cd/x"))
                .isInstanceOfSatisfying(S3Client.S3Exception.class, e -> assertThat(e.status).isEqualTo(403))
                .hasMessageContaining("SignatureDoesNotMatch");
        // and the right secret still works on the same bucket
        store.keep(wrong.receive(new ByteArrayInputStream("证据".repeat(100).getBytes(StandardCharsets.UTF_8)), 1_000_000));
        assertThat(store.intact(received.sm3())).isTrue();
    }

    @Test
    void keysWithChineseAndSpecialCharactersAreSignedAsTheServiceChecksThem() throws Exception {
        List<String> keys = List.of("证据/现场 照片(1)+整改后.jpg", "objects/a b/c&d=e;f,g@h:i!j$k'l*~_-.txt",
                "objects/%41/百分号%20不是空格", S3ObjectStore.key(Staging.sm3(new byte[] {1})));
        for (String key : keys) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            s3.put(key, bytes);
            assertThat(s3.head(key)).as(key).isEqualTo(bytes.length);
            try (var in = s3.get(key)) {
                assertThat(in.readAllBytes()).as(key).isEqualTo(bytes);
            }
        }
        List<String> listed = new ArrayList<>();
        s3.list("", 2, object -> listed.add(object.key()));   // two a page: the continuation token is signed too
        assertThat(listed).containsExactlyInAnyOrderElementsOf(keys);
        List<String> underObjects = new ArrayList<>();
        s3.list("objects/", object -> underObjects.add(object.key()));
        assertThat(underObjects).hasSize(3).allMatch(k -> k.startsWith("objects/"));
    }
}
