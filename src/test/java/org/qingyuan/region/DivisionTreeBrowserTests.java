package org.qingyuan.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qingyuan.support.Browser;
import org.qingyuan.support.BrowserTest;

/** A district official signs in and finds a community in the division tree, on a desktop and on a phone. */
class DivisionTreeBrowserTests extends BrowserTest {

    @Test
    void districtOfficialBrowsesTheTreeDownToACommunity() {
        WebDriver page = browser.open(1280, 900);
        Browser.signIn(page, port, "district");
        assertThat(page.findElement(By.id("district-name")).getText()).isEqualTo("郑州市惠济区");
        assertThat(page.findElement(By.id("current-user")).getText()).isEqualTo("区办演示账号");

        click(page, page.findElement(By.linkText("行政区划")));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "郑州市惠济区"));
        assertThat(page.findElement(By.id("division-path")).getText()).contains("河南省", "郑州市", "惠济区");

        page.findElement(By.cssSelector("[data-code='410108001'] .toggle")).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("children-410108001"), "金河社区居民委员会"));
        assertThat(page.findElement(By.cssSelector("[data-code='410108001'] .toggle")).getText()).isEqualTo("−");

        page.findElement(By.cssSelector("[data-code='410108001'] .toggle")).click();
        wait(page).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-code='410108001001']")));

        page.findElement(By.linkText("新城街道")).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "郑州市惠济区新城街道"));
        assertThat(page.findElement(By.id("division-tree")).getText()).contains("金河社区居民委员会");
        browser.screenshot("division-tree-desktop");
    }

    @Test
    void searchByNameFindsTheCommunity() {
        WebDriver page = browser.open(1280, 900);
        Browser.signIn(page, port, "district");
        page.get(url("/regions"));
        page.findElement(By.id("division-search")).sendKeys("开元社区");
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-results"), "开元社区居民委员会"));
        page.findElement(By.cssSelector("#search-results .search-result")).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "开元社区居民委员会"));
    }

    @Test
    void onAPhoneTheMenuOpensFromTheTopBar() {
        WebDriver page = browser.open(375, 812);
        Browser.signIn(page, port, "district");
        By regionsMenu = By.cssSelector("#side-menu a[href='/regions']");
        assertThat(page.findElement(regionsMenu).isDisplayed()).isFalse();
        page.findElement(By.cssSelector("[data-bs-target='#side-menu']")).click();
        // the menu slides in: wait until it stands still, then bring the entry (low in a long menu) into view
        wait(page).until(d -> {
            String classes = d.findElement(By.id("side-menu")).getAttribute("class");
            return classes.contains("show") && !classes.contains("showing");
        });
        org.openqa.selenium.WebElement entry = page.findElement(regionsMenu);
        ((org.openqa.selenium.JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'})", entry);
        wait(page).until(ExpectedConditions.elementToBeClickable(entry)).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "郑州市惠济区"));
        assertNoHorizontalScroll(page);
        browser.screenshot("division-tree-phone");
    }
}
