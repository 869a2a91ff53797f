package org.qingyuan.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.ReportDuty;
import org.qingyuan.policy.ReportPeriod;
import org.qingyuan.policy.WorkingDays;
import org.qingyuan.reporting.internal.ReportingSweep;
import org.qingyuan.support.Browser;
import org.qingyuan.support.BrowserTest;
import org.qingyuan.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A town liaison, on a phone, prepares and submits the monthly report in two clicks (plus its summary and sealed
 * scan); the district office sees it, receives it, and sees another town's report of the last period late.
 */
class ReportingBrowserTests extends BrowserTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @Autowired MutableClock clock;
    @Autowired Policies policies;
    @Autowired WorkingDays workingDays;
    @Autowired ReportingSweep sweep;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTownSubmitsItsMonthlyReportAndTheDistrictReceivesItAndSeesWhoIsLate() throws Exception {
        // the second day of the current period: the last period's due date has passed
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        ReportDuty duty = policies.active().orElseThrow().report("monthly-ledger").orElseThrow();
        ReportPeriod current = duty.periodContaining(today, workingDays.calendar());
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, current.start().plusDays(1))));
        sweep.sweep(current.start().plusDays(1));
        Path scan = Files.createTempFile("sealed", ".pdf");
        Files.writeString(scan, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

        WebDriver phone = browser.open(375, 812);
        Browser.signIn(phone, port, "town");
        phone.get(url("/reports"));
        WebElement round = wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".round")));
        assertThat(round.getText()).contains(current.label());
        round.findElement(By.cssSelector("tr[data-unit='410108001'] a")).click();
        wait(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("prepare")));
        click(phone, phone.findElement(By.id("prepare")));
        wait(phone).until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "已按台账生成报表"));
        assertThat(phone.findElement(By.id("files")).getText()).contains("台账报表");

        phone.findElement(By.id("summary")).sendKeys("本月新发现企业均已登记，关停取缔类企业已落实两断三清。");
        click(phone, phone.findElement(By.id("save-summary")));
        wait(phone).until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "工作总结已保存"));
        phone.findElement(By.id("scan")).sendKeys(scan.toString());
        click(phone, phone.findElement(By.id("upload-scan")));
        wait(phone).until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "盖章扫描件已上传"));
        click(phone, phone.findElement(By.id("submit")));
        wait(phone).until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "已报送"));
        assertThat(phone.findElement(By.id("state")).getText()).isEqualTo("已报送");
        assertThat(phone.findElement(By.id("seal-check")).getText()).isEqualTo("校验通过");
        assertThat(phone.findElement(By.id("files")).getText()).contains("工作总结", "盖章扫描件");
        assertThat(phone.findElements(By.id("prepare"))).as("frozen: nothing to change").isEmpty();
        assertNoHorizontalScroll(phone);
        browser.screenshot("reporting-town-phone-submitted");

        WebDriver office = browser.open(1280, 900);
        Browser.signIn(office, port, "district");
        office.get(url("/reports"));
        List<WebElement> rounds = wait(office).until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector(".round")));
        WebElement town = rounds.get(0).findElement(By.cssSelector("tr[data-unit='410108001']"));
        assertThat(town.getText()).contains("已报送");
        assertThat(rounds.get(1).findElements(By.cssSelector("tr.table-danger")))
                .as("another town never made the last period's report").isNotEmpty()
                .allSatisfy(row -> assertThat(row.getText()).contains("逾期未报"));
        browser.screenshot("reporting-district-overview");

        click(office, town.findElement(By.tagName("a")));
        wait(office).until(ExpectedConditions.presenceOfElementLocated(By.id("receive")));
        click(office, office.findElement(By.id("receive")));
        wait(office).until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "已接收"));
        office.get(url("/reports"));
        assertThat(wait(office).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".round tr[data-unit='410108001']")))
                .getText()).contains("已接收");
    }
}
