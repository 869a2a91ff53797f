package org.qingyuan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.qingyuan.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The system administrator alone cannot mint a business-role API token, and cannot take over
 * another administrator's account.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AdministratorTakeoverTests {

    static final String DEMO = "Qingyuan@2026";
    static final Pattern ONE_TIME = Pattern.compile("id=\"one-time-password\"[^>]*>[^<]*<code[^>]*>([^<]+)</code>");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void theSystemAdminCannotMintABusinessToken() {
        WebClient sysadmin = signedIn("sysadmin");
        String csrf = WebClient.csrfToken(sysadmin.get("/admin/tokens").body());
        var answer = sysadmin.postForm("/admin/tokens", "name=takeover&role=DISTRICT_OFFICE&divisionCode=410108&_csrf=" + csrf);
        assertThat(answer.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(answer.body()).doesNotContain("qy_");
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE name = 'takeover'").query(Long.class).single()).isZero();

        csrf = WebClient.csrfToken(sysadmin.get("/admin/tokens").body());
        var request = sysadmin.postForm("/tokens/requests", "name=takeover&role=DISTRICT_OFFICE&divisionCode=410108&_csrf=" + csrf);
        assertThat(request.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token_request WHERE name = 'takeover'").query(Long.class).single()).isZero();
    }

    @Test
    void aDistrictOfficeRequestsTokensOnlyWithinItsJurisdiction() {
        WebClient district = signedIn("district");
        String csrf = WebClient.csrfToken(district.get("/tokens/requests").body());
        var outside = district.postForm("/tokens/requests", "name=elsewhere&role=LEADER&divisionCode=410102&reason=x&_csrf=" + csrf);
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("不在本辖区");
        WebClient town = signedIn("town");
        assertThat(town.get("/tokens/requests").statusCode()).isEqualTo(403);
    }

    @Test
    void resettingAnAdministratorsPasswordWaitsForTheSecurityAdminAndIsNeverShownToTheResetter() {
        long id = newUser("auditor-two", "AUDITOR", "410108");
        String hashBefore = hash(id);
        WebClient sysadmin = signedIn("sysadmin");
        String csrf = WebClient.csrfToken(sysadmin.get("/admin/users/" + id).body());
        var reset = sysadmin.postForm("/admin/users/" + id + "/password-reset", "reason=" + enc("忘记密码") + "&_csrf=" + csrf);
        assertThat(reset.statusCode()).isEqualTo(302);
        String page = sysadmin.get("/admin/users/" + id).body();
        assertThat(page).doesNotContain("one-time-password").contains("待安全管理员批准");
        assertThat(hash(id)).isEqualTo(hashBefore);
        long requestId = jdbc.sql("SELECT id FROM admin_account_request WHERE target_user_id = :id AND state = 'PENDING'")
                .param("id", id).query(Long.class).single();

        // the requester cannot approve his own request
        csrf = WebClient.csrfToken(sysadmin.get("/admin/users/" + id).body());
        assertThat(sysadmin.postForm("/security/account-requests/" + requestId + "/approval", "_csrf=" + csrf).statusCode())
                .isEqualTo(403);

        WebClient secadmin = signedIn("secadmin");
        String list = secadmin.get("/security/account-requests").body();
        assertThat(list).contains("auditor-two", "重置密码");
        csrf = WebClient.csrfToken(list);
        var approved = secadmin.postForm("/security/account-requests/" + requestId + "/approval", "_csrf=" + csrf);
        assertThat(approved.statusCode()).isEqualTo(302);
        var shown = ONE_TIME.matcher(secadmin.get("/security/account-requests").body());
        assertThat(shown.find()).isTrue();
        String password = shown.group(1).strip();
        assertThat(encoder.matches(password, hash(id))).isTrue();
        assertThat(sysadmin.get("/admin/users/" + id).body()).doesNotContain(password);
        assertThat(audited("ADMIN_ACCOUNT_REQUEST_APPROVED", "secadmin")).isPositive();
    }

    @Test
    void creatingAnAdministratorAccountWaitsForASecondAdministrator() {
        WebClient sysadmin = signedIn("sysadmin");
        String csrf = WebClient.csrfToken(sysadmin.get("/admin/users").body());
        var create = sysadmin.postForm("/admin/users", "username=shadow-admin&displayName=" + enc("影子") + "&role=SYSTEM_ADMIN"
                + "&divisionCode=410108&_csrf=" + csrf);
        assertThat(create.statusCode()).isEqualTo(302);
        assertThat(sysadmin.get("/admin/users").body()).doesNotContain("one-time-password").contains("shadow-admin");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'shadow-admin'").query(Long.class).single()).isZero();
        long requestId = jdbc.sql("SELECT id FROM admin_account_request WHERE username = 'shadow-admin'")
                .query(Long.class).single();

        WebClient secadmin = signedIn("secadmin");
        csrf = WebClient.csrfToken(secadmin.get("/security/account-requests").body());
        var rejected = secadmin.postForm("/security/account-requests/" + requestId + "/rejection",
                "reason=" + enc("无此岗位") + "&_csrf=" + csrf);
        assertThat(rejected.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'shadow-admin'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT state FROM admin_account_request WHERE id = :id").param("id", requestId)
                .query(String.class).single()).isEqualTo("REJECTED");
    }

    @Test
    void aBusinessUsersResetTakesEffectAtOnceButItsPasswordGoesToTheDistrictOffice() {
        long id = newUser("grid-reset", "GRID_MEMBER", "410108001001");
        WebClient sysadmin = signedIn("sysadmin");
        String csrf = WebClient.csrfToken(sysadmin.get("/admin/users/" + id).body());
        sysadmin.postForm("/admin/users/" + id + "/password-reset", "reason=" + enc("忘记密码") + "&_csrf=" + csrf);
        assertThat(ONE_TIME.matcher(sysadmin.get("/admin/users/" + id).body()).find()).isFalse();
        assertThat(encoder.matches(DEMO, hash(id))).isFalse();
        WebClient district = signedIn("district");
        long handover = jdbc.sql("SELECT id FROM credential_handover WHERE user_id = :id AND state = 'PENDING'").param("id", id)
                .query(Long.class).single();
        csrf = WebClient.csrfToken(district.get("/accounts/handovers").body());
        district.postForm("/accounts/handovers/" + handover + "/collection", "_csrf=" + csrf);
        var shown = ONE_TIME.matcher(district.get("/accounts/handovers").body());
        assertThat(shown.find()).isTrue();
        assertThat(encoder.matches(shown.group(1).strip(), hash(id))).isTrue();
    }

    private WebClient signedIn(String username) {
        WebClient client = new WebClient(port);
        client.login(username, DEMO);
        return client;
    }

    private long newUser(String username, String role, String division) {
        return jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role_code, division_code)
                        VALUES (:u, :u, :hash, :role, :division) RETURNING id
                        """)
                .param("u", username).param("hash", encoder.encode(DEMO)).param("role", role).param("division", division)
                .query(Long.class).single();
    }

    private String hash(long id) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id").param("id", id).query(String.class).single();
    }

    private long audited(String action, String username) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND username = :u").param("a", action)
                .param("u", username).query(Long.class).single();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
