package org.qingyuan.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.qingyuan.support.Browser;
import org.qingyuan.support.BrowserTest;

/**
 * A new district office user finds last quarter's published ranking from the menu, recomputes it from the frozen
 * inputs, and records a summons with its evidence; a town's officer on a phone sees the ranking and his row.
 */
class AssessmentBrowserTests extends BrowserTest {

    @Test
    void theOfficeRecomputesLastQuartersRankingAndRecordsASummonsAndATownSeesItsRank() {
        WebDriver office = browser.open(1280, 2000);
        Browser.signIn(office, port, "district");
        office.get(url("/"));
        click(office, office.findElement(By.linkText("季度考核")));
        wait(office).until(ExpectedConditions.presenceOfElementLocated(By.id("quarters")));
        click(office, office.findElement(By.xpath("//table[@id='quarters']//tr[.//span[contains(., '已通报')]]//a")));
        wait(office).until(ExpectedConditions.presenceOfElementLocated(By.id("ranking")));
        assertThat(office.findElement(By.id("quarter-state")).getText()).isEqualTo("已通报");
        assertThat(office.findElements(By.cssSelector("#ranking tbody tr"))).hasSizeGreaterThan(1);
        assertThat(office.findElement(By.id("ranking")).getText()).contains("无数据");
        assertThat(office.findElement(By.id("inputs-digest")).getText()).startsWith("SM3 ");
        assertThat(office.findElements(By.id("bulletin"))).hasSize(1);
        click(office, office.findElement(By.id("recompute")));
        wait(office).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "完全一致"));
        browser.screenshot("assessment-ranking");

        click(office, office.findElement(By.cssSelector("#record-form-card summary")));
        new Select(office.findElement(By.id("r-kind"))).selectByVisibleText("约谈");
        new Select(office.findElement(By.id("r-unit"))).selectByIndex(1);
        click(office, office.findElement(By.id("record-save")));
        wait(office).until(ExpectedConditions.presenceOfElementLocated(By.id("form-error")));
        assertThat(office.findElement(By.id("form-error")).getText()).contains("事由").contains("依据");
        click(office, office.findElement(By.cssSelector("#record-form-card summary")));
        new Select(office.findElement(By.id("r-kind"))).selectByVisibleText("约谈");
        new Select(office.findElement(By.id("r-unit"))).selectByIndex(1);
        office.findElement(By.id("r-reason")).sendKeys("排名靠后且逾期未完成整治，约谈分管负责同志");
        office.findElement(By.id("r-evidence")).sendKeys("逾期未完成整治 | /cases/1");
        click(office, office.findElement(By.id("record-save")));
        wait(office).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "约谈记录"));
        assertThat(office.findElement(By.id("records")).getText()).contains("约谈分管负责同志").contains("通报批评");
        browser.screenshot("assessment-records");

        WebDriver town = browser.open(375, 812);
        Browser.signIn(town, port, "town");
        town.get(url("/assessment"));
        wait(town).until(ExpectedConditions.presenceOfElementLocated(By.id("quarters")));
        assertThat(town.findElement(By.id("quarters")).getText()).contains("第 ").contains(" 名");
        assertThat(town.findElements(By.id("freeze"))).isEmpty();
        assertNoHorizontalScroll(town);
        browser.screenshot("assessment-town-phone");
    }
}
