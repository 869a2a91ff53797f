package org.qingyuan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The role editor cannot break the separation of the three administrators (三员分立). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AdministratorSeparationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachAdministrativePermissionBelongsToExactlyOneAdministratorRole() {
        for (Permission p : Permission.values()) {
            if (p.administrative()) {
                assertThat(p.owner()).as(p.name()).isNotNull();
                assertThat(p.owner().administrator()).as(p.name()).isTrue();
                assertThat(p.defaultRoles()).as(p.name()).containsExactly(p.owner());
            } else {
                assertThat(p.owner()).as(p.name()).isNull();
            }
        }
    }

    @Test
    void theSecurityAdminCannotChangeItsOwnRole() {
        WebClient secadmin = signedIn();
        var answer = save(secadmin, "SECURITY_ADMIN", List.of("ROLE_MANAGE", "ACCOUNT_UNLOCK", "SECURITY_POLICY_MANAGE",
                "AUDIT_READ", "USER_MANAGE", "TOKEN_MANAGE", "CONFIG_MANAGE"));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("不能修改本角色的权限");
        assertThat(grants("SECURITY_ADMIN")).doesNotContain("AUDIT_READ", "USER_MANAGE", "TOKEN_MANAGE", "CONFIG_MANAGE");
        assertThat(secadmin.get("/audit").statusCode()).isEqualTo(403);
        assertThat(refusals()).isPositive();
    }

    @Test
    void anAdministrativePermissionCannotBeGivenToAnotherAdministrator() {
        WebClient secadmin = signedIn();
        var answer = save(secadmin, "SYSTEM_ADMIN", List.of("USER_MANAGE", "TOKEN_MANAGE", "CONFIG_MANAGE", "AUDIT_READ"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("查看审计记录", "属于审计员");
        assertThat(grants("SYSTEM_ADMIN")).doesNotContain("AUDIT_READ");

        answer = save(secadmin, "AUDITOR", List.of("AUDIT_READ", "ROLE_MANAGE"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("角色权限管理", "属于安全管理员");
        assertThat(grants("AUDITOR")).containsExactly("AUDIT_READ");
    }

    @Test
    void theAuditorsReadOfTheTrailCannotBeRemoved() {
        WebClient secadmin = signedIn();
        long before = refusals();
        var answer = save(secadmin, "AUDITOR", List.of());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("审计员的“查看审计记录”权限不能移除");
        assertThat(grants("AUDITOR")).containsExactly("AUDIT_READ");
        assertThat(refusals()).isGreaterThan(before);

        WebClient auditor = new WebClient(port);
        auditor.login("auditor", "Qingyuan@2026");
        assertThat(auditor.get("/audit").statusCode()).isEqualTo(200);
    }

    @Test
    void businessRolesStayEditable() {
        WebClient secadmin = signedIn();
        List<String> leader = grants("LEADER");
        var answer = save(secadmin, "LEADER", leader.stream().filter(p -> !p.equals("LEDGER_EXPORT")).toList());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(grants("LEADER")).doesNotContain("LEDGER_EXPORT");
        assertThat(save(secadmin, "LEADER", leader).statusCode()).isEqualTo(302);
        assertThat(grants("LEADER")).containsExactlyInAnyOrderElementsOf(leader);
    }

    @Test
    void theDatabaseRefusesACrossGrantWhateverTheCode() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "INSERT INTO role_permission (role_code, permission) VALUES ('SECURITY_ADMIN', 'AUDIT_READ')").update())
                .hasMessageContaining("AUDIT_READ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "DELETE FROM role_permission WHERE role_code = 'AUDITOR' AND permission = 'AUDIT_READ'").update())
                .hasMessageContaining("AUDIT_READ");
    }

    private WebClient signedIn() {
        WebClient secadmin = new WebClient(port);
        secadmin.login("secadmin", "Qingyuan@2026");
        return secadmin;
    }

    private java.net.http.HttpResponse<String> save(WebClient client, String role, List<String> permissions) {
        String csrf = WebClient.csrfToken(client.get("/security/roles").body());
        StringBuilder form = new StringBuilder("reason=" + URLEncoder.encode("岗位调整", StandardCharsets.UTF_8) + "&_csrf=" + csrf);
        permissions.forEach(p -> form.append("&permissions=").append(p));
        return client.postForm("/security/roles/" + role, form.toString());
    }

    private List<String> grants(String role) {
        return jdbc.sql("SELECT permission FROM role_permission WHERE role_code = :r ORDER BY permission").param("r", role)
                .query(String.class).list();
    }

    private long refusals() {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'ROLE_PERMISSIONS_REFUSED' AND outcome = 'DENIED' "
                + "AND username = 'secadmin'").query(Long.class).single();
    }
}
