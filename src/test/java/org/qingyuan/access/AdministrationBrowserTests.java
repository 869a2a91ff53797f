package org.qingyuan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.qingyuan.support.Browser;
import org.qingyuan.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The three separated administrators at work in a real browser. */
class AdministrationBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void systemAdminCreatesAUserAndTheAuditorFindsItInAnIntactTrail() {
        WebDriver page = browser.open(1280, 900);
        Browser.signIn(page, port, "sysadmin");
        assertThat(page.findElements(By.cssSelector("#side-menu a[href='/regions']"))).as("no business menu").isEmpty();
        page.findElement(By.cssSelector("#side-menu a[href='/admin/users']")).click();
        page.findElement(By.cssSelector("details summary")).click();
        page.findElement(By.id("username")).sendKeys("wang.grid");
        page.findElement(By.id("displayName")).sendKeys("王网格");
        new Select(page.findElement(By.id("role"))).selectByValue("GRID_MEMBER");
        page.findElement(By.id("divisionCode")).sendKeys("410108001002");
        page.findElement(By.cssSelector("#new-user button[type=submit]")).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "账号交付"));
        assertThat(page.findElements(By.id("one-time-password"))).as("the system admin never sees it").isEmpty();
        assertThat(page.findElement(By.id("user-table")).getText()).contains("王网格", "网格员", "410108001002");
        browser.screenshot("admin-users");
        page.findElement(By.cssSelector("header form button")).click();

        Browser.signIn(page, port, "district");
        click(page, page.findElement(By.cssSelector("#side-menu a[href='/accounts/handovers']")));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("handovers"), "wang.grid"));
        page.findElement(By.xpath("//tr[contains(., 'wang.grid')]//button")).click();
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("one-time-password")));
        String password = page.findElement(By.cssSelector("#one-time-password code")).getText().strip();
        assertThat(encoder.matches(password, jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'wang.grid'")
                .query(String.class).single())).isTrue();
        browser.screenshot("account-handovers");
        page.navigate().refresh();
        assertThat(page.findElements(By.id("one-time-password"))).as("shown once").isEmpty();
        page.findElement(By.cssSelector("header form button")).click();

        Browser.signIn(page, port, "auditor");
        page.findElement(By.cssSelector("#side-menu a[href='/audit']")).click();
        page.findElement(By.id("action")).sendKeys("USER_CREATED");
        page.findElement(By.cssSelector("#audit-filter button")).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-records"), "sysadmin"));
        browser.screenshot("audit-records");
        page.findElement(By.linkText("校验哈希链")).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("verification-result"), "审计记录完整"));
    }

    @Test
    void aBusinessUserCannotOpenTheAdministrationPages() {
        WebDriver page = browser.open(1280, 900);
        Browser.signIn(page, port, "town");
        page.get(url("/admin/users"));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
    }

    @Test
    void anAdministratorsPasswordResetIsApprovedByTheSecurityAdminAndNoPageBreaksTheStylePolicy() {
        long id = jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role_code, division_code)
                        VALUES ('auditor-b', '审计员乙', :h, 'AUDITOR', '410108') RETURNING id
                        """).param("h", encoder.encode("Qingyuan@2026")).query(Long.class).single();
        ChromeDriver page = browser.open(1280, 900);
        page.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.cspViolations = []; document.addEventListener('securitypolicyviolation',"
                        + " e => window.cspViolations.push(e.violatedDirective + ' ' + e.sourceFile + ':' + e.lineNumber));"));
        Browser.signIn(page, port, "sysadmin");
        page.get(url("/admin/users/" + id));
        assertNoCspViolations(page);
        page.findElement(By.id("reset-reason")).sendKeys("忘记密码");
        page.findElement(By.cssSelector("#reset-password button[type=submit]")).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "待安全管理员批准"));
        assertThat(page.findElements(By.id("one-time-password"))).isEmpty();
        assertNoCspViolations(page);
        page.findElement(By.cssSelector("header form button")).click();

        Browser.signIn(page, port, "secadmin");
        page.findElement(By.cssSelector("#side-menu a[href='/security/account-requests']")).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-requests"), "审计员乙"));
        page.findElement(By.cssSelector("#account-requests button.btn-qy")).click();
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("one-time-password")));
        assertThat(page.findElement(By.id("one-time-password")).getText()).contains("新密码");
        browser.screenshot("admin-account-requests");
        assertNoCspViolations(page);
        page.get(url("/security/roles"));
        page.findElement(By.cssSelector("button[data-bs-target='#perm-AUDITOR']")).click();
        wait(page).until(ExpectedConditions.visibilityOfElementLocated(By.id("AUDITOR-AUDIT_READ")));
        assertThat(page.findElement(By.id("AUDITOR-AUDIT_READ")).isEnabled()).isFalse();
        assertNoCspViolations(page);
    }

    private static void assertNoCspViolations(ChromeDriver page) {
        assertThat((java.util.List<?>) page.executeScript("return window.cspViolations || []")).as(page.getCurrentUrl()).isEmpty();
    }
}
