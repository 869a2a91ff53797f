package org.qingyuan.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The set-up every browser test shares: the whole application on a random port over the embedded PostgreSQL, and a
 * headless Chromium per test ({@link Browser}, with a screenshot when the test fails).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest {

    @RegisterExtension
    protected final Browser browser = new Browser();

    @LocalServerPort
    protected int port;

    /** The absolute address of a path of the running application. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A wait that tolerates htmx swapping the page under it. */
    protected static WebDriverWait wait(WebDriver page) {
        return Browser.waitFor(page);
    }

    /** Scrolls the element into the middle of the window (instantly: Bootstrap makes scrolling smooth) and clicks it. */
    protected static void click(WebDriver page, WebElement element) {
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    /** The page fits the window's width (a phone must not scroll sideways). */
    protected static void assertNoHorizontalScroll(WebDriver page) {
        Long overflow = (Long) ((JavascriptExecutor) page)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("no horizontal scrolling at " + page.manage().window().getSize().getWidth() + " px")
                .isLessThanOrEqualTo(0L);
    }
}
