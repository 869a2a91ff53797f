package org.qingyuan.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qingyuan.complaint.internal.PublicRateLimit;
import org.qingyuan.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A member of the public on a phone (375 px): files a complaint through the public form (the browser solves the proof of
 * work), keeps the tracking code, and follows it later by typing the code; the district office sees it masked.
 */
@TestPropertySource(properties = "qingyuan.complaint.challenge-bits=12")
class ComplaintBrowserTests extends BrowserTest {

    @Autowired PublicRateLimit limits;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aTapOnTheMapSetsThePointAndTheComplaintFilesWithIt() {
        limits.reset();
        WebDriver page = browser.open(375, 812);
        page.get(url("/report"));
        var map = wait(page).until(ExpectedConditions.visibilityOfElementLocated(By.id("report-map")));
        wait(page).until(ExpectedConditions.attributeToBe(By.id("report-map"), "data-outline", "true"));
        assertThat(map.getSize().getHeight()).isBetween(220, 260);
        assertNoHorizontalScroll(page);
        page.findElement(By.id("description")).sendKeys("院子里有人喷漆，没有任何环保设施");
        // a tap in the middle of the district (the outline fills the map)
        click(page, map);
        wait(page).until(ExpectedConditions.attributeToBeNotEmpty(map, "data-point"));
        double lat = Double.parseDouble(page.findElement(By.id("latitude")).getDomProperty("value"));
        double lon = Double.parseDouble(page.findElement(By.id("longitude")).getDomProperty("value"));
        assertThat(lat).isBetween(34.79, 34.98);
        assertThat(lon).isBetween(113.49, 113.80);
        assertThat(page.findElement(By.id("report-map-warning")).isDisplayed()).isFalse();
        // typed coordinates outside the district move the marker and warn; typed back, the warning goes
        var latField = page.findElement(By.id("latitude"));
        latField.clear();
        latField.sendKeys("39.9");
        wait(page).until(ExpectedConditions.visibilityOfElementLocated(By.id("report-map-warning")));
        latField.clear();
        latField.sendKeys(String.format(java.util.Locale.ROOT, "%.6f", lat));
        wait(page).until(ExpectedConditions.invisibilityOfElementLocated(By.id("report-map-warning")));
        click(page, page.findElement(By.id("submit-report")));
        String code = wait(page).until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code-new"))).getText();
        var filed = jdbc.sql("SELECT latitude, longitude FROM complaint WHERE tracking_code = ?").param(code)
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        assertThat(filed[0]).isCloseTo(lat, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(filed[1]).isCloseTo(lon, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aReporterFilesFromAPhoneAndFollowsTheComplaintByItsTrackingCode() {
        limits.reset();
        WebDriver page = browser.open(375, 812);
        page.get(url("/report"));
        assertNoHorizontalScroll(page);
        page.findElement(By.id("description")).sendKeys("晚上村口有人熔铝，冒黑烟，气味刺鼻");
        page.findElement(By.id("address")).sendKeys("村口废品站西侧");
        click(page, page.findElement(By.cssSelector("details summary")));
        page.findElement(By.id("phone")).sendKeys("13655556666");
        click(page, page.findElement(By.id("submit-report")));
        String code = wait(page).until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code-new"))).getText();
        assertThat(code).matches("JB-[A-Z0-9]{5}-[A-Z0-9]{5}");
        assertNoHorizontalScroll(page);

        // later: the reporter comes back with only the code, typed in lower case
        page.get(url("/track"));
        page.findElement(By.id("code")).sendKeys(code.toLowerCase());
        click(page, page.findElement(By.cssSelector("#track-form button")));
        wait(page).until(ExpectedConditions.textToBe(By.id("tracking-code"), code));
        assertThat(page.findElement(By.id("public-state")).getText()).isEqualTo("已受理");
        assertThat(page.getPageSource()).doesNotContain("13655556666").doesNotContain("136****6666");
        assertNoHorizontalScroll(page);

        // the district office sees it, the phone masked
        org.qingyuan.support.Browser.signIn(page, port, "district");
        page.get(url("/complaints"));
        click(page, page.findElement(By.linkText(code)));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reporter-phone"), "136****6666"));
        assertThat(page.getPageSource()).doesNotContain("13655556666");
    }
}
