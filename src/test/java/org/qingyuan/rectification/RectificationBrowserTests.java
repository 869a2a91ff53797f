package org.qingyuan.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qingyuan.access.Scope;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.EnterprisesClassified;
import org.qingyuan.ledger.EnterpriseClassified;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.policy.ClassificationOverride;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.Policies;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A full shutdown on a phone-sized screen: the classification opens the case, the grid member records
 * evidence for each of the five items of 两断三清, the environment department accepts on site (a second
 * person), the town approves the close-out.
 */
class RectificationBrowserTests extends BrowserTest {

    static final String VILLAGE = "410108001001";

    @Autowired Ledger ledger;
    @Autowired Policies policies;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired Cases cases;

    @TempDir
    Path files;

    @Test
    void aShutdownGoesFromClassificationThroughFiveItemsAndFourEyesToCloseOut() throws Exception {
        Scope district = Scope.of(DivisionCode.of("410108"));
        String name = "浏览器测试铸造厂" + System.nanoTime() % 100000;
        long enterpriseId = ledger.register(new EnterpriseDetails(
                new EnterpriseDetails.Identity(name, null, null, null, null),
                new EnterpriseDetails.Place(DivisionCode.of(VILLAGE), "金河路 8 号", CaseFixtures.LON, CaseFixtures.LAT),
                null, null, new EnterpriseDetails.Campaign(EnterpriseType.SLW, Discovery.PATROL, null, null)), "测试", district)
                .id().value();
        var computed = policies.evaluate("huiji-2017", 1, CaseFixtures.SHUTDOWN, null, LocalDate.of(2017, 10, 9));
        var classification = ClassificationOverride.of(computed, null, null,
                Map.of(DeadlineKind.DEMOLISH, LocalDate.now().plusDays(20)), "镇政府责令限期", "district", Instant.now()).applyTo(computed);
        tx.executeWithoutResult(s -> events.publishEvent(new EnterprisesClassified(List.of(
                new EnterpriseClassified(enterpriseId, VILLAGE, classification, null, "district", "登记")))));
        long caseId = cases.ofEnterprise(enterpriseId, district).orElseThrow().id();

        Path photo = files.resolve("现场.jpg");
        Files.write(photo, DemoPhotos.sitePhoto(true, 11, "cleared", Instant.now(), CaseFixtures.LAT + 0.0003, CaseFixtures.LON));
        Path letter = files.resolve("确认函.pdf");
        Files.write(letter, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

        WebDriver page = browser.open(390, 844);
        signIn(page, "grid");
        page.get(url("/cases/" + caseId));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-title"), name));
        for (Requirement r : List.of(Requirement.CUT_WATER, Requirement.CUT_POWER, Requirement.CLEAR_MATERIALS,
                Requirement.CLEAR_PRODUCTS, Requirement.CLEAR_EQUIPMENT)) {
            click(page, page.findElement(By.cssSelector("[data-bs-target='#record-" + r.name() + "']")));
            wait(page).until(ExpectedConditions.visibilityOfElementLocated(By.id("files-" + r.name())));
            page.findElement(By.id("files-" + r.name())).sendKeys(photo.toString());
            if (r.needsUtilityConfirmation()) {
                page.findElement(By.id("confirmation-" + r.name())).sendKeys(letter.toString());
            }
            page.findElement(By.id("note-" + r.name())).sendKeys(r.label() + "到位");
            click(page, page.findElement(By.cssSelector("#record-" + r.name() + " button[type=submit]")));
            wait(page).until(ExpectedConditions.attributeToBe(By.id("item-" + r.name()), "data-complete", "true"));
        }
        assertThat(page.findElements(By.cssSelector("#item-CLEAR_EQUIPMENT img"))).isNotEmpty();
        click(page, page.findElement(By.cssSelector("#submit-form button")));
        wait(page).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "AWAITING_ACCEPTANCE"));
        signOut(page);

        signIn(page, "env-dept");
        page.get(url("/cases/" + caseId));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("accept-form")));
        page.findElement(By.id("onSiteRecord")).sendKeys("现场核查：水电已断，原料、产品、设备均已清除");
        click(page, page.findElement(By.cssSelector("#accept-form button")));
        wait(page).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "ACCEPTED"));
        signOut(page);

        signIn(page, "town");
        page.get(url("/cases/" + caseId));
        click(page, wait(page).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#close-out-form button"))));
        wait(page).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "CLOSED_OUT"));
        assertThat(page.findElement(By.id("closed-out")).getText()).contains("销号");
        assertThat(page.findElements(By.cssSelector("#timeline .step"))).extracting(e -> e.getAttribute("data-kind"))
                .containsSubsequence("OPENED", "ITEM_RECORDED", "SUBMITTED_FOR_ACCEPTANCE", "ACCEPTED", "CLOSED_OUT");
        browser.screenshot("rectification-closed-out");

        page.get(url("/board"));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("board-counts")));
        assertThat(Integer.parseInt(page.findElement(By.id("closed-week")).getText())).isGreaterThanOrEqualTo(1);
        browser.screenshot("rectification-board");
        signOut(page);

        // the district sees the close-out and filters the board by town in place (htmx)
        signIn(page, "district");
        page.get(url("/board"));
        new org.openqa.selenium.support.ui.Select(wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("board-division"))))
                .selectByValue("410108001");
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("board-content"), "新城街道："));
        assertThat(page.getCurrentUrl()).endsWith("/board?division=410108001");
        page.get(url("/cases?state=CLOSED_OUT&q=" + name));
        wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-list"), name));
    }

    private void signIn(WebDriver page, String username) {
        page.get(url("/login"));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        page.findElement(By.id("username")).sendKeys(username);
        page.findElement(By.id("password")).sendKeys("Qingyuan@2026");
        page.findElement(By.cssSelector("button[type=submit]")).click();
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("district-name")));
    }

    private void signOut(WebDriver page) {
        click(page, page.findElement(By.cssSelector("form[action$='/logout'] button")));
        wait(page).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }
}
