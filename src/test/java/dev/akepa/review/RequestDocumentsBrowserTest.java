package dev.akepa.review;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.CallbackReceiver;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "Request new documents" in Chromium: the entity goes back to the customer and the partner is called back. */
class RequestDocumentsBrowserTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension(Map.of("AKEPA_WEBHOOK_ALLOW_PRIVATE", "true"));
    @RegisterExtension
    static final AnalystBrowser alice = new AnalystBrowser(running, "alice");

    private static String waitingWithCallbacks(CallbackReceiver callbacks) {
        ApiClient api = running.api();
        String customerId = running.journeys().initIndividual("WaitReview");
        api.post("/akepa/identification", """
                {"customerId":"%s","webhookURL":"%s"}""".formatted(customerId, callbacks.url()));
        assertThat(running.journeys().attachLicence(customerId, customerId).dataText("status")).isEqualTo("waiting_review");
        return customerId;
    }

    private static void request(String customerId, String to, String reason) {
        alice.session().openCase(customerId);
        alice.session().browser.findElement(By.cssSelector("form.request-documents input[value=" + to + "]")).click();
        alice.session().browser.findElement(By.cssSelector("form.request-documents textarea[name=reason]")).sendKeys(reason);
        alice.session().browser.findElement(By.cssSelector("form.request-documents button.request")).click();
        alice.session().wait.until(ExpectedConditions.textToBe(By.id("journey"), to));
    }

    @Test
    void newIdentityDocumentsSendTheEntityBackToStepUpAndCallThePartner() throws Exception {
        try (CallbackReceiver callbacks = new CallbackReceiver()) {
            String customerId = waitingWithCallbacks(callbacks);
            request(customerId, "pending_step_up", "The licence photo is blurred: send a sharp picture");

            assertThat(alice.session().text(".notice")).startsWith("New documents requested");
            assertThat(alice.session().browser.findElements(By.cssSelector("form.decision"))).isEmpty();
            assertThat(alice.session().text("#timeline")).contains("documents-requested by reviewer:alice",
                    "new documents requested: The licence photo is blurred");
            List<JsonNode> sent = callbacks.await(3);
            assertThat(sent.getLast().toString()).contains("\"status\":\"pending_step_up\"");
            assertThat(running.journeys().kycStatus(customerId)).isEqualTo("WAITING_DATA");
            var events = running.api().get("/akepa/history/" + customerId).data().get("events");
            assertThat(events.get(events.size() - 1).get("trigger").asString()).isEqualTo("documents-requested");

            // New documents satisfy step-up again, and the sandbox's WaitReview sends the case back to a reviewer.
            assertThat(running.journeys().attachLicence(customerId, customerId).dataText("status")).isEqualTo("waiting_review");
        }
    }

    @Test
    void correctedDataSendsTheEntityToADataRequest() throws Exception {
        try (CallbackReceiver callbacks = new CallbackReceiver()) {
            String customerId = waitingWithCallbacks(callbacks);
            request(customerId, "data_request", "The address on the licence differs: correct the address");
            assertThat(callbacks.await(3).getLast().toString()).contains("\"status\":\"data_request\"");
            assertThat(running.journeys().status(customerId).dataText("status")).isEqualTo("data_request");
        }
    }
}
