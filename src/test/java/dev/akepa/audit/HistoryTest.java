package dev.akepa.audit;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.Journeys;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /akepa/history/{customerId}: the partner's view of the audit trail, reviewers unnamed. */
class HistoryTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();
    static ApiClient partner;

    @BeforeAll
    static void createReviewer() {
        partner = running.api();
        running.server().createReviewer("alice", "correct horse battery");
    }

    @Test
    void theHistoryListsEveryChangeWithActorRolesAndNoReviewerIdentity() throws Exception {
        Journeys journeys = new Journeys(partner);
        String customerId = journeys.initIndividual("WaitReview");
        String applicationId = journeys.identify(customerId).dataText("applicationId");
        journeys.attachLicence(customerId, customerId);
        decideAsReviewer(customerId, "denied", "licence photo does not match the selfie");

        ApiResponse history = partner.get("/akepa/history/" + customerId);
        // Verification reasons are the provider's words ({{any}}); everything else is exact.
        assertJson(history, 200, """
                {"code":"0","data":{"customerId":"%1$s","applicationId":"%2$s","events":[
                  {"dtsCreatedAt":"{{time}}","actor":"partner","trigger":"identification","reason":"{{any}}",
                   "before":null,
                   "after":{"status":"pending_step_up","outcome":null,
                            "entityApplications":[{"entityId":"%1$s","isCustomer":true,"status":"pending_step_up","outcome":null}]}},
                  {"dtsCreatedAt":"{{time}}","actor":"partner","trigger":"documents","reason":"{{any}}",
                   "before":{"status":"pending_step_up","outcome":null,
                            "entityApplications":[{"entityId":"%1$s","isCustomer":true,"status":"pending_step_up","outcome":null}]},
                   "after":{"status":"waiting_review","outcome":null,
                            "entityApplications":[{"entityId":"%1$s","isCustomer":true,"status":"waiting_review","outcome":null}]}},
                  {"dtsCreatedAt":"{{time}}","actor":"reviewer","trigger":"review",
                   "reason":"licence photo does not match the selfie",
                   "before":{"status":"waiting_review","outcome":null,
                            "entityApplications":[{"entityId":"%1$s","isCustomer":true,"status":"waiting_review","outcome":null}]},
                   "after":{"status":"completed","outcome":"Denied",
                            "entityApplications":[{"entityId":"%1$s","isCustomer":true,"status":"completed","outcome":"denied"}]}}
                ]},"requestId":"{{requestId}}"}""".formatted(customerId, applicationId));
        assertThat(history.raw()).doesNotContain("alice");
        var events = history.data().get("events");
        assertThat(events.get(0).get("dtsCreatedAt").asString())
                .isLessThanOrEqualTo(events.get(2).get("dtsCreatedAt").asString());
    }

    @Test
    void backgroundVerificationIsRecordedAsTheSystem() throws Exception {
        String customerId = new Journeys(partner).initIndividual("Smith");
        partner.post("/akepa/identification", "{\"customerId\":\"" + customerId + "\",\"syncMode\":true}");
        ApiResponse history = partner.get("/akepa/history/" + customerId);
        for (int i = 0; i < 200 && history.data().get("events").size() < 2; i++) {
            Thread.sleep(50);
            history = partner.get("/akepa/history/" + customerId);
        }
        var events = history.data().get("events");
        assertThat(events.size()).as(history.raw()).isEqualTo(2);
        assertThat(events.get(0).get("actor").asString()).isEqualTo("partner");
        assertThat(events.get(0).get("after").get("status").asString()).isEqualTo("running");
        assertThat(events.get(1).get("actor").asString()).isEqualTo("system");
        assertThat(events.get(1).get("trigger").asString()).isEqualTo("verification");
        assertThat(events.get(1).get("after").get("status").asString()).isEqualTo("pending_step_up");
    }

    @Test
    void aCustomerWithoutApplicationHasAnEmptyHistory() {
        String customerId = new Journeys(partner).initIndividual("Smith");
        assertJson(partner.get("/akepa/history/" + customerId), 200, """
                {"code":"0","data":{"customerId":"%s","applicationId":null,"events":[]},"requestId":"{{requestId}}"}"""
                .formatted(customerId));
    }

    @Test
    void anotherPartnersCustomerAndAnUnknownOneAreNotFound() throws Exception {
        String customerId = new Journeys(partner).initIndividual("Smith");
        new Journeys(partner).identify(customerId);
        String notFound = """
                {"code":"customerNotFound","context":{"customerId":"%s"},"message":"Customer not found.","requestId":"{{requestId}}"}""";
        assertJson(running.server().other().get("/akepa/history/" + customerId), 400, notFound.formatted(customerId));
        assertJson(partner.get("/akepa/history/cstap_0000000000000000000000"), 400,
                notFound.formatted("cstap_0000000000000000000000"));
        assertJson(running.server().client().get("/akepa/history/" + customerId), 401, """
                {"code":"unauthorized","message":"Authentication error","requestId":"{{requestId}}"}""");
    }

    /** Through the review API, as a script of the compliance team would. */
    private static void decideAsReviewer(String customerId, String outcome, String reason) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ApiResponse token = running.server().client().post("/review/auth/get-token",
                "{\"user\":{\"login\":\"alice\",\"password\":\"correct horse battery\"}}");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(running.server().baseUrl() + "/review/decisions"))
                .header("Content-Type", "application/json")
                .header("x-akepa-reviewer-token", token.dataText("token"))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"customerId":"%1$s","entityId":"%1$s","outcome":"%2$s","reason":"%3$s"}"""
                        .formatted(customerId, outcome, reason)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
