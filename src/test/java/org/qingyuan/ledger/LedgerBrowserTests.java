package org.qingyuan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.support.Browser;
import org.qingyuan.support.BrowserTest;

/** A village officer, on a phone, registers a workshop, finds it in the list, adds a photo and reads its history. */
class LedgerBrowserTests extends BrowserTest {

    @Test
    void onAPhoneAnOfficerRegistersAWorkshopUploadsAPhotoAndSeesTheHistory() throws Exception {
        WebDriver page = browser.open(375, 812);
        Browser.signIn(page, port, "village");
        String name = "手机登记喷漆作坊" + System.nanoTime() % 100000;

        page.get(url("/enterprises/new"));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("enterprise-form")));
        page.findElement(By.id("name")).sendKeys(name);
        assertThat(new Select(page.findElement(By.id("divisionCode"))).getFirstSelectedOption().getText()).contains("金河社区");
        page.findElement(By.id("address")).sendKeys("金河路26号院内");
        page.findElement(By.id("contactPhone")).sendKeys("139 0371 0000");
        page.findElement(By.id("employees")).sendKeys("4");
        new Select(page.findElement(By.id("industry"))).selectByValue("SPRAY_PAINTING");
        click(page, page.findElement(By.cssSelector("label[for='fact-emissionsOverStandard-yes']")));
        click(page, page.findElement(By.cssSelector("label[for='fact-hasEiaApproval-no']")));
        assertNoHorizontalScroll(page);
        browser.screenshot("ledger-form-phone");
        click(page, page.findElement(By.id("save")));

        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("enterprise-name"), name));
        assertThat(page.findElement(By.id("flash")).getText()).contains("已登记");
        assertThat(page.findElement(By.id("contact-phone")).getText()).isEqualTo("13903710000");
        assertThat(page.findElement(By.id("facts-table")).getText()).contains("污染物排放超标 是");

        page.get(url("/enterprises?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("enterprise-list"), name));
        assertThat(page.findElement(By.id("result-count")).getText()).contains("共 1 家");
        assertNoHorizontalScroll(page);
        click(page, page.findElement(By.cssSelector("#enterprise-list .enterprise-row")));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("enterprise-name"), name));

        click(page, page.findElement(By.id("tab-dossier")));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
        Path photo = Files.createTempFile("site-", ".jpg");
        Files.write(photo, DemoPhotos.sitePhoto(false, 3, "phone", Instant.parse("2026-05-04T01:02:00Z"), 34.8601, 113.6102));
        page.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        new Select(page.findElement(By.id("category"))).selectByValue("BEFORE");
        click(page, page.findElement(By.id("upload")));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#photos img")));
        assertThat(page.findElement(By.id("flash")).getText()).contains("已上传");
        assertThat(page.findElement(By.cssSelector("#photos .exif-time")).getText()).contains("2026-05-04 09:02");
        assertThat(page.findElement(By.cssSelector("#photos .exif-place")).getText()).contains("34.86010");
        click(page, page.findElement(By.cssSelector("#photos img")).findElement(By.xpath("..")), false);
        wait(page).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const i = document.querySelector('#photos img'); return i.complete && i.naturalWidth > 0;"));
        browser.screenshot("ledger-dossier-phone");

        click(page, page.findElement(By.id("edit")));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("reason")));
        WebElement employees = page.findElement(By.id("employees"));
        employees.clear();
        employees.sendKeys("6");
        page.findElement(By.id("reason")).sendKeys("现场复核人数");
        click(page, page.findElement(By.id("save")));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("employees"), "6"));

        click(page, page.findElement(By.id("tab-history")));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("history-tab")));
        String history = page.findElement(By.id("history-tab")).getText();
        assertThat(history).contains("修改", "现场复核人数", "用工人数", "4", "6", "登记");
        assertNoHorizontalScroll(page);
        browser.screenshot("ledger-history-phone");
    }

    /** Scrolls the element into view (instantly: Bootstrap makes scrolling smooth) and clicks it, or only scrolls. */
    private void click(WebDriver page, WebElement element, boolean click) {
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        if (click) {
            element.click();
        }
    }
}
