package org.qingyuan.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qingyuan.evidence.EvidenceStorageFullException;
import org.qingyuan.evidence.EvidenceStorageUnavailableException;

/** An S3 service that is full or gone refuses the upload with a clear problem and leaves no local file behind. */
class S3ObjectStoreFailureTests {

    @TempDir
    Path root;

    S3ObjectStore store(URI endpoint) {
        return new S3ObjectStore(new S3Client(new S3Properties(endpoint, "evidence", "us-east-1", "AK", "SK"), Clock.systemUTC()),
                new Staging(root, 0));
    }

    static long files(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aServiceAnswering507RefusesTheUploadAsStorageFullAndKeepsNoFile() throws Exception {
        List<String> seen = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization").startsWith("AWS4-HMAC-SHA256 Credential=AK/"));
            exchange.getRequestBody().readAllBytes();
            int status = exchange.getRequestMethod().equals("HEAD") ? 404 : 507;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            S3ObjectStore store = store(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
            var received = store.receive(new ByteArrayInputStream("证据".repeat(1000).getBytes()), 1_000_000);
            assertThatThrownBy(() -> store.keep(received)).isInstanceOf(EvidenceStorageFullException.class)
                    .hasMessageContaining("存储空间不足");
            assertThat(files(root)).isZero();
            assertThat(seen).containsExactly("HEAD /evidence/" + S3ObjectStore.key(received.sm3()) + " true",
                    "PUT /evidence/" + S3ObjectStore.key(received.sm3()) + " true");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableServiceAnswers503AndKeepsNoFile() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        S3ObjectStore store = store(URI.create("http://127.0.0.1:" + port));
        var received = store.receive(new ByteArrayInputStream(new byte[] {1, 2, 3}), 1_000);
        assertThatThrownBy(() -> store.keep(received)).isInstanceOf(EvidenceStorageUnavailableException.class)
                .hasMessageContaining("证据存储服务暂时不可用");
        assertThat(files(root)).isZero();
        assertThatThrownBy(() -> store.intact(received.sm3())).isInstanceOf(EvidenceStorageUnavailableException.class);
    }

    @Test
    void anIncompleteConfigurationNamesTheMissingSetting() {
        assertThatThrownBy(() -> new S3Properties(URI.create("http://x"), "b", "us-east-1", "AK", " ").requireComplete())
                .hasMessageContaining("qingyuan.evidence.s3.secret-key");
    }

    @Test
    void theSignatureIsAwsOwnExampleOfAGetObject() {
        // "Example: GET Object" of the Amazon S3 API reference (Signature Version 4, payload in a single chunk)
        var headers = new java.util.TreeMap<String, String>(java.util.Map.of("host", "examplebucket.s3.amazonaws.com",
                "range", "bytes=0-9",
                "x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "x-amz-date", "20130524T000000Z"));
        assertThat(S3Client.authorization("GET", "/test.txt", "", headers,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "us-east-1", "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                .isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void theSignatureIsAwsOwnExampleOfAPutObjectWithAKeyThatMustBeEncoded() {
        // "Example: PUT Object" of the same reference: the key "test$file.text" is signed as "/test%24file.text"
        var headers = new java.util.TreeMap<String, String>(java.util.Map.of("date", "Fri, 24 May 2013 00:00:00 GMT",
                "host", "examplebucket.s3.amazonaws.com",
                "x-amz-content-sha256", "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
                "x-amz-date", "20130524T000000Z", "x-amz-storage-class", "REDUCED_REDUNDANCY"));
        assertThat(S3Client.authorization("PUT", "/" + S3Client.encode("test$file.text", true), "", headers,
                "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072", "us-east-1", "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                .endsWith("Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    @Test
    void theSignatureIsAwsOwnExampleOfAListingWithAQuery() {
        // "Example: GET Bucket (List Objects)": GET /?max-keys=2&prefix=J
        var headers = new java.util.TreeMap<String, String>(java.util.Map.of("host", "examplebucket.s3.amazonaws.com",
                "x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "x-amz-date", "20130524T000000Z"));
        String query = S3Client.canonicalQuery(new java.util.TreeMap<>(java.util.Map.of("prefix", "J", "max-keys", "2")));
        assertThat(query).isEqualTo("max-keys=2&prefix=J");
        assertThat(S3Client.authorization("GET", "/", query, headers,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "us-east-1", "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                .endsWith("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    }

    @Test
    void aKeyIsEncodedByteByByteAsSignatureV4Wants() {
        assertThat(S3Client.encode("证据/现场 照片+1~a_b-c.jpg", true))
                .isEqualTo("%E8%AF%81%E6%8D%AE/%E7%8E%B0%E5%9C%BA%20%E7%85%A7%E7%89%87%2B1~a_b-c.jpg");
        assertThat(S3Client.encode("objects/ab/", false)).isEqualTo("objects%2Fab%2F");
    }
}
