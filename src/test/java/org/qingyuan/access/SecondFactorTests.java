package org.qingyuan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.internal.TotpCodes;
import org.qingyuan.platform.FieldCipher;
import org.qingyuan.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A role the security admin marks for TOTP enrols at its next sign-in, then must pass the code each time. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SecondFactorTests {

    @LocalServerPort
    int port;

    @Autowired
    FieldCipher cipher;

    @Autowired
    JdbcClient jdbc;

    @Test
    void leadersEnrolThenPassTheirCode() {
        jdbc.sql("UPDATE login_policy SET totp_roles = '{LEADER}'").update();
        try {
            WebClient leader = new WebClient(port);
            leader.login("leader", "Qingyuan@2026");
            assertThat(leader.get("/regions").headers().firstValue("Location").orElseThrow()).endsWith("/account/second-factor");
            String page = leader.get("/account/second-factor").body();
            var secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page);
            assertThat(secret.find()).isTrue();

            String csrf = WebClient.csrfToken(page);
            var wrong = leader.postForm("/account/second-factor", "code=000000&_csrf=" + csrf);
            assertThat(wrong.body()).contains("动态验证码不正确或已过期");

            csrf = WebClient.csrfToken(wrong.body());
            var right = leader.postForm("/account/second-factor", "code=" + TotpCodes.now(secret.group(1), Instant.now())
                    + "&_csrf=" + csrf);
            assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/");
            assertThat(leader.get("/regions").statusCode()).isEqualTo(200);
            // the enrolled secret is sealed at rest (SM4, platform.FieldCipher), never stored in plain text
            String stored = jdbc.sql("SELECT totp_secret FROM app_user WHERE username = 'leader'").query(String.class).single();
            assertThat(stored).startsWith("sm4:").doesNotContain(secret.group(1));
            assertThat(cipher.decrypt(stored)).isEqualTo(secret.group(1));

            WebClient again = new WebClient(port);
            again.login("leader", "Qingyuan@2026");
            String verify = again.get("/account/second-factor").body();
            assertThat(verify).doesNotContain("totp-secret");
        } finally {
            jdbc.sql("UPDATE login_policy SET totp_roles = '{}'").update();
            jdbc.sql("UPDATE app_user SET totp_secret = NULL WHERE username = 'leader'").update();
        }
    }
}
