package org.qingyuan.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.qingyuan.support.Browser;
import org.qingyuan.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The district office opens the battle map with no tile server configured (offline: the district's shipped outline and
 * the markers on a plain background), filters it, opens a marker's card and its case, and places an enterprise that
 * had no position by clicking the map.
 */
class MapBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOfficeSeesMarkersOfflineFiltersThemAndOpensAMarkersCard() {
        WebDriver page = browser.open(1280, 900);
        Browser.signIn(page, port, "district");
        page.get(url("/"));
        click(page, page.findElement(By.linkText("作战地图")));
        WebElement map = waitForMarkers(page);
        assertThat(map.getAttribute("data-outline")).isEqualTo("true");
        assertThat(page.findElements(By.cssSelector("img.leaflet-tile"))).as("no tiles offline").isEmpty();
        assertThat(map.getAttribute("data-mode")).isEqualTo("points");
        browser.screenshot("map-offline");

        new Select(page.findElement(By.id("f-measure"))).selectByVisibleText("关停取缔");
        map = waitForMarkers(page);
        assertThat(page.getCurrentUrl()).contains("measure=SHUTDOWN");
        long shutdown = jdbc.sql("""
                SELECT count(*) FROM map_site WHERE measure = 'SHUTDOWN' AND latitude IS NOT NULL AND division_code LIKE '410108%'
                """).query(Long.class).single();
        assertThat(Long.parseLong(map.getAttribute("data-markers"))).isEqualTo(shutdown);
        browser.screenshot("map-filtered");

        clickFirstMarker(page, map);
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("card-name")));
        assertThat(page.findElement(By.id("map-card-body")).getText()).contains("关停取缔");
        browser.screenshot("map-card");
        page.findElement(By.id("card-case")).click();
        wait(page).until(ExpectedConditions.urlMatches(".*/cases/\\d+$"));
    }

    @Test
    void anOfficerPlacesAnEnterpriseWithoutPositionByClickingTheMap() {
        long id = jdbc.sql("SELECT min(id) FROM enterprise WHERE status = 'ACTIVE' AND division_code LIKE '410108%'")
                .query(Long.class).single();
        jdbc.sql("UPDATE enterprise SET latitude = NULL, longitude = NULL WHERE id = :id").param("id", id).update();
        int version = jdbc.sql("SELECT version FROM enterprise WHERE id = :id").param("id", id).query(Integer.class).single();

        WebDriver page = browser.open(1280, 900);
        Browser.signIn(page, port, "district");
        page.get(url("/map"));
        WebElement map = waitForMarkers(page);
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".qy-place[data-id='" + id + "']")));
        String before = page.findElement(By.id("unplaced-count")).getText();
        page.findElement(By.cssSelector(".qy-place[data-id='" + id + "']")).click();
        new Actions(page).moveToElement(map, 40, 30).click().perform();
        wait(page).until(ExpectedConditions.elementToBeClickable(By.id("place-save")));
        browser.screenshot("map-placing");
        page.findElement(By.id("place-save")).click();
        wait(page).until(ExpectedConditions.invisibilityOfElementLocated(By.id("place-form-box")));
        wait(page).until(d -> !d.findElement(By.id("unplaced-count")).getText().equals(before));

        assertThat(jdbc.sql("SELECT latitude IS NOT NULL AND longitude IS NOT NULL FROM enterprise WHERE id = :id")
                .param("id", id).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT reason FROM enterprise_version WHERE enterprise_id = :id AND version = :v")
                .param("id", id).param("v", version + 1).query(String.class).single()).isEqualTo("在作战地图上标注位置");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE object_id = :id AND action = 'ENTERPRISE_EDITED'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isPositive();
        browser.screenshot("map-placed");
    }

    @Test
    void theBoardShowsTheMapBesideItsTablesAndAWallModeForTheOfficesScreen() {
        WebDriver page = browser.open(1600, 1000);
        Browser.signIn(page, port, "district");
        page.get(url("/board"));
        waitForMarkers(page);
        assertThat(page.findElements(By.id("board-counts"))).hasSize(1);
        browser.screenshot("board-with-map");
        click(page, page.findElement(By.id("wall-link")));
        wait(page).until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("qy-wall"));
        waitForMarkers(page);
        assertThat(page.findElements(By.id("board-counts"))).hasSize(1);
        assertThat(page.findElement(By.id("side-menu")).isDisplayed()).isFalse();
        browser.screenshot("board-wall");
    }

    @Test
    void aVillageOfficerUsesTheMapOnAPhone() {
        WebDriver page = browser.open(375, 812);
        Browser.signIn(page, port, "village");
        page.get(url("/map"));
        waitForMarkers(page);
        assertNoHorizontalScroll(page);
        browser.screenshot("map-phone");
    }

    private static WebElement waitForMarkers(WebDriver page) {
        wait(page).until(d -> {
            String n = d.findElement(By.id("map")).getAttribute("data-markers");
            return n != null && Long.parseLong(n) > 0;
        });
        return page.findElement(By.id("map"));
    }

    /** Markers are drawn on a canvas: click where the map says its first marker is (offsets from the element's centre). */
    private static void clickFirstMarker(WebDriver page, WebElement map) {
        int x = Integer.parseInt(map.getAttribute("data-first-x"));
        int y = Integer.parseInt(map.getAttribute("data-first-y"));
        int w = map.getSize().getWidth(), h = map.getSize().getHeight();
        new Actions(page).moveToElement(map, x - w / 2, y - h / 2).click().perform();
    }
}
