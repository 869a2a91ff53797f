package org.qingyuan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qingyuan.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every refused authentication or authorisation check leaves one (rate-limited) audit record. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RefusalAuditTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRequestWithoutItsCsrfTokenIsRecorded() {
        WebClient client = new WebClient(port);
        client.login("district", "Qingyuan@2026");
        client.get("/");
        var refused = client.send("POST", "/api/v1/enterprises", "{}", "Content-Type", "application/json");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(count("CSRF_REFUSED", "district", "POST /api/v1/enterprises")).isEqualTo(1);
    }

    @Test
    void anInvalidBearerTokenIsRecordedOnceForAFlood() {
        String path = "/api/v1/regions/" + (410108000000L + System.nanoTime() % 1000);
        WebClient client = new WebClient(port);
        for (int i = 0; i < 15; i++) {
            assertThat(client.send("GET", path, null, "Authorization", "Bearer qy_forged").statusCode()).isEqualTo(401);
        }
        assertThat(count("BEARER_TOKEN_REFUSED", null, "GET " + path)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT client_address FROM audit_record WHERE action = 'BEARER_TOKEN_REFUSED' AND object_id = :o")
                .param("o", "GET " + path).query(String.class).single()).isNotBlank();
    }

    @Test
    void aForbiddenPageIsRecorded() {
        WebClient client = new WebClient(port);
        client.login("town", "Qingyuan@2026");
        assertThat(client.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(count("ACCESS_DENIED", "town", "GET /admin/users")).isEqualTo(1);
        assertThat(client.get("/api/v1/audit/verification").statusCode()).isEqualTo(403);
        assertThat(count("ACCESS_DENIED", "town", "GET /api/v1/audit/verification")).isEqualTo(1);
    }

    @Test
    void anApiCallWithoutSignInIsRecorded() {
        String path = "/api/v1/enterprises/" + (900000 + System.nanoTime() % 1000);
        assertThat(new WebClient(port).get(path).statusCode()).isEqualTo(401);
        assertThat(count("AUTHENTICATION_REQUIRED", null, "GET " + path)).isEqualTo(1);
    }

    @Test
    void aLoginThatBreaksIsRecorded() {
        long before = jdbc.sql("SELECT count(*) FROM audit_record WHERE action IN ('LOGIN_FAILED', 'LOGIN_ERROR')")
                .query(Long.class).single();
        var answer = new WebClient(port).login("ab\u0000c", "whatever");
        assertThat(answer.statusCode()).isNotEqualTo(200);
        long after = jdbc.sql("SELECT count(*) FROM audit_record WHERE action IN ('LOGIN_FAILED', 'LOGIN_ERROR')")
                .query(Long.class).single();
        assertThat(after).isGreaterThan(before);
    }

    private long count(String action, String username, String objectId) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND object_id = :o AND outcome = 'DENIED' "
                        + "AND username IS NOT DISTINCT FROM :u")
                .param("a", action).param("o", objectId).param("u", username).query(Long.class).single();
    }
}
