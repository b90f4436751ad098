package dev.akepa.openapi;

import dev.akepa.testsupport.HeadlessChromium;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /docs in real headless Chromium: Swagger UI, served by Akepa alone, lists every operation of the route table. */
class DocsBrowserTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();
    static HeadlessChromium chromium;

    @BeforeAll
    static void start() throws Exception {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) chromium.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocsPageListsEveryOperationOfTheRouteTableAndLoadsNothingFromElsewhere() throws Exception {
        WebDriver browser = chromium.browser();
        String base = running.server().baseUrl();
        browser.get(base + "/docs");
        List<String> routes = OpenApiDocument.documentedRoutes();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // operations are the blocks with a path; the callback of the webhooks section has none
        String listOperations = """
                return Array.from(document.querySelectorAll('.opblock')).map(b => {
                  const method = b.querySelector('.opblock-summary-method');
                  const path = b.querySelector('.opblock-summary-path');
                  return (method ? method.textContent.trim() : '') + ' ' + (path ? path.getAttribute('data-path') : '');
                });""";
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> ((List<String>) js.executeScript(listOperations)).size() >= routes.size());
        chromium.screenshot("docs");

        List<String> shown = (List<String>) js.executeScript(listOperations);
        List<String> operations = shown.stream().filter(s -> s.contains(" /")).toList();
        assertThat(operations).hasSize(routes.size());
        assertThat(new HashSet<>(operations)).isEqualTo(new HashSet<>(routes));
        assertThat(browser.getTitle()).isEqualTo("Akepa API");
        Set<String> loaded = new HashSet<>((List<String>) js.executeScript(
                "return performance.getEntriesByType('resource').map(r => r.name);"));
        assertThat(loaded).isNotEmpty().allMatch(url -> url.startsWith(base + "/"), "served by Akepa itself");
        assertThat(loaded).contains(base + "/openapi.json", base + "/docs/swagger-ui-bundle.js");
    }
}
