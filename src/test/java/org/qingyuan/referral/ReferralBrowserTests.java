package org.qingyuan.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qingyuan.support.Browser;
import org.qingyuan.support.BrowserTest;

/**
 * As `env-dept` on a phone: the queue shows the overdue referral in red; the officer answers the accepted one with a
 * document; the district office confirms it.
 */
class ReferralBrowserTests extends BrowserTest {

    @Test
    void theEnvironmentDepartmentAnswersFromItsQueueAndTheDistrictConfirms() throws Exception {
        Path pdf = Files.createTempFile("answer", ".pdf");
        Files.write(pdf, "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

        WebDriver env = browser.open(375, 812);
        Browser.signIn(env, port, "env-dept");
        env.get(url("/departments/queue"));
        wait(env).until(ExpectedConditions.presenceOfElementLocated(By.id("queue-referrals")));
        assertThat(env.findElements(By.cssSelector("#queue-referrals tr.table-danger"))).as("the overdue referral").isNotEmpty();
        assertThat(env.findElement(By.id("queue-operations")).getText()).contains("联合执法行动");
        assertNoHorizontalScroll(env);
        browser.screenshot("referral-queue-phone");
        click(env, env.findElement(By.xpath("//tr[contains(@class,'referral')][contains(., '夜间异味')]//a")));
        wait(env).until(ExpectedConditions.presenceOfElementLocated(By.id("answer-form")));
        String path = env.getCurrentUrl().replaceAll("^https?://[^/]+", "");
        env.findElement(By.id("answer")).sendKeys("已现场检查，系露天焚烧垃圾，已责令清理并立案");
        env.findElement(By.id("answer-files")).sendKeys(pdf.toAbsolutePath().toString());
        click(env, env.findElement(By.cssSelector("#answer-form button[type=submit]")));
        wait(env).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已答复"));
        assertThat(env.findElement(By.id("referral-state")).getText()).isEqualTo("已答复");

        WebDriver office = browser.open(1280, 900);
        Browser.signIn(office, port, "district");
        office.get(url(path));
        wait(office).until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-form")));
        click(office, office.findElement(By.cssSelector("#confirm-form button")));
        wait(office).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已确认"));
        assertThat(office.findElement(By.id("referral-state")).getText()).isEqualTo("已确认");
        browser.screenshot("referral-confirmed");
    }
}
