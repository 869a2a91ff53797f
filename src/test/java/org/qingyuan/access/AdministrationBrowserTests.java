package org.qingyuan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qingyuan.support.Browser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The three separated administrators at work in a real browser. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AdministrationBrowserTests {

    @RegisterExtension
    Browser browser = new Browser();

    @LocalServerPort
    int port;

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
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("one-time-password")));
        assertThat(page.findElement(By.id("one-time-password")).getText()).contains("wang.grid");
        assertThat(page.findElement(By.id("user-table")).getText()).contains("王网格", "网格员", "410108001002");
        browser.screenshot("admin-users");
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


    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait wait(WebDriver page) {
        return new WebDriverWait(page, Duration.ofSeconds(10));
    }
}
