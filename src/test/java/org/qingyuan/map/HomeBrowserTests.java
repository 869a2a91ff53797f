package org.qingyuan.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qingyuan.support.Browser;
import org.qingyuan.support.BrowserTest;

/** Each role's home page, on a desktop and on a 375 px phone: the campaign's charts, today's work, the queue. */
class HomeBrowserTests extends BrowserTest {

    @Test
    void theDistrictOfficeAndTheLeaderSeeTheCampaignsChartsAndAChartOpensTheListBehindIt() {
        for (String user : new String[] {"district", "leader"}) {
            for (int width : new int[] {1280, 375}) {
                WebDriver page = browser.open(width, width < 500 ? 812 : 1400);
                Browser.signIn(page, port, user);
                page.get(url("/"));
                waitForCharts(page);
                assertThat(page.findElement(By.id("card-total")).getText()).isNotEqualTo("0");
                wait(page).until(d -> d.findElements(By.cssSelector("[data-chart][data-drawn]")).size() == 7);
                assertThat(page.findElement(By.id("home-charts")).getText()).contains("报送情况");
                if (width < 500) {
                    assertNoHorizontalScroll(page);
                }
                browser.screenshot("home-" + user + "-" + width);
            }
        }
        WebDriver page = browser.open(1280, 1400);
        Browser.signIn(page, port, "district");
        page.get(url("/"));
        waitForCharts(page);
        String first = page.findElement(By.cssSelector("#table-category a")).getAttribute("href");
        assertThat(first).contains("/statistics/enterprises").contains("by=category");
        page.get(first);
        wait(page).until(ExpectedConditions.urlContains("/statistics/enterprises"));
        assertThat(page.findElement(By.tagName("main")).getText()).doesNotContain("错误");
    }

    @Test
    void aTownOfficerSeesHisVillagesAndHisOwnDueAndOverdueWork() {
        for (int width : new int[] {1280, 375}) {
            WebDriver page = browser.open(width, width < 500 ? 812 : 1400);
            Browser.signIn(page, port, "town");
            page.get(url("/"));
            waitForCharts(page);
            assertThat(page.findElement(By.id("town-work")).getText()).contains("本镇逾期未销号").contains("本镇即将到期");
            assertThat(page.findElement(By.id("town-reports")).getText()).contains("本镇待报送报表");
            assertThat(page.findElement(By.id("home-charts")).getText()).contains("各村（社区）");
            if (width < 500) {
                assertNoHorizontalScroll(page);
            }
            browser.screenshot("home-town-" + width);
        }
    }

    @Test
    void aVillageOfficerAndAGridMemberSeeTodaysWorkFirst() {
        for (String user : new String[] {"village", "grid"}) {
            for (int width : new int[] {1280, 375}) {
                WebDriver page = browser.open(width, width < 500 ? 812 : 1200);
                Browser.signIn(page, port, user);
                page.get(url("/"));
                wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("home-today")));
                assertThat(page.findElement(By.id("today-overdue")).getText()).contains("逾期未销号");
                assertThat(page.findElement(By.id("today-revisits")).getText()).contains("待回头看");
                if (width < 500) {
                    assertNoHorizontalScroll(page);
                }
                browser.screenshot("home-" + user + "-" + width);
            }
        }
    }

    @Test
    void aDepartmentOfficerSeesItsQueue() {
        for (int width : new int[] {1280, 375}) {
            WebDriver page = browser.open(width, width < 500 ? 812 : 1000);
            Browser.signIn(page, port, "power");
            page.get(url("/"));
            wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("home-department")));
            assertThat(page.findElement(By.id("home-department")).getText()).contains("本部门待办");
            if (width < 500) {
                assertNoHorizontalScroll(page);
            }
            browser.screenshot("home-department-" + width);
        }
    }

    private static void waitForCharts(WebDriver page) {
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-chart][data-drawn]")));
    }
}
