package org.qingyuan.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Selenium, headless. With {@code CI} set a missing Chromium fails
 * the test; on a developer machine without it the test is skipped with a clear message.
 * A failing test leaves a screenshot under {@code target/screenshots}.
 */
public final class Browser implements AfterEachCallback {

    private static final String CHROMIUM = System.getProperty("qingyuan.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("qingyuan.chromedriver", "/usr/bin/chromedriver");

    private ChromeDriver driver;

    /** A fresh browser with the given window width (375 for a phone); one opened before in the test is closed. */
    public ChromeDriver open(int width, int height) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            String message = "Chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install with apt-get install chromium chromium-driver fonts-wqy-microhei";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=" + Math.max(width, 500) + "," + height);
        if (width < 500) {
            // headless windows are at least 500 px wide: emulate the phone's viewport instead
            options.setExperimentalOption("mobileEmulation", java.util.Map.of(
                    "deviceMetrics", java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        }
        try {
            options.addArguments("--user-data-dir=" + Files.createTempDirectory("qingyuan-chromium"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /** Signs in through the login page as a demo account (password Qingyuan@2026) and waits for the shell. */
    /**
     * A wait that tolerates the page changing under it: htmx swaps a fragment between finding an element and reading
     * it, which Chromium reports as a stale element or as "Node with given id does not belong to the document".
     * A condition that never holds still fails at the timeout.
     */
    public static WebDriverWait waitFor(WebDriver page) {
        WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    public static void signIn(WebDriver page, int port, String username) {
        page.get("http://localhost:" + port + "/login");
        var wait = new WebDriverWait(page, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        page.findElement(By.id("username")).sendKeys(username);
        page.findElement(By.id("password")).sendKeys("Qingyuan@2026");
        page.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("district-name")));
    }

    /** Saves what the browser shows now, e.g. for a closing look at a page. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        try {
            if (context.getExecutionException().isPresent()) {
                screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
            }
        } finally {
            driver.quit();
            driver = null;
        }
    }
}
