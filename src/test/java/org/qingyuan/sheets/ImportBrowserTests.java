package org.qingyuan.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qingyuan.support.Browser;
import org.qingyuan.support.BrowserTest;

/** On a phone, a town officer uploads a messy ledger, watches the progress bar and downloads the report. */
class ImportBrowserTests extends BrowserTest {

    @Test
    void uploadWatchTheProgressAndDownloadTheReport() throws Exception {
        Path file = Files.createTempFile("新城街道排查台账", ".xlsx");
        Files.write(file, MessyLedgers.surveyLedger("B" + UUID.randomUUID().toString().substring(0, 5)));
        WebDriver page = browser.open(375, 812);
        Browser.signIn(page, port, "district");
        page.findElement(By.cssSelector("[data-bs-target='#side-menu']")).click();
        wait(page).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#side-menu a[href='/imports']"))).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Excel 导入台账"));
        assertThat(page.findElement(By.id("template-link")).getAttribute("href")).endsWith("/api/v1/imports/template.xlsx");

        page.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        page.findElement(By.id("layout-survey-ledger")).click();
        page.findElement(By.id("mode-valid-rows")).click();
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView(true);", page.findElement(By.id("start-import")));
        page.findElement(By.id("start-import")).click();

        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("progress")));
        assertThat(page.findElement(By.cssSelector("#progress .progress-bar"))).isNotNull();
        new WebDriverWait(page, Duration.ofSeconds(60)).until(d -> "COMMITTED".equals(
                d.findElement(By.id("progress")).getAttribute("data-state")));
        assertThat(page.findElement(By.id("job-state")).getText()).isEqualTo("已导入");
        assertThat(page.findElement(By.id("count-accepted")).getText()).isEqualTo("7");
        assertThat(page.findElement(By.id("count-rejected")).getText()).isEqualTo("2");
        assertThat(page.findElement(By.id("count-duplicates")).getText()).isEqualTo("1");
        assertThat(page.findElement(By.id("row-table")).getText()).contains("所在村组").contains("不存在村");
        assertNoHorizontalScroll(page);
        browser.screenshot("import-result-phone");

        String href = page.findElement(By.id("report-link")).getAttribute("href");
        @SuppressWarnings("unchecked")
        List<Object> download = (List<Object>) ((JavascriptExecutor) page).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done([r.status, r.headers.get('content-type'),
                    r.headers.get('content-disposition'), b.byteLength, String.fromCharCode(...new Uint8Array(b.slice(0, 2)))])));
                """, href);
        assertThat(download.get(0)).isEqualTo(200L);
        assertThat((String) download.get(1)).contains("spreadsheetml");
        assertThat((String) download.get(2)).contains("attachment");
        assertThat((Long) download.get(3)).isGreaterThan(1000L);
        assertThat(download.get(4)).as("a zip (xlsx)").isEqualTo("PK");
    }
}
