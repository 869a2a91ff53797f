package org.qingyuan.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Scope;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.grid.internal.GridService;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseClassified;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.EnterprisesClassified;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.policy.ClassificationOverride;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.Policies;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.support.Browser;
import org.qingyuan.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A grid member on a 375 px phone: today's list shows an enterprise of his grid under rectification; he starts the
 * round, checks in there with the phone's position and a photo from the camera input, and sees the check-in accepted
 * at its distance from the site.
 */
class PatrolBrowserTests extends BrowserTest {

    static final String VILLAGE = "410108001001";
    static final double LON = 101.7001;
    static final double LAT = 31.6001;

    @Autowired Ledger ledger;
    @Autowired Policies policies;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired GridService grids;

    @TempDir
    Path files;

    @Test
    void aGridMemberChecksInAtAnEnterpriseOfHisGridOnAPhone() throws Exception {
        String name = "巡查浏览器测试厂" + System.nanoTime() % 100000;
        long[] site = siteInAGridOfGrid(name, "金河路 9 号", LON, LAT, "浏览器网格");
        long enterpriseId = site[0];
        long gridId = site[1];
        Path photo = files.resolve("现场.jpg");
        Files.write(photo, DemoPhotos.sitePhoto(false, 16, "patrol", Instant.now(), LAT + 0.0002, LON));

        ChromeDriver page = browser.open(375, 812);
        page.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""), "permissions", List.of("geolocation")));
        page.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", LAT + 0.0003, "longitude", LON, "accuracy", 10));
        Browser.signIn(page, port, "grid");

        page.get(url("/patrols/today"));
        By card = By.cssSelector(".grid-list[data-grid='" + gridId + "']");
        wait(page).until(ExpectedConditions.presenceOfElementLocated(card));
        assertThat(page.findElement(card).getText()).contains(name).contains("已登记 · 期限");
        assertNoHorizontalScroll(page);
        click(page, page.findElement(card).findElement(By.cssSelector(".start-patrol")));

        By checkInLink = By.cssSelector(".grid-list[data-grid='" + gridId + "'] a.check-in-link[href*='enterprise=" + enterpriseId + "']");
        wait(page).until(ExpectedConditions.presenceOfElementLocated(checkInLink));
        assertThat(page.findElement(By.id("patrol-under-way")).getText()).contains("巡查中");
        click(page, page.findElement(checkInLink));

        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("position-status"), "已定位"));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        assertThat(page.findElement(By.id("photos")).getAttribute("capture")).isEqualTo("environment");
        assertNoHorizontalScroll(page);
        page.findElement(By.id("photos")).sendKeys(photo.toString());
        page.findElement(By.id("note")).sendKeys("大门紧闭，无生产迹象");
        click(page, page.findElement(By.id("submit-check-in")));

        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("check-in-finding")));
        assertThat(page.findElement(By.id("message")).getText()).isEqualTo("已打卡");
        assertThat(page.findElement(By.id("check-in-finding")).getText()).isEqualTo("未发现问题");
        assertThat(page.findElement(By.id("check-in-distance")).getText()).isEqualTo("33 米");
        assertThat(page.findElements(By.id("check-in-flags"))).isEmpty();
        assertThat(page.findElements(By.cssSelector("img.check-in-photo"))).hasSize(1);
        assertNoHorizontalScroll(page);
        browser.screenshot("patrol-check-in");

        page.get(url("/patrols/today"));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(card));
        assertThat(page.findElement(card).getText()).contains("今日已到");
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The check-in of a phone without signal: kept on the phone with its position and photo, sent once when back online. */
    @Test
    void aCheckInWithoutSignalIsKeptOnThePhoneAndSentOnceBackOnline() throws Exception {
        String name = "离线浏览器测试厂" + System.nanoTime() % 100000;
        long[] site = siteInAGridOfGrid(name, "金河路 11 号", LON + 0.01, LAT, "离线网格");
        long enterpriseId = site[0];
        long gridId = site[1];
        Path photo = files.resolve("离线现场.jpg");
        Files.write(photo, DemoPhotos.sitePhoto(false, 17, "offline", Instant.now(), LAT, LON + 0.01));

        ChromeDriver page = browser.open(375, 812);
        page.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""), "permissions", List.of("geolocation")));
        page.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", LAT + 0.0001, "longitude", LON + 0.01, "accuracy", 10));
        Browser.signIn(page, port, "grid");
        page.get(url("/patrols/today"));
        By card = By.cssSelector(".grid-list[data-grid='" + gridId + "']");
        wait(page).until(ExpectedConditions.presenceOfElementLocated(card));
        if (!page.findElement(card).findElements(By.cssSelector(".start-patrol")).isEmpty()) {
            click(page, page.findElement(card).findElement(By.cssSelector(".start-patrol")));   // else a round is under way
        }
        By checkInLink = By.cssSelector(".grid-list[data-grid='" + gridId + "'] a.check-in-link[href*='enterprise=" + enterpriseId + "']");
        wait(page).until(ExpectedConditions.presenceOfElementLocated(checkInLink));
        click(page, page.findElement(checkInLink));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("position-status"), "已定位"));
        wait(page).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript("return navigator.serviceWorker.controller !== null")));

        // the signal goes: the check-in is kept on the phone, nothing reaches the server
        page.executeCdpCommand("Network.enable", Map.of());
        page.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        wait(page).until(d -> Boolean.FALSE.equals(((ChromeDriver) d).executeScript("return navigator.onLine")));
        page.findElement(By.id("photos")).sendKeys(photo.toString());
        page.findElement(By.id("note")).sendKeys("离线打卡：大门紧闭");
        click(page, page.findElement(By.id("submit-check-in")));
        wait(page).until(ExpectedConditions.visibilityOfElementLocated(By.id("offline-saved")));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("offline-queue"), "1 条离线打卡待上传"));
        Instant taken = Instant.now();
        assertThat(count(name)).isZero();
        browser.screenshot("patrol-offline-saved");
        // still offline, today's list opens (kept by the service worker) and says what waits on the phone
        click(page, page.findElement(By.cssSelector("#offline-saved a")));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(card));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("offline-queue"), "1 条离线打卡待上传"));

        // back online: sent once, with the time, position and photo of the moment it was made
        Thread.sleep(1500);
        page.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        wait(page).until(d -> count(name) == 1);
        var row = jdbc.sql("""
                        SELECT c.checked_at, c.latitude, cardinality(c.photo_ids) AS photos, c.client_key
                          FROM patrol_check_in c WHERE c.enterprise_id = :e
                        """).param("e", enterpriseId).query().singleRow();
        assertThat(((java.sql.Timestamp) row.get("checked_at")).toInstant()).isBefore(taken.plusMillis(200));
        assertThat((Double) row.get("latitude")).isEqualTo(LAT + 0.0001);
        assertThat(row.get("photos")).isEqualTo(1);
        assertThat(row.get("client_key")).isNotNull();
        wait(page).until(d -> d.findElement(By.id("offline-queue")).getText().isEmpty());
        // a second flush (another page, another online event) sends nothing twice
        page.get(url("/patrols/today"));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(card));
        Thread.sleep(500);
        assertThat(count(name)).isEqualTo(1);
    }

    /** An enterprise under rectification (a shutdown with a deadline), placed by hand in a new grid of {@code grid}: {enterprise, grid}. */
    private long[] siteInAGridOfGrid(String name, String address, double lon, double lat, String gridName) {
        Scope district = Scope.of(DivisionCode.of("410108"));
        long enterpriseId = ledger.register(new EnterpriseDetails(new EnterpriseDetails.Identity(name, null, null, null, null),
                new EnterpriseDetails.Place(DivisionCode.of(VILLAGE), address, lon, lat), null, null,
                new EnterpriseDetails.Campaign(EnterpriseType.SLW, Discovery.PATROL, null, null)), "测试", district).id().value();
        var computed = policies.evaluate("huiji-2017", 1, PatrolFixtures.SHUTDOWN, null, LocalDate.of(2017, 10, 9));
        var classification = ClassificationOverride.of(computed, null, null, Map.of(DeadlineKind.DEMOLISH, LocalDate.now().plusDays(20)),
                "镇政府责令限期", "district", Instant.now()).applyTo(computed);
        tx.executeWithoutResult(s -> events.publishEvent(new EnterprisesClassified(List.of(
                new EnterpriseClassified(enterpriseId, VILLAGE, classification, null, "district", "登记")))));
        CurrentUser office = new CurrentUser(1, "district", "区办演示账号", "DISTRICT_OFFICE", "区办", DivisionCode.of("410108"), null);
        long gridId = tx.execute(s -> {
            var grid = grids.create(office, new GridService.GridInput(VILLAGE, gridName + System.nanoTime() % 10000, null, List.of("grid")));
            grids.assignByHand(office, grid.id(), enterpriseId, 0);
            return grid.id();
        });
        return new long[] {enterpriseId, gridId};
    }

    private long count(String enterpriseName) {
        return jdbc.sql("""
                SELECT count(*) FROM patrol_check_in c JOIN enterprise e ON e.id = c.enterprise_id WHERE e.name = :n
                """).param("n", enterpriseName).query(Long.class).single();
    }
}
