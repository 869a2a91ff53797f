package org.qingyuan.gatekeeping;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The departments at work in the browser, on a phone: the power utility confirms a cut with its receipt, which records
 * the case's 断电; an officer looks a shut-down site up by its address and reads "禁止"; env-dept accepts a referral
 * from its queue.
 */
class DepartmentWorkBrowserTests extends BrowserTest {

    @Autowired JdbcClient jdbc;

    @Test
    void thePowerUtilityConfirmsACutWithItsReceipt() throws Exception {
        Path pdf = Files.createTempFile("receipt", ".pdf");
        Files.write(pdf, "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        WebDriver power = browser.open(375, 812);
        Browser.signIn(power, port, "power");
        power.get(url("/utility-orders"));
        wait(power).until(ExpectedConditions.presenceOfElementLocated(By.id("orders")));
        assertNoHorizontalScroll(power);
        click(power, power.findElement(By.xpath("//tr[contains(@class,'order')][contains(., '断电')][contains(., '待执行')]//a")));
        wait(power).until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-form")));
        power.findElement(By.id("document")).sendKeys(pdf.toAbsolutePath().toString());
        click(power, power.findElement(By.id("confirm")));
        wait(power).until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-state"), "已执行"));
        assertThat(power.findElement(By.id("case-item")).getText()).contains("断电");
        assertThat(power.findElement(By.id("files")).getText()).contains(".pdf");
        browser.screenshot("utility-cut-confirmed-phone");
    }

    @Test
    void anOfficerLooksUpAShutDownSiteByItsAddressAndReadsBanned() {
        String address = jdbc.sql("""
                SELECT e.address FROM rectification_case c JOIN enterprise e ON e.id = c.enterprise_id
                 WHERE c.measure = 'SHUTDOWN' AND c.state = 'CLOSED_OUT' AND e.status = 'ACTIVE'
                   AND e.division_code LIKE '410108%' AND e.address IS NOT NULL
                 ORDER BY e.id LIMIT 1
                """).query(String.class).single();
        WebDriver env = browser.open(375, 812);
        Browser.signIn(env, port, "env-dept");
        env.get(url("/gatekeeping"));
        wait(env).until(ExpectedConditions.presenceOfElementLocated(By.id("lookup-form")));
        env.findElement(By.id("address")).sendKeys(address);
        click(env, env.findElement(By.id("lookup")));
        wait(env).until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
        assertThat(env.findElement(By.id("verdict")).getText()).contains("禁止").contains("关停取缔");
        assertNoHorizontalScroll(env);
        browser.screenshot("gatekeeping-banned-phone");
    }

    @Test
    void theEnvironmentDepartmentAcceptsAReferralFromItsQueue() {
        WebDriver env = browser.open(375, 812);
        Browser.signIn(env, port, "env-dept");
        env.get(url("/departments/queue"));
        wait(env).until(ExpectedConditions.presenceOfElementLocated(By.id("queue-referrals")));
        assertThat(env.findElement(By.tagName("h1")).getText()).contains("生态环境");
        assertNoHorizontalScroll(env);
        click(env, env.findElement(By.xpath("//tr[contains(@class,'referral')][contains(., '已移交')]//a")));
        wait(env).until(ExpectedConditions.presenceOfElementLocated(By.id("accept-form")));
        click(env, env.findElement(By.cssSelector("#accept-form button[type=submit]")));
        wait(env).until(ExpectedConditions.textToBePresentInElementLocated(By.id("referral-state"), "办理中"));
        assertThat(env.findElements(By.id("answer-form"))).as("accepted: the answer form is offered").isNotEmpty();
        browser.screenshot("referral-accepted-phone");
    }

    @Test
    void theDistrictOfficeEditsARedLineOnAPhoneWithAReason() {
        WebDriver office = browser.open(375, 812);
        Browser.signIn(office, port, "district");
        office.get(url("/red-lines"));
        wait(office).until(ExpectedConditions.presenceOfElementLocated(By.id("areas")));
        assertNoHorizontalScroll(office);
        click(office, office.findElement(By.cssSelector("#areas tr.area details.red-line-edit summary")));
        var form = office.findElement(By.cssSelector("#areas tr.area details.red-line-edit form"));
        var name = form.findElement(By.name("name"));
        name.clear();
        name.sendKeys("饮用水源保护区禁入红线（扩大）");
        form.findElement(By.name("reason")).sendKeys("区政府扩大水源保护范围");
        click(office, form.findElement(By.cssSelector("button[type=submit]")));
        wait(office).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已修改禁入红线区域"));
        assertThat(office.findElement(By.id("areas")).getText()).contains("饮用水源保护区禁入红线（扩大）");
        assertThat(jdbc.sql("SELECT reason FROM audit_record WHERE action = 'RED_LINE_CHANGED' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).isEqualTo("区政府扩大水源保护范围");
        browser.screenshot("red-line-edited-phone");
    }
}
