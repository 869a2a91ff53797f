package org.qingyuan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
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
 * The system administrator never sees the one-time password of a business account he creates or
 * resets; the district office of its jurisdiction collects it once and hands it over. Changing an administrator's
 * account (disable, re-bind) waits for the security admin.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CredentialHandoverTests {

    static final String DEMO = "Qingyuan@2026";
    static final Pattern ONE_TIME = Pattern.compile("id=\"one-time-password\"[^>]*>[^<]*<code[^>]*>([^<]+)</code>");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void aNewTownOfficersPasswordIsCollectedOnceByTheDistrictOfficeNeverShownToTheSystemAdmin() {
        WebClient sysadmin = signedIn("sysadmin");
        String csrf = WebClient.csrfToken(sysadmin.get("/admin/users").body());
        var create = sysadmin.postForm("/admin/users", "username=town-new&displayName=" + enc("新镇街") + "&role=TOWN_OFFICER"
                + "&divisionCode=410108001&_csrf=" + csrf);
        assertThat(create.statusCode()).isEqualTo(302);
        String after = sysadmin.get(create.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body();
        assertThat(after).doesNotContain("one-time-password").contains("区办", "账号交付");
        long userId = userId("town-new");
        long handover = pendingHandover(userId);

        // another district's office and a town officer cannot collect it
        long other = newUser("district-elsewhere", "DISTRICT_OFFICE", "410102");
        WebClient elsewhere = signedIn("district-elsewhere");
        assertThat(elsewhere.get("/accounts/handovers").body()).doesNotContain("town-new");
        csrf = WebClient.csrfToken(elsewhere.get("/accounts/handovers").body());
        assertThat(elsewhere.postForm("/accounts/handovers/" + handover + "/collection", "_csrf=" + csrf).statusCode())
                .isEqualTo(404);
        WebClient town = signedIn("town");
        assertThat(town.get("/accounts/handovers").statusCode()).isEqualTo(403);
        csrf = WebClient.csrfToken(town.get("/").body());
        assertThat(town.postForm("/accounts/handovers/" + handover + "/collection", "_csrf=" + csrf).statusCode()).isEqualTo(403);
        assertThat(other).isPositive();

        WebClient district = signedIn("district");
        String list = district.get("/accounts/handovers").body();
        assertThat(list).contains("town-new", "新镇街", "sysadmin");
        String password = collect(district, handover);
        assertThat(encoder.matches(password, hash(userId))).isTrue();
        assertThat(sysadmin.get("/admin/users/" + userId).body()).doesNotContain(password).contains("district");
        assertThat(district.get("/accounts/handovers").body()).doesNotContain(password);

        // a second collection fails and does not change the password
        String hashAfter = hash(userId);
        csrf = WebClient.csrfToken(district.get("/accounts/handovers").body());
        var again = district.postForm("/accounts/handovers/" + handover + "/collection", "_csrf=" + csrf);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("已领取").doesNotContain("one-time-password");
        assertThat(hash(userId)).isEqualTo(hashAfter);

        // the new officer signs in with it and must change it first
        WebClient officer = new WebClient(port);
        officer.login("town-new", password);
        assertThat(officer.get("/regions").headers().firstValue("Location").orElseThrow()).endsWith("/account/password");

        assertThat(audited("CREDENTIAL_HANDOVER_FILED", "sysadmin", handover)).isOne();
        assertThat(audited("CREDENTIAL_COLLECTED", "district", handover)).isOne();
    }

    @Test
    void aNewDistrictOfficeAccountIsHandedOverTooAndTheSystemAdminCannotSignInWithAnythingHeSaw() {
        WebClient sysadmin = signedIn("sysadmin");
        String csrf = WebClient.csrfToken(sysadmin.get("/admin/users").body());
        var create = sysadmin.postForm("/admin/users", "username=district-new&displayName=" + enc("区办乙") + "&role=DISTRICT_OFFICE"
                + "&divisionCode=410108&_csrf=" + csrf);
        assertThat(create.statusCode()).isEqualTo(302);
        assertThat(sysadmin.get("/admin/users").body()).doesNotContain("one-time-password");
        long userId = userId("district-new");
        String password = collect(signedIn("district"), pendingHandover(userId));
        WebClient newcomer = new WebClient(port);
        newcomer.login("district-new", password);
        assertThat(newcomer.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
    }

    @Test
    void resettingTheDistrictOfficesPasswordNeverShowsItToTheSystemAdmin() {
        long id = userId("district");
        String before = hash(id);
        WebClient sysadmin = signedIn("sysadmin");
        String csrf = WebClient.csrfToken(sysadmin.get("/admin/users/" + id).body());
        var reset = sysadmin.postForm("/admin/users/" + id + "/password-reset", "reason=" + enc("忘记密码") + "&_csrf=" + csrf);
        assertThat(reset.statusCode()).isEqualTo(302);
        assertThat(reset.body()).doesNotContain("one-time-password");
        assertThat(sysadmin.get("/admin/users/" + id).body()).doesNotContain("one-time-password");
        long handovers = jdbc.sql("SELECT count(*) FROM credential_handover WHERE user_id = :id AND state = 'PENDING'")
                .param("id", id).query(Long.class).single();
        long requests = jdbc.sql("SELECT count(*) FROM admin_account_request WHERE target_user_id = :id AND state = 'PENDING'")
                .param("id", id).query(Long.class).single();
        assertThat(handovers + requests).as("handed to another district office or to the security admin").isOne();
        if (handovers == 1) {
            assertThat(hash(id)).isNotEqualTo(before);
            assertThat(encoder.matches(DEMO, hash(id))).as("the old password stops working at once").isFalse();
        }
        // the demo account is shared by other tests: put its password back
        jdbc.sql("UPDATE app_user SET password_hash = :h, must_change_password = false WHERE id = :id")
                .param("h", before).param("id", id).update();
        jdbc.sql("UPDATE credential_handover SET state = 'SUPERSEDED' WHERE user_id = :id AND state = 'PENDING'").param("id", id).update();
        jdbc.sql("UPDATE admin_account_request SET state = 'REJECTED' WHERE target_user_id = :id AND state = 'PENDING'").param("id", id).update();
    }

    @Test
    void aGridMembersResetIsCollectedByTheDistrictOfficeAndTheOldPasswordStopsAtOnce() {
        long id = newUser("grid-handover", "GRID_MEMBER", "410108001001");
        WebClient sysadmin = signedIn("sysadmin");
        String csrf = WebClient.csrfToken(sysadmin.get("/admin/users/" + id).body());
        sysadmin.postForm("/admin/users/" + id + "/password-reset", "reason=" + enc("忘记密码") + "&_csrf=" + csrf);
        assertThat(sysadmin.get("/admin/users/" + id).body()).doesNotContain("one-time-password").contains("待区办领取");
        assertThat(encoder.matches(DEMO, hash(id))).isFalse();
        String password = collect(signedIn("district"), pendingHandover(id));
        assertThat(encoder.matches(password, hash(id))).isTrue();
        assertThat(jdbc.sql("SELECT must_change_password FROM app_user WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void anExpiredHandoverCannotBeCollected() {
        long id = newUser("grid-expired", "GRID_MEMBER", "410108001001");
        WebClient sysadmin = signedIn("sysadmin");
        String csrf = WebClient.csrfToken(sysadmin.get("/admin/users/" + id).body());
        sysadmin.postForm("/admin/users/" + id + "/password-reset", "reason=" + enc("忘记密码") + "&_csrf=" + csrf);
        long handover = pendingHandover(id);
        jdbc.sql("UPDATE credential_handover SET expires_at = now() - interval '1 minute' WHERE id = :id").param("id", handover).update();
        String hashBefore = hash(id);
        WebClient district = signedIn("district");
        csrf = WebClient.csrfToken(district.get("/accounts/handovers").body());
        var late = district.postForm("/accounts/handovers/" + handover + "/collection", "_csrf=" + csrf);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("已过期");
        assertThat(hash(id)).isEqualTo(hashBefore);
    }

    @Test
    void disablingOrRebindingAnAdministratorWaitsForTheSecurityAdmin() {
        long id = newUser("auditor-three", "AUDITOR", "410108");
        WebClient sysadmin = signedIn("sysadmin");
        String csrf = WebClient.csrfToken(sysadmin.get("/admin/users/" + id).body());
        var disable = sysadmin.postForm("/admin/users/" + id + "/enabled", "enabled=false&reason=" + enc("离职") + "&_csrf=" + csrf);
        assertThat(disable.statusCode()).isEqualTo(302);
        assertThat(enabled(id)).isTrue();
        assertThat(sysadmin.get("/admin/users/" + id).body()).contains("待安全管理员批准");
        long request = jdbc.sql("SELECT id FROM admin_account_request WHERE target_user_id = :id AND state = 'PENDING' AND kind = 'DISABLE'")
                .param("id", id).query(Long.class).single();

        WebClient secadmin = signedIn("secadmin");
        csrf = WebClient.csrfToken(secadmin.get("/security/account-requests").body());
        assertThat(secadmin.postForm("/security/account-requests/" + request + "/approval", "_csrf=" + csrf).statusCode()).isEqualTo(302);
        assertThat(enabled(id)).isFalse();
        assertThat(secadmin.get("/security/account-requests").body()).doesNotContain("one-time-password");

        int version = jdbc.sql("SELECT version FROM app_user WHERE id = :id").param("id", id).query(Integer.class).single();
        csrf = WebClient.csrfToken(sysadmin.get("/admin/users/" + id).body());
        var rebind = sysadmin.postForm("/admin/users/" + id, "version=" + version + "&displayName=" + enc("审计员丙")
                + "&divisionCode=410108001&reason=" + enc("调岗") + "&_csrf=" + csrf);
        assertThat(rebind.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT division_code FROM app_user WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("410108");
        request = jdbc.sql("SELECT id FROM admin_account_request WHERE target_user_id = :id AND state = 'PENDING' AND kind = 'BIND'")
                .param("id", id).query(Long.class).single();
        csrf = WebClient.csrfToken(secadmin.get("/security/account-requests").body());
        secadmin.postForm("/security/account-requests/" + request + "/approval", "_csrf=" + csrf);
        assertThat(jdbc.sql("SELECT division_code FROM app_user WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("410108001");
    }

    private String collect(WebClient collector, long handover) {
        String csrf = WebClient.csrfToken(collector.get("/accounts/handovers").body());
        var collected = collector.postForm("/accounts/handovers/" + handover + "/collection", "_csrf=" + csrf);
        assertThat(collected.statusCode()).isEqualTo(302);
        String page = collector.get("/accounts/handovers").body();
        Matcher shown = ONE_TIME.matcher(page);
        assertThat(shown.find()).as(page).isTrue();
        assertThat(collector.get("/accounts/handovers").body()).as("shown once").doesNotContain("one-time-password");
        return shown.group(1).strip();
    }

    private long pendingHandover(long userId) {
        return jdbc.sql("SELECT id FROM credential_handover WHERE user_id = :id AND state = 'PENDING'").param("id", userId)
                .query(Long.class).single();
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

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    private boolean enabled(long id) {
        return jdbc.sql("SELECT enabled FROM app_user WHERE id = :id").param("id", id).query(Boolean.class).single();
    }

    private String hash(long id) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id").param("id", id).query(String.class).single();
    }

    private long audited(String action, String username, long handover) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND username = :u AND object_id = :id")
                .param("a", action).param("u", username).param("id", String.valueOf(handover)).query(Long.class).single();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
