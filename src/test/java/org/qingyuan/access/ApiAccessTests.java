package org.qingyuan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.qingyuan.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** System-to-system tokens and the cookie-session API's CSRF header. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiAccessTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenIsRequestedByTheDistrictApprovedByTheSystemAdminShownOnceToTheRequesterAndRevocable() {
        WebClient district = new WebClient(port);
        district.login("district", "Qingyuan@2026");
        String csrf = WebClient.csrfToken(district.get("/tokens/requests").body());
        String reason = "&reason=" + java.net.URLEncoder.encode("大屏展示", java.nio.charset.StandardCharsets.UTF_8);
        var noPermission = district.postForm("/tokens/requests", "name=dashboard&role=LEADER&divisionCode=410108" + reason
                + "&_csrf=" + csrf);
        assertThat(noPermission.statusCode()).isEqualTo(400);
        assertThat(noPermission.body()).contains("请选择令牌的权限");
        // the district office cannot hand over a permission it does not hold itself
        var notHeld = district.postForm("/tokens/requests", "name=dashboard&role=DEPARTMENT_OFFICER&departmentCode=ENVIRONMENT"
                + "&divisionCode=410108&permissions=REFERRAL_ANSWER" + reason + "&_csrf=" + csrf);
        assertThat(notHeld.statusCode()).isEqualTo(400);
        assertThat(notHeld.body()).contains("您本人不具有权限");
        var requested = district.postForm("/tokens/requests", "name=dashboard&role=LEADER&divisionCode=410108"
                + "&permissions=REGION_READ" + reason + "&_csrf=" + csrf);
        assertThat(requested.statusCode()).isEqualTo(302);
        long requestId = jdbc.sql("SELECT id FROM api_token_request WHERE name = 'dashboard'").query(Long.class).single();

        WebClient admin = new WebClient(port);
        admin.login("sysadmin", "Qingyuan@2026");
        String adminPage = admin.get("/admin/tokens").body();
        assertThat(adminPage).contains("dashboard", "待批准", "查看行政区划");
        csrf = WebClient.csrfToken(adminPage);
        var approved = admin.postForm("/admin/tokens/requests/" + requestId + "/approval", "_csrf=" + csrf);
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/tokens").body()).doesNotContainPattern("qy_[A-Za-z0-9_-]{40,}");

        csrf = WebClient.csrfToken(district.get("/tokens/requests").body());
        var issued = district.postForm("/tokens/requests/" + requestId + "/token", "_csrf=" + csrf);
        assertThat(issued.statusCode()).isEqualTo(302);
        var page = district.get("/tokens/requests").body();
        var matcher = Pattern.compile("(qy_[A-Za-z0-9_-]{40,})").matcher(page);
        assertThat(matcher.find()).isTrue();
        String token = matcher.group(1);
        assertThat(district.get("/tokens/requests").body()).doesNotContain(token);
        assertThat(admin.get("/admin/tokens").body()).doesNotContain(token);
        csrf = WebClient.csrfToken(district.get("/tokens/requests").body());
        assertThat(district.postForm("/tokens/requests/" + requestId + "/token", "_csrf=" + csrf).statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash LIKE '%' || :t || '%'").param("t", token)
                .query(Long.class).single()).isZero();

        WebClient system = new WebClient(port);
        var read = system.send("GET", "/api/v1/regions/410108", null, "Authorization", "Bearer " + token);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(system.cookie("SESSION")).isNull();
        assertThat(jdbc.sql("SELECT last_used_at IS NOT NULL FROM api_token WHERE name = 'dashboard'").query(Boolean.class).single())
                .isTrue();
        assertThat(system.send("GET", "/api/v1/audit/verification", null, "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(403);
        // the token carries REGION_READ only, though a leader may read the ledger
        assertThat(system.send("GET", "/api/v1/enterprises", null, "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(403);

        long id = jdbc.sql("SELECT id FROM api_token WHERE name = 'dashboard'").query(Long.class).single();
        csrf = WebClient.csrfToken(admin.get("/admin/tokens").body());
        assertThat(admin.postForm("/admin/tokens/" + id + "/revocation", "_csrf=" + csrf).statusCode()).isEqualTo(302);
        var revoked = system.send("GET", "/api/v1/regions/410108", null, "Authorization", "Bearer " + token);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
    }

    @Test
    void aWrongTokenIsA401Problem() {
        var answer = new WebClient(port).send("GET", "/api/v1/regions/410108", null, "Authorization", "Bearer qy_forged");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("接口令牌无效或已吊销");
    }

    @Test
    void sessionCallersSendTheXsrfCookieBackInTheHeader() {
        WebClient client = new WebClient(port);
        client.login("district", "Qingyuan@2026");
        client.get("/");
        assertThat(client.send("POST", "/logout", "").statusCode()).isEqualTo(403);
        var withHeader = client.send("POST", "/logout", "", "X-XSRF-TOKEN", client.cookie("XSRF-TOKEN"));
        assertThat(withHeader.statusCode()).isEqualTo(302);
        assertThat(withHeader.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    }

    @Test
    void businessPagesCarrySecurityHeadersAndAreNotCached() {
        WebClient client = new WebClient(port);
        client.login("district", "Qingyuan@2026");
        var page = client.get("/regions");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    }
}
