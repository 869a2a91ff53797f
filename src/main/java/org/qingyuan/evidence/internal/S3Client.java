package org.qingyuan.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The calls of S3 the store needs (HEAD, GET, PUT object; ListObjectsV2 for backups; PUT bucket for drills), path-style, signed with AWS
 * Signature Version 4 over the JDK's HTTP client. Every PUT carries the SHA-256 of its body in the signature, so the
 * service refuses a body cut short; an S3 PUT is atomic (the object appears whole or not at all).
 */
final class S3Client {

    /** An answer other than success: its status and the service's error text. */
    static final class S3Exception extends IOException {
        final int status;

        S3Exception(int status, String body) {
            super("S3 answered " + status + (body == null || body.isBlank() ? "" : ": " + body.strip()));
            this.status = status;
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final S3Properties properties;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    S3Client(S3Properties properties, Clock clock) {
        this.properties = properties.requireComplete();
        this.clock = clock;
    }

    String bucket() {
        return properties.bucket();
    }

    URI endpoint() {
        return properties.endpoint();
    }

    /** The object's size, or -1 when there is none. */
    long head(String key) throws IOException {
        HttpResponse<Void> response = send(request("HEAD", key, EMPTY_SHA256).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 404) {
            return -1;
        }
        check(response.statusCode(), null);
        return response.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    /** The object's bytes, or null when there is none. */
    InputStream get(String key) throws IOException {
        HttpResponse<InputStream> response = send(request("GET", key, EMPTY_SHA256).GET(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 404) {
            response.body().close();
            return null;
        }
        if (response.statusCode() / 100 != 2) {
            try (InputStream body = response.body()) {
                check(response.statusCode(), new String(body.readNBytes(2000), StandardCharsets.UTF_8));
            }
        }
        return response.body();
    }

    void put(String key, Path file) throws IOException {
        String sha256 = sha256(Files.newInputStream(file));
        answer(send(request("PUT", key, sha256).PUT(HttpRequest.BodyPublishers.ofFile(file)), HttpResponse.BodyHandlers.ofString()));
    }

    void put(String key, byte[] bytes) throws IOException {
        String sha256 = sha256(new java.io.ByteArrayInputStream(bytes));
        answer(send(request("PUT", key, sha256).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)), HttpResponse.BodyHandlers.ofString()));
    }

    /** Creates the bucket (drills and tests; a deployment's bucket is made by its operator). */
    void createBucket() throws IOException {
        answer(send(request("PUT", null, EMPTY_SHA256).PUT(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofString()));
    }

    private static void answer(HttpResponse<String> response) throws S3Exception {
        check(response.statusCode(), response.body());
    }

    private static void check(int status, String body) throws S3Exception {
        if (status / 100 != 2) {
            throw new S3Exception(status, body);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request.build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to S3", e);
        }
    }

    private HttpRequest.Builder request(String method, String key, String payloadSha256) {
        return request(method, key, new java.util.TreeMap<>(), payloadSha256);
    }

    /**
     * A signed request: the key is percent-encoded byte by byte (all but {@code A-Z a-z 0-9 - . _ ~} and {@code /}),
     * the query's names and values likewise and sorted, and exactly these strings are both sent and signed.
     */
    private HttpRequest.Builder request(String method, String key, java.util.SortedMap<String, String> query, String payloadSha256) {
        String base = properties.endpoint().toString().replaceAll("/+$", "");
        String path = URI.create(base).getRawPath() + "/" + properties.bucket() + (key == null ? "" : "/" + encode(key, true));
        String canonicalQuery = canonicalQuery(query);
        URI uri = URI.create(base + "/" + properties.bucket() + (key == null ? "" : "/" + encode(key, true))
                + (canonicalQuery.isEmpty() ? "" : "?" + canonicalQuery));
        String stamp = STAMP.format(clock.instant());
        String host = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        java.util.SortedMap<String, String> headers = new java.util.TreeMap<>(java.util.Map.of("host", host,
                "x-amz-content-sha256", payloadSha256, "x-amz-date", stamp));
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("x-amz-content-sha256", payloadSha256).header("x-amz-date", stamp)
                .header("Authorization", authorization(method, path, canonicalQuery, headers, payloadSha256,
                        properties.region(), properties.accessKey(), properties.secretKey()));
    }

    /** Signature V4's URI encoding of a path ({@code /} kept) or of a query name or value ({@code /} encoded too). */
    static String encode(String s, boolean keepSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || (keepSlash && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    static String canonicalQuery(java.util.SortedMap<String, String> query) {
        java.util.SortedMap<String, String> encoded = new java.util.TreeMap<>();
        query.forEach((name, value) -> encoded.put(encode(name, false), encode(value, false)));
        return String.join("&", encoded.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    /** An object of a listing: its key and size. */
    record Listed(String key, long size) {
    }

    /** Receives the objects of a listing, page by page (a bucket of a province holds tens of millions). */
    interface ListingConsumer {
        void accept(Listed object) throws IOException;
    }

    /** Every object whose key starts with the prefix, in key order (ListObjectsV2, 1000 a page). */
    void list(String prefix, ListingConsumer consumer) throws IOException {
        list(prefix, 1000, consumer);
    }

    void list(String prefix, int pageSize, ListingConsumer consumer) throws IOException {
        String token = null;
        do {
            java.util.SortedMap<String, String> query = new java.util.TreeMap<>(java.util.Map.of("list-type", "2", "prefix", prefix,
                    "max-keys", String.valueOf(pageSize)));
            if (token != null) {
                query.put("continuation-token", token);
            }
            HttpResponse<InputStream> response = send(request("GET", null, query, EMPTY_SHA256).GET(),
                    HttpResponse.BodyHandlers.ofInputStream());
            org.w3c.dom.Document page;
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    check(response.statusCode(), new String(body.readNBytes(2000), StandardCharsets.UTF_8));
                }
                page = xml(body);
            }
            org.w3c.dom.NodeList contents = page.getElementsByTagName("Contents");
            for (int i = 0; i < contents.getLength(); i++) {
                org.w3c.dom.Element object = (org.w3c.dom.Element) contents.item(i);
                consumer.accept(new Listed(text(object, "Key"), Long.parseLong(text(object, "Size"))));
            }
            token = "true".equals(text(page.getDocumentElement(), "IsTruncated"))
                    ? text(page.getDocumentElement(), "NextContinuationToken") : null;
        } while (token != null);
    }

    private static org.w3c.dom.Document xml(InputStream in) throws IOException {
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(in);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("S3 answered a listing that is not XML", e);
        }
    }

    private static String text(org.w3c.dom.Element parent, String name) {
        org.w3c.dom.NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    /** The Signature V4 {@code Authorization} value of a request: path and query already encoded, headers lower-case and sorted. */
    static String authorization(String method, String path, String canonicalQuery, java.util.SortedMap<String, String> headers,
                                String payloadSha256, String region, String accessKey, String secretKey) {
        String stamp = headers.get("x-amz-date");
        String day = stamp.substring(0, 8);
        StringBuilder canonicalHeaders = new StringBuilder();
        headers.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value.strip()).append('\n'));
        String signedHeaders = String.join(";", headers.keySet());
        String canonical = method + "\n" + path + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadSha256;
        String scope = day + "/" + region + "/s3/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n" + sha256(canonical.getBytes(StandardCharsets.UTF_8));
        byte[] key0 = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
        byte[] signingKey = hmac(hmac(hmac(key0, region), "s3"), "aws4_request");
        String signature = HexFormat.of().formatHex(hmac(signingKey, toSign));
        return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return sha256Digest(bytes);
    }

    private static String sha256Digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(InputStream in) throws IOException {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
