package dev.akepa.review;

import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.ServerExtension;
import dev.akepa.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two reviewers, each in their own Chromium: claiming, "next case", search, closed cases, the age column. */
class CaseWorkBrowserTest {
    static final String PASSWORD = ConsoleBrowserTest.PASSWORD;
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();
    @RegisterExtension
    static final AnalystBrowser alice = new AnalystBrowser(running, "alice");
    @RegisterExtension
    static final AnalystBrowser bob = new AnalystBrowser(running, "bob");

    @Test
    void aClaimedCaseIsWorkedByItsHolderOnlyUntilReleased() {
        String customerId = ReviewCases.waitingIndividual(running.api());
        alice.session().openCase(customerId);
        alice.session().browser.findElement(By.id("claim-case")).click();
        alice.session().wait.until(ExpectedConditions.textToBe(By.cssSelector("#claim .tag.mine"), "Assigned to you"));

        bob.session().openCase(customerId);
        assertThat(bob.session().text("#claimed-by")).isEqualTo("alice");
        assertThat(bob.session().browser.findElements(By.cssSelector("form.decision"))).isEmpty();
        assertThat(bob.session().browser.findElements(By.id("claim-case"))).isEmpty();
        bob.session().open("/review/queue");
        assertThat(bob.session().text("tr:has(a[href='/review/applications/" + customerId + "']) td.claimed")).isEqualTo("alice");

        alice.session().browser.findElement(By.id("mine")).click();
        alice.session().wait.until(ExpectedConditions.urlContains("mine=1"));
        assertThat(alice.session().browser.findElements(By.cssSelector("a.case-link")))
                .extracting(a -> a.getDomAttribute("href")).contains("/review/applications/" + customerId);
        bob.session().browser.findElement(By.id("mine")).click();
        bob.session().wait.until(ExpectedConditions.urlContains("mine=1"));
        assertThat(bob.session().browser.findElements(By.cssSelector("a.case-link")))
                .extracting(a -> a.getDomAttribute("href")).doesNotContain("/review/applications/" + customerId);

        alice.session().openCase(customerId);
        alice.session().browser.findElement(By.id("release")).click();
        alice.session().wait.until(ExpectedConditions.urlContains("/review/queue"));
        bob.session().openCase(customerId);
        bob.session().browser.findElement(By.id("claim-case")).click();
        bob.session().wait.until(ExpectedConditions.textToBe(By.cssSelector("#claim .tag.mine"), "Assigned to you"));
        assertThat(bob.session().browser.findElements(By.cssSelector("form.decision"))).hasSize(1);
    }

    @Test
    void nextCaseSkipsWhatAnotherReviewerHoldsAndFollowsADecision() {
        String held = ReviewCases.waitingIndividual(running.api());
        String other = ReviewCases.waitingIndividual(running.api());
        alice.session().openCase(held);
        alice.session().browser.findElement(By.id("claim-case")).click();
        alice.session().wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#claim .tag.mine")));

        // Bob works through the queue with "next case" until he reaches the new case; never the one alice holds.
        bob.session().open("/review/queue");
        bob.session().browser.findElement(By.id("next-case")).click();
        for (int i = 0; i < 50; i++) {
            bob.session().wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#claim .tag.mine")));
            String at = bob.session().browser.getCurrentUrl();
            assertThat(at).doesNotEndWith(held);
            bob.session().browser.findElement(By.cssSelector("form.decision textarea[name=reason]")).sendKeys("Checked by bob");
            bob.session().browser.findElement(By.cssSelector("form.decision button.deny")).click();
            bob.session().wait.until(ExpectedConditions.presenceOfElementLocated(By.id("next-after-decision")));
            if (at.endsWith(other)) break;
            bob.session().browser.findElement(By.id("next-after-decision")).click();
        }
        assertThat(running.journeys().status(other).dataText("outcome")).isEqualTo("Denied");
        assertThat(running.journeys().status(held).dataText("status")).isEqualTo("waiting_review");

        bob.session().open("/review/closed");
        WebElement row = bob.session().browser.findElement(By.cssSelector("#cases tr[data-customer='" + other + "']"));
        assertThat(row.getText()).contains("completed/Denied", "reviewer:bob");
    }

    @Test
    void searchFindsByIdsReferenceAndNameWithoutAccentsOrCase() {
        String body = dev.akepa.testsupport.Fixtures.individual("Quillféather");
        ApiResponse init = running.api().post("/customer/init", body);
        String customerId = init.dataText("customerId");
        String applicationId = running.journeys().identify(customerId).dataText("applicationId");
        String reference = dev.akepa.json.Json.MAPPER.readTree(body).path("customerReference").asString();

        for (String q : List.of(customerId, applicationId, "jane quillfeather", "QUILLFÉATHER")) {
            alice.session().open("/review/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(alice.session().browser.findElements(By.cssSelector("#cases tr[data-customer]")))
                    .as(q).extracting(r -> r.getDomAttribute("data-customer")).containsExactly(customerId);
        }
        alice.session().open("/review/search?q=" + reference);
        assertThat(alice.session().browser.findElements(By.cssSelector("#cases tr[data-customer]")))
                .extracting(r -> r.getDomAttribute("data-customer")).containsExactly(customerId);
        alice.session().browser.findElement(By.id("search")).sendKeys("nobody-by-that-name\n");
        alice.session().wait.until(ExpectedConditions.urlContains("/review/search"));
        assertThat(alice.session().text("p.empty")).isEqualTo("Nothing found.");
    }

    @Test
    void theAgeColumnSortsByRealWaitingTime() {
        ReviewCases.waitingIndividual(running.api());
        ReviewCases.waitingIndividual(running.api());
        alice.session().open("/review/queue");
        List<String> oldestFirst = hrefs();
        assertThat(alice.session().text("th a#sort-age")).isEqualTo("Waiting ↓");
        alice.session().browser.findElement(By.id("sort-age")).click();
        alice.session().wait.until(ExpectedConditions.urlContains("sort=newest"));
        List<String> newestFirst = hrefs();
        assertThat(newestFirst).isEqualTo(oldestFirst.reversed());
        assertThat(alice.session().browser.findElements(By.cssSelector("td.age"))).allSatisfy(td ->
                assertThat(td.getText()).matches("\\d+ min|\\d+ h \\d+ min|\\d+ d \\d+ h"));
    }

    private static List<String> hrefs() {
        return alice.session().browser.findElements(By.cssSelector("a.case-link")).stream().map(a -> a.getDomAttribute("href")).toList();
    }

    @Test
    void aClaimLeftIdleGoesBackToTheQueue() throws Exception {
        try (TestServer quick = TestServer.start(Map.of("AKEPA_REVIEW_CLAIM_IDLE", "1s"))) {
            quick.createReviewer("alice", PASSWORD);
            quick.createReviewer("bob", PASSWORD);
            String customerId = ReviewCases.waitingIndividual(quick.demo());
            ReviewClient a = new ReviewClient(quick).loggedIn("alice", PASSWORD);
            ReviewClient b = new ReviewClient(quick).loggedIn("bob", PASSWORD);
            var claimed = a.postForm("/review/applications/" + customerId + "/claim", Map.of("csrf", a.csrf()));
            assertThat(claimed.statusCode()).isEqualTo(303);
            var refused = b.postForm("/review/applications/" + customerId + "/claim", Map.of("csrf", b.csrf()));
            if (refused.statusCode() == 409) {
                assertThat(ReviewClient.asApi(refused).raw()).contains("\"code\":\"caseClaimed\"", "\"claimedBy\":\"alice\"");
            }
            // Alice does nothing more: the claim lapses and bob can take the case.
            new WebDriverWait(bob.session().browser, Duration.ofSeconds(20)).until(d ->
                    b.get("/review/applications/" + customerId).body().contains("id=\"claim-case\""));
            var taken = b.postForm("/review/applications/" + customerId + "/claim", Map.of("csrf", b.csrf()));
            assertThat(taken.statusCode()).isEqualTo(303);
            assertThat(a.get("/review/applications/" + customerId).body()).contains("id=\"claimed-by\">bob<");
        }
    }
}
