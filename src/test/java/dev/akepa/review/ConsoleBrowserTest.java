package dev.akepa.review;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.HeadlessChromium;
import dev.akepa.testsupport.Journeys;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A reviewer in real headless Chromium: logs in, finds the WaitReview case in the queue, sees both document
 * images load, denies with a reason; the partner then sees completed/Denied and the decision in the history.
 * Screenshots go to target/screenshots/.
 */
class ConsoleBrowserTest {
    static final String PASSWORD = "correct horse battery";
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();
    static ApiClient partner;
    static HeadlessChromium chromium;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        partner = running.api();
        running.server().createReviewer("alice", PASSWORD);
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) chromium.close();
    }

    private static String waitingCaseWithRealImages() {
        return ReviewCases.waitingWithRealImages(partner);
    }

    @Test
    void aReviewerDeniesAWaitingCaseAndThePartnerSeesIt() throws Exception {
        // Something else waiting too, so that the queue screenshot shows a queue.
        ReviewCases.waitingBusiness(partner);
        String customerId = waitingCaseWithRealImages();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(running.server().baseUrl() + "/review/queue");
        wait.until(ExpectedConditions.urlContains("/review/login"));
        browser.findElement(By.id("login")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.urlContains("/review/queue"));

        WebElement caseLink = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("a.case-link[href='/review/applications/" + customerId + "']")));
        assertThat(caseLink.getText()).isEqualTo("Jane WaitReview");
        screenshot("queue");

        caseLink.click();
        wait.until(ExpectedConditions.urlContains("/review/applications/" + customerId));
        wait.until(d -> imagesLoaded(d) == 2);
        assertThat(naturalWidths()).containsExactly((long) RealImages.WIDTH, (long) RealImages.WIDTH);
        assertThat(browser.findElement(By.id("journey")).getText()).isEqualTo("waiting_review");
        browser.manage().window().setSize(new Dimension(1280, 1900));
        screenshot("application");
        browser.manage().window().setSize(new Dimension(1280, 900));

        String reason = "Licence photo does not match the applicant";
        browser.findElement(By.cssSelector("form.decision textarea[name=reason]")).sendKeys(reason);
        browser.findElement(By.cssSelector("form.decision button.deny")).click();
        wait.until(ExpectedConditions.textToBe(By.id("journey"), "completed/Denied"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Decision recorded.");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains(reason, "reviewer:alice");
        assertThat(browser.findElements(By.cssSelector("form.decision"))).isEmpty();

        ApiResponse status = partner.get("/akepa/status/" + customerId);
        assertThat(status.dataText("status")).isEqualTo("completed");
        assertThat(status.dataText("outcome")).isEqualTo("Denied");
        var events = partner.get("/akepa/history/" + customerId).data().get("events");
        var last = events.get(events.size() - 1);
        assertThat(last.get("actor").asString()).isEqualTo("reviewer");
        assertThat(last.get("trigger").asString()).isEqualTo("review");
        assertThat(last.get("reason").asString()).isEqualTo(reason);
        assertThat(last.get("after").get("outcome").asString()).isEqualTo("Denied");
    }

    /** How many document images finished loading with real pixels. */
    private static long imagesLoaded(WebDriver d) {
        Object n = ((JavascriptExecutor) d).executeScript(
                "return Array.from(document.querySelectorAll('img.document')).filter(i => i.complete && i.naturalWidth > 0).length;");
        return ((Number) n).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Long> naturalWidths() {
        return (List<Long>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('img.document')).map(i => i.naturalWidth);");
    }

    private static void screenshot(String name) throws Exception {
        chromium.screenshot(name);
    }
}
