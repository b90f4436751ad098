package dev.akepa.review;

import dev.akepa.testsupport.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** One reviewer's browser: its own Chromium (own cookies), logged in to the console. */
final class ConsoleSession implements AutoCloseable {
    final HeadlessChromium chromium;
    final WebDriver browser;
    final WebDriverWait wait;
    private final String baseUrl;

    private ConsoleSession(HeadlessChromium chromium, String baseUrl) {
        this.chromium = chromium;
        this.browser = chromium.browser();
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        this.baseUrl = baseUrl;
    }

    static ConsoleSession login(String baseUrl, String login, String password) throws Exception {
        ConsoleSession s = new ConsoleSession(HeadlessChromium.start(), baseUrl);
        s.browser.get(baseUrl + "/review/login");
        s.browser.findElement(By.id("login")).sendKeys(login);
        s.browser.findElement(By.id("password")).sendKeys(password);
        s.browser.findElement(By.id("submit")).click();
        s.wait.until(ExpectedConditions.urlContains("/review/queue"));
        return s;
    }

    void open(String path) {
        browser.get(baseUrl + path);
    }

    void openCase(String customerId) {
        open("/review/applications/" + customerId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("why")));
    }

    /** Files the browser downloads go to {@code dir} (Chromium's DevTools command; headless asks no question). */
    void downloadsTo(java.nio.file.Path dir) {
        ((org.openqa.selenium.chromium.HasCdp) browser).executeCdpCommand("Browser.setDownloadBehavior",
                java.util.Map.of("behavior", "allow", "downloadPath", dir.toAbsolutePath().toString()));
    }

    /**
     * Waits until one finished download is in {@code dir}; returns it. Chromium can show the final name before the
     * bytes (a run read an empty export), so a download counts once it has bytes and no partial file is left.
     */
    java.nio.file.Path downloaded(java.nio.file.Path dir) {
        return wait.until(d -> {
            try (var files = java.nio.file.Files.list(dir)) {
                var all = files.toList();
                if (all.stream().anyMatch(f -> f.toString().endsWith(".crdownload"))) return null;
                return all.stream().filter(f -> f.toString().endsWith(".jsonl"))
                        .filter(f -> f.toFile().length() > 0).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    @Override
    public void close() throws Exception {
        chromium.close();
    }
}
