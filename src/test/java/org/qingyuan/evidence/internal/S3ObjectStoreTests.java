package org.qingyuan.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 store against a real S3-compatible service: {@code S3_TEST_ENDPOINT} (with {@code S3_TEST_ACCESS_KEY} and
 * {@code S3_TEST_SECRET_KEY}, default S3RVER/S3RVER). Run by {@code bench/s3-drill.sh}, which starts s3rver.
 */
@EnabledIfEnvironmentVariable(named = "S3_TEST_ENDPOINT", matches = ".+")
class S3ObjectStoreTests {

    @TempDir
    Path root;

    S3Client s3;
    S3ObjectStore store;

    @BeforeEach
    void setUp() throws Exception {
        String env = System.getenv("S3_TEST_ACCESS_KEY");
        String key = env == null ? "S3RVER" : env;
        String secret = System.getenv().getOrDefault("S3_TEST_SECRET_KEY", "S3RVER");
        s3 = new S3Client(new S3Properties(URI.create(System.getenv("S3_TEST_ENDPOINT")), "qy-" + UUID.randomUUID().toString()
                .substring(0, 8), "us-east-1", key, secret), Clock.systemUTC());
        s3.createBucket();
        store = new S3ObjectStore(s3, new Staging(root, 0));
    }

    @Test
    void anUploadIsKeptUnderItsSm3AndReadBackVerified() throws Exception {
        byte[] content = ("现场照片 " + UUID.randomUUID()).repeat(5000).getBytes(StandardCharsets.UTF_8);
        var received = store.receive(new ByteArrayInputStream(content), 10_000_000);
        assertThat(received.sm3()).isEqualTo(Staging.sm3(content));
        store.keep(received);
        assertThat(Files.exists(received.file())).as("the local temporary file is gone").isFalse();
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
}
