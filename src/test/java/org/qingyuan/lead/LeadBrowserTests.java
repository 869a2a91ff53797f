package org.qingyuan.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.support.Browser;
import org.qingyuan.support.BrowserTest;

/** A grid member on a phone files what he found, with a photo; the town officer finds it in his queue and registers it. */
class LeadBrowserTests extends BrowserTest {

    @Test
    void aGridMembersFindingReachesTheLedgerThroughTheTownsQueue() throws Exception {
        String name = "无名注塑点" + UUID.randomUUID().toString().substring(0, 4);
        Path photo = Files.createTempFile("lead", ".jpg");
        Files.write(photo, DemoPhotos.sitePhoto(false, 3, "lead", Instant.now(), 34.83, 113.61));

        WebDriver grid = browser.open(375, 812);
        Browser.signIn(grid, port, "grid");
        grid.get(url("/leads/new"));
        wait(grid).until(ExpectedConditions.presenceOfElementLocated(By.id("lead-form")));
        click(grid, grid.findElement(By.id("submit-lead")));
        wait(grid).until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-error"), "需要修改"));
        assertThat(grid.findElement(By.cssSelector("#description + .invalid-feedback")).getText()).contains("请填写线索描述");

        grid.findElement(By.id("description")).sendKeys("铁皮房内两台注塑机在生产，无环保设施");
        grid.findElement(By.id("name")).sendKeys(name);
        grid.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
        click(grid, grid.findElement(By.id("submit-lead")));
        wait(grid).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已上报线索"));
        assertThat(grid.findElement(By.id("message")).getText()).contains("照片 1 张");
        assertThat(grid.findElements(By.cssSelector("#lead-photos img"))).hasSize(1);
        assertThat(grid.findElements(By.id("confirm-form"))).as("a grid member files, the town decides").isEmpty();
        assertNoHorizontalScroll(grid);
        browser.screenshot("lead-grid-phone");

        WebDriver town = browser.open(375, 812);
        Browser.signIn(town, port, "town");
        town.get(url("/leads"));
        wait(town).until(ExpectedConditions.presenceOfElementLocated(By.id("leads")));
        click(town, town.findElement(By.xpath("//a[contains(@class,'lead')][contains(., '" + name + "')]")));
        wait(town).until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-form")));
        assertThat(town.findElement(By.id("lead-source")).getText()).contains("巡查发现");
        assertThat(new Select(town.findElement(By.id("c-division"))).getFirstSelectedOption().getText()).as("the grid's village").isNotBlank();
        town.findElement(By.id("c-reason")).sendKeys("现场核实属实");
        click(town, town.findElement(By.id("confirm")));
        wait(town).until(ExpectedConditions.urlMatches(".*/enterprises/\\d+$"));
        assertThat(town.findElement(By.tagName("h1")).getText()).contains(name);
        assertThat(town.getPageSource()).contains("巡查发现").as("the page links back to the lead").contains("线索 #");
        browser.screenshot("lead-confirmed");
    }
}
