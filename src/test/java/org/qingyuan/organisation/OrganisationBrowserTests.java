package org.qingyuan.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qingyuan.support.Browser;
import org.qingyuan.support.BrowserTest;

/** A town officer, on a phone, names his town's liaison; the district office then sees it and who has none. */
class OrganisationBrowserTests extends BrowserTest {

    @Test
    void aTownNamesItsLiaisonOnAPhoneAndTheDistrictSeesIt() {
        WebDriver page = browser.open(375, 812);
        Browser.signIn(page, port, "town");
        page.get(url("/organisation"));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("liaisons")));
        assertThat(page.findElements(By.cssSelector("#liaisons tbody tr"))).hasSize(1);
        assertThat(page.findElement(By.id("liaisons")).getText()).contains("未设联络员");
        assertThat(page.findElements(By.id("add-member"))).as("the town does not keep the leading group").isEmpty();

        page.findElement(By.linkText("设置联络员")).click();
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("liaison-form")));
        page.findElement(By.id("name")).sendKeys("王敏");
        page.findElement(By.id("phone")).sendKeys("12345");
        page.findElement(By.id("section")).sendKeys("党政办");
        page.findElement(By.cssSelector("#liaison-form button[type=submit]")).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-error"), "需要修改"));
        assertThat(page.findElement(By.cssSelector("#phone + .invalid-feedback")).getText()).contains("联系电话");

        page.findElement(By.id("phone")).clear();
        page.findElement(By.id("phone")).sendKeys("13803710001");
        page.findElement(By.cssSelector("#liaison-form button[type=submit]")).click();
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "已保存联络员"));
        assertThat(page.findElement(By.id("liaisons")).getText()).contains("王敏", "党政办", "13803710001");
        assertNoHorizontalScroll(page);
        browser.screenshot("organisation-town-phone");

        WebDriver office = browser.open(1280, 900);
        Browser.signIn(office, port, "district");
        office.get(url("/organisation"));
        wait(office).until(ExpectedConditions.presenceOfElementLocated(By.id("missing-count")));
        assertThat(office.findElement(By.id("liaisons")).getText()).contains("王敏");
        assertThat(office.findElement(By.id("missing-count")).getText()).contains("个单位未设联络员");
        assertThat(office.findElements(By.id("add-member"))).isNotEmpty();
        browser.screenshot("organisation-district");
    }
}
