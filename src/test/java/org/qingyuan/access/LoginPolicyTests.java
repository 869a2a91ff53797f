package org.qingyuan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingyuan.support.MutableClock;
import org.qingyuan.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The login policy as a person meets it, over real HTTP and sessions in PostgreSQL. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LoginPolicyTests {

    static final String PASSWORD = "Grid#Member2026";

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndTheMessageMatchesAnUnknownUser() {
        newUser("lock-me", false);
        WebClient client = new WebClient(port);
        for (int i = 0; i < 5; i++) {
            assertThat(client.login("lock-me", "Wrong#Password1").headers().firstValue("Location").orElseThrow())
                    .endsWith("/login?error");
        }
        var locked = client.login("lock-me", PASSWORD);
        var unknown = new WebClient(port).login("nobody-" + System.nanoTime(), PASSWORD);
        assertThat(locked.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"));
        assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(client.get("/login?error").body()).contains("用户名或密码错误，或账号已被锁定");
        assertThat(audited("ACCOUNT_LOCKED", "lock-me")).isEqualTo(1);
        assertThat(audited("LOGIN_FAILED", "lock-me")).isEqualTo(6);

        clock.advance(Duration.ofMinutes(31));
        assertThat(client.login("lock-me", PASSWORD).headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    @Test
    void aSessionIdleForThirtyMinutesEnds() {
        newUser("idle-user", false);
        WebClient client = new WebClient(port);
        client.login("idle-user", PASSWORD);
        assertThat(client.get("/").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = 'idle-user'")
                .query(Integer.class).single()).isEqualTo(30 * 60);

        long thirtyOneMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(31).toMillis();
        jdbc.sql("UPDATE spring_session SET last_access_time = :t, expiry_time = :t + max_inactive_interval * 1000 "
                        + "WHERE principal_name = 'idle-user'").param("t", thirtyOneMinutesAgo).update();
        assertThat(client.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInWhateverHappens() {
        newUser("long-day", false);
        WebClient client = new WebClient(port);
        client.login("long-day", PASSWORD);
        clock.advance(Duration.ofHours(11));
        assertThat(client.get("/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(client.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
    }

    @Test
    void aSessionsLastAccessIsWrittenOncePerStepNotOnEveryRequest() {
        newUser("step-user", false);
        WebClient client = new WebClient(port);
        client.login("step-user", PASSWORD);
        assertThat(client.get("/").statusCode()).isEqualTo(200);
        String row = "SELECT xmin::text || '/' || last_access_time FROM spring_session WHERE principal_name = 'step-user'";
        String written = jdbc.sql(row).query(String.class).single();
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/api/v1/enterprises?size=1").statusCode()).isEqualTo(200);
        }
        assertThat(jdbc.sql(row).query(String.class).single()).as("three requests within the step write nothing").isEqualTo(written);

        long twoMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(2).toMillis();
        jdbc.sql("UPDATE spring_session SET last_access_time = :t, expiry_time = :t + max_inactive_interval * 1000 "
                + "WHERE principal_name = 'step-user'").param("t", twoMinutesAgo).update();
        long before = System.currentTimeMillis();
        assertThat(client.get("/api/v1/enterprises?size=1").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT last_access_time FROM spring_session WHERE principal_name = 'step-user'")
                .query(Long.class).single()).as("the first request after a step writes it").isGreaterThanOrEqualTo(before);
    }

    @Test
    void theShortestAbsoluteTimeoutAPolicyMaySetIsHeld() {
        int hours = jdbc.sql("SELECT absolute_timeout_hours FROM login_policy").query(Integer.class).single();
        jdbc.sql("UPDATE login_policy SET absolute_timeout_hours = 1").update();
        try {
            newUser("short-day", false);
            WebClient client = new WebClient(port);
            client.login("short-day", PASSWORD);
            clock.advance(Duration.ofMinutes(29));
            assertThat(client.get("/").statusCode()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(30));
            assertThat(client.get("/").statusCode()).as("59 minutes after sign-in").isEqualTo(200);
            clock.advance(Duration.ofMinutes(2));
            assertThat(client.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
        } finally {
            jdbc.sql("UPDATE login_policy SET absolute_timeout_hours = :h").param("h", hours).update();
        }
    }

    @Test
    void disablingAUserEndsTheirSessionsAtOnce() {
        newUser("to-disable", false);
        WebClient user = new WebClient(port);
        user.login("to-disable", PASSWORD);
        assertThat(user.get("/").statusCode()).isEqualTo(200);

        WebClient admin = new WebClient(port);
        admin.login("sysadmin", "Qingyuan@2026");
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = 'to-disable'").query(Long.class).single();
        String token = WebClient.csrfToken(admin.get("/admin/users/" + id).body());
        var disable = admin.postForm("/admin/users/" + id + "/enabled", "enabled=false&reason=%E7%A6%BB%E8%81%8C&_csrf=" + token);
        assertThat(disable.statusCode()).isEqualTo(302);

        assertThat(user.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(new WebClient(port).login("to-disable", PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/login?error");
        assertThat(audited("USER_DISABLED", "sysadmin")).isEqualTo(1);
    }

    @Test
    void anInitialPasswordMustBeChangedBeforeAnythingElse() {
        newUser("first-login", true);
        WebClient client = new WebClient(port);
        client.login("first-login", PASSWORD);
        assertThat(client.get("/regions").headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
        var api = client.get("/api/v1/regions/410108");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("请先修改密码");

        String token = WebClient.csrfToken(client.get("/account/password").body());
        var weak = client.postForm("/account/password", "currentPassword=" + enc(PASSWORD) + "&newPassword=first-login1A"
                + "&confirmPassword=first-login1A&_csrf=" + token);
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("密码不能包含用户名");
        assertThat(jdbc.sql("SELECT outcome FROM audit_record WHERE action = 'HTTP POST /account/password' AND username = 'first-login'")
                .query(String.class).single()).isEqualTo("FAILURE");

        token = WebClient.csrfToken(weak.body());
        var ok = client.postForm("/account/password", "currentPassword=" + enc(PASSWORD) + "&newPassword=" + enc("Anew#Secret77")
                + "&confirmPassword=" + enc("Anew#Secret77") + "&_csrf=" + token);
        assertThat(ok.headers().firstValue("Location").orElseThrow()).contains("/?passwordChanged");
        assertThat(client.get("/regions").statusCode()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSessionAndIsAudited() {
        newUser("leaving", false);
        WebClient client = new WebClient(port);
        client.login("leaving", PASSWORD);
        String token = WebClient.csrfToken(client.get("/").body());
        client.postForm("/logout", "_csrf=" + token);
        assertThat(client.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(audited("LOGOUT", "leaving")).isEqualTo(1);
    }

    private void newUser(String username, boolean mustChange) {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role_code, division_code, must_change_password)
                        VALUES (:u, :u, :hash, 'GRID_MEMBER', '410108001001', :mustChange)
                        """)
                .param("u", username).param("hash", encoder.encode(PASSWORD)).param("mustChange", mustChange).update();
    }

    private long audited(String action, String username) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :action AND username = :username")
                .param("action", action).param("username", username).query(Long.class).single();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
