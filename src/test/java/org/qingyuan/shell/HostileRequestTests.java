package org.qingyuan.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.qingyuan.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Over real HTTP (Tomcat, the security chain): texts have lengths, bodies have sizes,
 * NUL and control characters are refused as 400 problem details instead of reaching PostgreSQL, and redirects do not
 * carry the client's Host header.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HostileRequestTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    WebClient district() {
        WebClient client = new WebClient(port);
        client.login("district", "Qingyuan@2026");
        client.get("/");
        return client;
    }

    HttpResponse<String> sendJson(WebClient client, String method, String path, String body) {
        return client.send(method, path, body, "Content-Type", "application/json", "X-XSRF-TOKEN", client.cookie("XSRF-TOKEN"));
    }

    long enterprise(WebClient client) {
        var created = sendJson(client, "POST", "/api/v1/enterprises", "{\"name\": \"长度测试厂" + System.nanoTime()
                + "\", \"divisionCode\": \"410108001001\", \"type\": \"SLW\", \"discovery\": \"COMPLAINT\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    static void assertProblem(HttpResponse<String> answer, int status, String... words) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(answer.body()).containsPattern("\\p{IsHan}").contains(words);
    }

    // finding 4: every text has a length, every body a size

    @Test
    void aReasonLongerThanItsLimitIsRefusedNamingTheFieldAndNothingIsWritten() {
        WebClient client = district();
        long id = enterprise(client);
        long versions = jdbc.sql("SELECT count(*) FROM enterprise_version WHERE enterprise_id = :id").param("id", id)
                .query(Long.class).single();
        var answer = sendJson(client, "PATCH", "/api/v1/enterprises/" + id,
                "{\"version\": 1, \"address\": \"新地址\", \"reason\": \"" + "很长的理由".repeat(2_000) + "\"}");
        assertProblem(answer, 400, "\"field\":\"reason\"", "理由", "1000");
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise_version WHERE enterprise_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(versions);
    }

    @Test
    void aSearchTextLongerThanItsLimitIsRefused() {
        assertProblem(district().get("/api/v1/enterprises?q=" + "铸".repeat(201)), 400, "\"field\":\"q\"", "200");
    }

    @Test
    void aFormFieldLongerThanItsLimitIsRefused() {
        WebClient client = new WebClient(port);
        String csrf = WebClient.csrfToken(client.get("/login").body());
        var answer = client.postForm("/login", "username=" + "a".repeat(201) + "&password=x&_csrf=" + csrf);
        assertProblem(answer, 400, "username", "200");
    }

    @Test
    void aJsonBodyOverTheLimitIsRefusedWith413BeforeItIsRead() {
        WebClient client = district();
        String big = "{\"name\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        assertProblem(sendJson(client, "POST", "/api/v1/enterprises", big), 413, "2 MB");
    }

    // finding 5: hostile characters and errors

    @Test
    void aNulInAQueryParameterIsA400NotA500() {
        assertProblem(district().get("/api/v1/enterprises?q=a%00b"), 400, "\"field\":\"q\"", "控制字符");
    }

    @Test
    void aNulInTheLoginFormIsA400NotA500() {
        WebClient client = new WebClient(port);
        String csrf = WebClient.csrfToken(client.get("/login").body());
        assertProblem(client.postForm("/login", "username=ab%00c&password=x&_csrf=" + csrf), 400, "username", "控制字符");
    }

    @Test
    void aBrowserSendingANulGetsTheErrorPageWithTheChineseReason() {
        WebClient client = new WebClient(port);
        String csrf = WebClient.csrfToken(client.get("/login").body());
        var answer = client.send("POST", "/login", "username=ab%00c&password=x&_csrf=" + csrf,
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).contains("text/html");
        assertThat(answer.body()).contains("控制字符");
    }

    @Test
    void aNulOrABellInAJsonStringIsA400NamingTheField() {
        WebClient client = district();
        assertProblem(sendJson(client, "POST", "/api/v1/enterprises", "{\"name\": \"a\\u0000b\", \"divisionCode\": \"410108001001\", "
                + "\"type\": \"SLW\", \"discovery\": \"COMPLAINT\"}"), 400, "\"field\":\"name\"", "控制字符");
        assertProblem(sendJson(client, "POST", "/api/v1/enterprises", "{\"name\": \"铃\\u0007厂\", \"divisionCode\": \"410108001001\", "
                + "\"type\": \"SLW\", \"discovery\": \"COMPLAINT\"}"), 400, "\"field\":\"name\"");
    }

    @Test
    void newlinesAndTabsInMultiLineTextsAreKept() {
        WebClient client = district();
        var created = sendJson(client, "POST", "/api/v1/enterprises", "{\"name\": \"换行测试厂" + System.nanoTime()
                + "\", \"divisionCode\": \"410108001001\", \"type\": \"SLW\", \"discovery\": \"COMPLAINT\", "
                + "\"remarks\": \"第一行\\r\\n第二行\\t完\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("remarks").asString()).isEqualTo("第一行\r\n第二行\t完");
    }

    @Test
    void aRedirectDoesNotCarryTheHostHeader() throws Exception {
        String head = raw("GET /enterprises HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        head = head.substring(0, Math.max(0, head.indexOf("\r\n\r\n")));
        assertThat(head).startsWith("HTTP/1.1 302").containsIgnoringCase("\nLocation: ").doesNotContain("evil.example");
    }

    @Test
    void theRedirectBackAfterSignInDoesNotCarryTheHostHeader() throws Exception {
        String first = raw("GET /enterprises?page=2 HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        String session = cookies(first);
        String login = raw("GET /login HTTP/1.1\r\nHost: evil.example\r\nCookie: " + session + "\r\nConnection: close\r\n\r\n");
        String all = session + "; " + cookies(login);
        String form = "username=district&password=Qingyuan%402026&_csrf="
                + java.net.URLEncoder.encode(WebClient.csrfToken(login), StandardCharsets.UTF_8);
        String signedIn = raw("POST /login HTTP/1.1\r\nHost: evil.example\r\nCookie: " + all
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                + "\r\nConnection: close\r\n\r\n" + form);
        String head = signedIn.substring(0, Math.max(0, signedIn.indexOf("\r\n\r\n")));
        assertThat(head).startsWith("HTTP/1.1 302").contains("/enterprises").doesNotContain("evil.example");
    }

    /** One request over a socket, as an attacker writes it (java.net.http will not send a Host header of its own). */
    String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The name=value of every Set-Cookie of a raw response, joined for a Cookie header. */
    static String cookies(String response) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^Set-Cookie: ([^;\r\n]+)").matcher(response);
        while (m.find()) {
            out.add(m.group(1));
        }
        return String.join("; ", out);
    }
}
