package org.qingyuan.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.qingyuan.support.Browser;
import org.qingyuan.support.BrowserTest;

/** A district official opens the Shuimogou plan, reads its rules and tries an enterprise's facts. */
class PolicyBrowserTests extends BrowserTest {

    @Test
    void officialEvaluatesAnEnterpriseOutsideTheSecondRingRoad() {
        WebDriver page = browser.open(1280, 900);
        Browser.signIn(page, port, "district");
        page.findElement(By.linkText("实施方案")).click();
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("policy-list")));
        page.findElement(By.cssSelector("[data-policy='shuimogou-2017']")).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("policy-title"), "水磨沟区"));
        assertThat(page.findElement(By.cssSelector("[data-category='散乱污']")).getText())
                .contains("2017年10月底前完成关停工作", "附件1 第7项 二环路以内");

        choose(page, "fact-conformsToPlanning", "false");
        choose(page, "fact-hasFireApproval", "false");
        choose(page, "fact-hasEiaApproval", "true");
        choose(page, "fact-hasPlanningApproval", "true");
        choose(page, "fact-hasBusinessLicence", "true");
        choose(page, "fact-hasIllegalBuildings", "false");
        choose(page, "fact-emissionsOverStandard", "false");
        page.findElement(By.id("fact-industry")).sendKeys("铸造");
        choose(page, "zone", "outside-second-ring");
        ((JavascriptExecutor) page).executeScript("document.getElementById('noticeDate').value = '2017-10-09';");
        page.findElement(By.id("evaluate-button")).click();

        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-category"), "散乱"));
        assertThat(page.findElement(By.id("result-category")).getText()).isEqualTo("散乱");
        assertThat(page.findElement(By.id("result-deadlines")).getText()).contains("2018-01-09", "2019-09-30");
        assertThat(page.findElement(By.id("result-explanation")).getText()).contains("“乱”成立：有无消防手续：无");
        assertThat(page.getCurrentUrl()).as("htmx swapped the result in place").endsWith("/policies/shuimogou-2017");
        browser.screenshot("policy-evaluation");

        choose(page, "fact-conformsToPlanning", "");
        page.findElement(By.id("evaluate-button")).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-category"), "UNDETERMINED"));
        assertThat(page.findElement(By.id("result-questions")).getText()).contains("是否符合产业政策及当地产业布局规划");
    }

    @Test
    void onAPhoneThePlanShowsItsReportCalendarWithoutSidewaysScrolling() {
        WebDriver page = browser.open(375, 812);
        Browser.signIn(page, port, "district");
        page.get(url("/policies/huiji-2017"));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("policy-reports")));
        assertThat(page.findElement(By.cssSelector("[data-report='monthly-ledger']")).getText())
                .contains("惠济区小散乱污企业排查台账", "各镇（街道）", "每月23日", "提前至前一个工作日", "3 个工作日", "三(三)");
        assertThat(page.findElement(By.cssSelector("[data-report='weekly-bulletin']")).getText()).contains("区本级", "每周日");
        assertNoHorizontalScroll(page);
        ((JavascriptExecutor) page).executeScript("document.getElementById('policy-reports').scrollIntoView({block: 'start', behavior: 'instant'});");
        browser.screenshot("policy-reports-phone");
    }

    private static void choose(WebDriver page, String id, String value) {
        new Select(page.findElement(By.id(id))).selectByValue(value);
    }
}
