package dev.akepa.review;

import dev.akepa.CliRun;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AKEPA_REVIEW_FOUR_EYES=denials with two accounts in two Chromium sessions: analyst alice proposes a denial,
 * supervisor bob (made by `./akepa reviewer add --role supervisor`) confirms it; both are on the audit trail.
 */
class FourEyesBrowserTest {
    static final String PASSWORD = ConsoleBrowserTest.PASSWORD;
    @RegisterExtension
    static final ServerExtension running = new ServerExtension(Map.of("AKEPA_REVIEW_FOUR_EYES", "denials"));
    static ConsoleSession alice;
    static ConsoleSession bob;

    @BeforeAll
    static void start() throws Exception {
        running.server().createReviewer("alice", PASSWORD);
        assertThat(akepa("reviewer", "add", "--login", "bob", "--password", PASSWORD, "--role", "supervisor"))
                .isEqualTo("reviewer 'bob' created (supervisor)\n");
        alice = ConsoleSession.login(running.server().baseUrl(), "alice", PASSWORD);
        bob = ConsoleSession.login(running.server().baseUrl(), "bob", PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (alice != null) alice.close();
        if (bob != null) bob.close();
    }

    private static String akepa(String... args) throws Exception {
        CliRun run = CliRun.of(running.server().env(), args);
        assertThat(run.exitCode()).as(run.out()).isZero();
        return run.out();
    }

    private static void decide(ConsoleSession who, String customerId, String buttonClass, String reason) {
        who.openCase(customerId);
        who.browser.findElement(By.cssSelector("form.decision textarea[name=reason]")).sendKeys(reason);
        who.browser.findElement(By.cssSelector("form.decision button." + buttonClass)).click();
        who.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
    }

    @Test
    void aDenialTakesEffectOnlyOnceASupervisorConfirmsIt() {
        String customerId = ReviewCases.waitingIndividual(running.api());
        decide(alice, customerId, "deny", "Selfie does not match");
        assertThat(alice.text(".notice")).startsWith("Decision proposed");
        assertThat(alice.browser.findElements(By.cssSelector("button.confirm"))).isEmpty();
        assertThat(alice.text("#proposal-" + customerId)).contains("Proposed: denied", "alice", "Selfie does not match");
        assertThat(running.journeys().status(customerId).dataText("status")).isEqualTo("waiting_review");

        bob.openCase(customerId);
        bob.browser.findElement(By.cssSelector("#proposal-" + customerId + " button.confirm")).click();
        bob.wait.until(ExpectedConditions.textToBe(By.id("journey"), "completed/Denied"));
        assertThat(bob.text("#timeline")).contains("four-eyes-proposed by reviewer:alice",
                "Selfie does not match; four eyes: proposed by reviewer:alice, confirmed by reviewer:bob");

        ApiResponse status = running.journeys().status(customerId);
        assertThat(status.dataText("outcome")).isEqualTo("Denied");
        var events = running.api().get("/akepa/history/" + customerId).data().get("events");
        var last = events.get(events.size() - 1);
        assertThat(last.get("trigger").asString()).isEqualTo("review");
        assertThat(last.get("reason").asString()).contains("proposed by reviewer:alice", "confirmed by reviewer:bob");
    }

    @Test
    void anApprovalNeedsNoSecondReviewerUnderDenials() {
        String customerId = ReviewCases.waitingIndividual(running.api());
        decide(alice, customerId, "approve", "Documents match");
        assertThat(alice.text(".notice")).isEqualTo("Decision recorded.");
        assertThat(running.journeys().status(customerId).dataText("outcome")).isEqualTo("Approved");
    }

    @Test
    void aSupervisorCannotConfirmTheirOwnProposal() {
        String customerId = ReviewCases.waitingIndividual(running.api());
        decide(bob, customerId, "deny", "Address does not match");
        assertThat(bob.browser.findElements(By.cssSelector("button.confirm"))).isEmpty();
        assertThat(bob.text("#proposal-" + customerId + " button.reject")).isEqualTo("Withdraw");

        ReviewClient asBob = new ReviewClient(running.server()).loggedIn("bob", PASSWORD);
        var own = asBob.postForm("/review/applications/" + customerId + "/confirm",
                Map.of("csrf", asBob.csrf(), "entityId", customerId));
        assertThat(own.statusCode()).isEqualTo(409);
        ReviewClient asAlice = new ReviewClient(running.server()).loggedIn("alice", PASSWORD);
        var analyst = asAlice.postForm("/review/applications/" + customerId + "/confirm",
                Map.of("csrf", asAlice.csrf(), "entityId", customerId));
        assertThat(analyst.statusCode()).isEqualTo(403);
        assertThat(ReviewClient.asApi(analyst).raw()).contains("\"code\":\"supervisorRequired\"");

        // Alice (an analyst) may not reject it either; bob withdraws it and the entity can be decided again.
        bob.browser.findElement(By.cssSelector("#proposal-" + customerId + " button.reject")).click();
        bob.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.decision")));
        assertThat(bob.text("#timeline")).contains("four-eyes-rejected by reviewer:bob");
    }

    @Test
    void theReviewApiCannotDenyWhileFourEyesHoldsDenials() {
        String customerId = ReviewCases.waitingIndividual(running.api());
        ReviewClient api = new ReviewClient(running.server());
        String token = api.token("alice", PASSWORD);
        ApiResponse r = api.postJson("/review/decisions", "{\"customerId\":\"" + customerId + "\",\"entityId\":\"" + customerId
                + "\",\"outcome\":\"denied\",\"reason\":\"no\"}", "x-akepa-reviewer-token", token);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.raw()).contains("\"code\":\"fourEyesRequired\"");
        assertThat(running.journeys().status(customerId).dataText("status")).isEqualTo("waiting_review");
    }
}
