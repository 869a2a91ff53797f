package org.qingyuan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.qingyuan.policy.Policies;
import org.qingyuan.support.Browser;
import org.qingyuan.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The district office, on a phone, reads a demo enterprise's classification, records the notice date and decides 一企一策. */
class ClassificationBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Policies policies;

    @Test
    void onAPhoneTheDistrictReadsTheClassificationAndDecidesOneEnterpriseOnePolicy() {
        long id = jdbc.sql("""
                SELECT c.enterprise_id FROM enterprise_classification c JOIN enterprise e ON e.id = c.enterprise_id
                  JOIN classification_record r ON r.id = c.current_id
                 WHERE e.status = 'ACTIVE' AND c.override_id IS NULL AND r.measure_label IS NOT NULL
                 ORDER BY c.enterprise_id LIMIT 1
                """).query(Long.class).single();
        WebDriver page = browser.open(375, 812);
        Browser.signIn(page, port, "district");
        page.get("http://localhost:" + port + "/enterprises/" + id);
        click(page, page.findElement(By.id("tab-classification")));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("classification-category")));
        assertThat(page.findElement(By.id("classification-policy")).getText()).as("classified under the active, latest version")
                .contains("huiji-2017 第 " + policies.get("huiji-2017").version() + " 版");
        assertThat(page.findElement(By.id("classification-explanation")).getText()).isNotBlank();
        assertThat(page.findElements(By.cssSelector("#classification-history .classification-record"))).isNotEmpty();
        assertNoHorizontalScroll(page);
        browser.screenshot("classification-phone");

        WebElement notice = page.findElement(By.id("notice-date"));
        ((JavascriptExecutor) page).executeScript("arguments[0].value = '2026-03-10';", notice);
        click(page, page.findElement(By.cssSelector("#notice-date-form button[type=submit]")));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "告知日期"));
        assertThat(page.findElement(By.id("classification-policy")).getText()).contains("告知日期 2026-03-10");

        new Select(page.findElement(By.id("measure-kind"))).selectByValue("SHUTDOWN");
        page.findElement(By.id("measure-label")).sendKeys("限期关停");
        page.findElement(By.id("override-reason")).sendKeys("多次整改不到位，研究决定关停");
        click(page, page.findElement(By.id("override-submit")));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "一企一策"));
        assertThat(page.findElement(By.id("classification-measure")).getText()).contains("限期关停", "一企一策", "计算结果：");
        assertThat(page.findElement(By.id("override-card")).getText()).contains("多次整改不到位");
        assertNoHorizontalScroll(page);
        browser.screenshot("classification-override-phone");
    }
}
