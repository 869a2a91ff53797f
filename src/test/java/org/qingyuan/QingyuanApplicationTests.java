package org.qingyuan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.support.WebClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole platform over real HTTP on the embedded PostgreSQL. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class QingyuanApplicationTests {

    @LocalServerPort
    int port;

    WebClient client;

    @BeforeEach
    void newClient() {
        client = new WebClient(port);
    }

    @Test
    void healthIsUpAndInfoShowsTheVersion() {
        var health = client.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(client.get("/actuator/info").body()).contains("\"version\":\"0.1.0-SNAPSHOT\"");
    }

    @Test
    void pagesRedirectToTheLoginPageUntilSignedIn() {
        var home = client.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(client.get("/login").body()).contains("用户名", "密码", "登录");
    }

    @Test
    void demoDistrictAccountSignsInWithANewSessionAndSeesTheShell() {
        client.get("/login");
        String before = client.cookie("SESSION");
        var login = client.login("district", "Qingyuan@2026");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(client.cookie("SESSION")).isNotEqualTo(before);

        var home = client.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("郑州市惠济区", "区办演示账号", "行政区划", "新城街道");
        assertThat(home.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void wrongPasswordIsRefusedWithAChineseMessage() {
        var login = client.login("district", "wrong-password");
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(client.get("/login?error").body()).contains("用户名或密码错误");
    }

    @Test
    void loginWithoutCsrfTokenIsRejected() {
        client.get("/login");
        var login = client.postForm("/login", "username=district&password=Qingyuan%402026");
        assertThat(login.statusCode()).isEqualTo(403);
    }

    @Test
    void divisionPagesBrowseAndSearchTheTree() {
        client.login("district", "Qingyuan@2026");
        var tree = client.get("/regions");
        assertThat(tree.statusCode()).isEqualTo(200);
        assertThat(tree.body()).contains("郑州市惠济区", "新城街道", "410108001");

        var fragment = client.get("/regions/410108001/children");
        assertThat(fragment.body()).contains("金河社区居民委员会").doesNotContain("<html");

        var search = client.get("/regions/search?q=%E9%87%91%E6%B2%B3&scope=home");
        assertThat(search.body()).contains("金河社区居民委员会");

        var missing = client.get("/regions/410199");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("区划代码 410199 不存在");
    }

    @Test
    void aMalformedPageAddressShowsTheErrorPageInChineseAndTheApiAProblem() {
        client.login("district", "Qingyuan@2026");
        var page = client.send("GET", "/cases/board", null, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("请求有误", "参数 id 的值“board”格式不正确", "返回首页");

        var api = client.get("/api/v1/cases/board");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.body()).contains("参数 id 的值“board”格式不正确");
    }

    @Test
    void apiAnswersTheSessionAndExposesTheXsrfCookie() {
        client.login("district", "Qingyuan@2026");
        var region = client.get("/api/v1/regions/410108001001");
        assertThat(region.statusCode()).isEqualTo(200);
        assertThat(region.body()).contains("金河社区居民委员会");
        assertThat(client.cookie("XSRF-TOKEN")).isNotBlank();
    }
}
