package dev.akepa.review;

import dev.akepa.json.Json;
import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.CallbackReceiver;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.Journeys;
import dev.akepa.testsupport.ServerExtension;
import dev.akepa.testsupport.TestServer;
import dev.akepa.verification.screening.OfacSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The way out of data_request (rulings.md): in production mode, documents linked by /akepa/update send the entity
 * to waiting_review and a reviewer decides; in the sandbox they are stored and nothing changes.
 */
class DataRequestReviewTest {
    static final Map<String, String> PRODUCTION = Map.of(
            "AKEPA_MODE", "production",
            "AKEPA_SANCTIONS_DIR", OfacSample.directory().toString(),
            "AKEPA_WEBHOOK_ALLOW_PRIVATE", "true");
    static final String PASSWORD = "correct horse battery";
    static final String MINOR_BIRTH_DATE = "2020-01-01";

    @RegisterExtension
    static final ServerExtension production = new ServerExtension(PRODUCTION);

    @BeforeAll
    static void reviewer() {
        production.server().createReviewer("alice", PASSWORD);
    }

    /** An individual under 18: the data checks ask for data. */
    private static String minor(ApiClient api, String reference) {
        String body = Fixtures.individual(reference, "Person", Fixtures.issuableSsn())
                .replace("\"firstName\":\"Jane\"", "\"firstName\":\"Young\"")
                .replace("1990-04-12", MINOR_BIRTH_DATE);
        ApiResponse init = api.post("/customer/init", body);
        assertThat(init.status()).as(init.raw()).isEqualTo(200);
        return init.dataText("customerId");
    }

    private static ApiResponse link(ApiClient api, String customerId, String entityId, String documentId, String view) {
        return api.post("/akepa/update", Fixtures.update(customerId, List.<String[]>of(new String[]{entityId, documentId, view})));
    }

    @Test
    void aMinorsPassportGoesToAReviewerWhoseApprovalCompletesTheJourney() throws Exception {
        ApiClient api = production.api();
        Journeys journeys = production.journeys();
        try (CallbackReceiver callbacks = new CallbackReceiver()) {
            String reference = Fixtures.reference();
            String customerId = minor(api, reference);
            ApiResponse identified = api.post("/akepa/identification", """
                    {"customerId":"%s","webhookURL":"%s"}""".formatted(customerId, callbacks.url()));
            String applicationId = identified.dataText("applicationId");
            String dataRequest = """
                    {"applicationId":"%2$s","aggregatorId":"demo","customerId":"%1$s","status":"data_request","outcome":null,
                     "entityApplications":[{"entityId":"%1$s","isCustomer":true,"status":"data_request","outcome":null}]}"""
                    .formatted(customerId, applicationId);
            assertJson(identified, 200, envelope(dataRequest));
            assertThat(journeys.kycStatus(customerId)).isEqualTo("WAITING_DATA");

            String passport = journeys.uploadedDocument("passport", "front");
            ApiResponse updated = link(api, customerId, customerId, passport, "front");
            String waitingReview = """
                    {"applicationId":"%2$s","aggregatorId":"demo","customerId":"%1$s","status":"waiting_review","outcome":null,
                     "entityApplications":[{"entityId":"%1$s","isCustomer":true,"status":"waiting_review","outcome":null}]}"""
                    .formatted(customerId, applicationId);
            assertJson(updated, 200, envelope(waitingReview));
            assertJson(api.get("/akepa/status/" + customerId), 200, envelope(waitingReview));
            assertThat(journeys.kycStatus(customerId)).isEqualTo("WAITING_REVIEW");

            ReviewClient reviewer = new ReviewClient(production.server());
            ApiResponse decided = reviewer.postJson("/review/decisions", """
                    {"customerId":"%1$s","entityId":"%1$s","outcome":"approved","reason":"passport shows 1990, not 2020"}"""
                    .formatted(customerId), "x-akepa-reviewer-token", reviewer.token("alice", PASSWORD));
            String approved = """
                    {"applicationId":"%2$s","aggregatorId":"demo","customerId":"%1$s","status":"completed","outcome":"Approved",
                     "entityApplications":[{"entityId":"%1$s","isCustomer":true,"status":"completed","outcome":"approved"}]}"""
                    .formatted(customerId, applicationId);
            assertJson(decided, 200, envelope(approved));
            assertJson(api.get("/akepa/status/" + customerId), 200, envelope(approved));
            assertThat(journeys.kycStatus(customerId)).isEqualTo("APPROVED");

            // The audit trail records the transition like any other, with what the reviewer is to compare.
            assertJson(api.get("/akepa/history/" + customerId), 200, """
                    {"code":"0","data":{"customerId":"%1$s","applicationId":"%2$s","events":[
                      {"dtsCreatedAt":"{{time}}","actor":"partner","trigger":"identification",
                       "reason":"%1$s: applicant is under 18","before":null,"after":%3$s},
                      {"dtsCreatedAt":"{{time}}","actor":"partner","trigger":"documents",
                       "reason":"%1$s: documents attached for the data request: %6$s (passport front); %1$s: compare with the documents: applicant is under 18",
                       "before":%3$s,"after":%4$s},
                      {"dtsCreatedAt":"{{time}}","actor":"reviewer","trigger":"review",
                       "reason":"passport shows 1990, not 2020","before":%4$s,"after":%5$s}
                    ]},"requestId":"{{requestId}}"}""".formatted(customerId, applicationId, history(dataRequest),
                    history(waitingReview), history(approved), passport));

            // And the partner hears of it like any other change: one callback per change, in order.
            List<JsonNode> received = callbacks.await(3);
            assertJson(received.get(0), envelope(withReference(dataRequest, reference)));
            assertJson(received.get(1), envelope(withReference(waitingReview, reference)));
            assertJson(received.get(2), envelope(withReference(approved, reference)));
        }
    }

    @Test
    void approvingADataRequestAnsweredWithoutAnIdentityDocumentNeedsARecordedWaiver() {
        ApiClient api = production.api();
        Journeys journeys = production.journeys();
        String customerId = minor(api, Fixtures.reference());
        journeys.identify(customerId);
        String bill = journeys.uploadedDocument("utility", "front");
        assertThat(link(api, customerId, customerId, bill, "front").dataText("status")).isEqualTo("waiting_review");

        ReviewClient reviewer = new ReviewClient(production.server());
        String token = reviewer.token("alice", PASSWORD);
        ApiResponse refused = reviewer.postJson("/review/decisions", """
                {"customerId":"%1$s","entityId":"%1$s","outcome":"approved","reason":"the bill shows an adult"}"""
                .formatted(customerId), "x-akepa-reviewer-token", token);
        assertJson(refused, 400, """
                {"requestId":"{{requestId}}","code":"identityDocumentsRequired","message":"Entity %1$s has not shown an identity document (a passport front, or the front and back of one two-sided document): attach one, or record why it is waived",
                 "context":{"entityId":"%1$s"}}""".formatted(customerId));
        assertThat(journeys.status(customerId).dataText("status")).isEqualTo("waiting_review");

        ApiResponse approved = reviewer.postJson("/review/decisions", """
                {"customerId":"%1$s","entityId":"%1$s","outcome":"approved","reason":"the bill shows an adult",
                 "identityDocumentsWaiver":"passport seen in branch, copy on file 7781"}""".formatted(customerId),
                "x-akepa-reviewer-token", token);
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.dataText("outcome")).isEqualTo("Approved");
        var events = api.get("/akepa/history/" + customerId).data().get("events");
        assertThat(events.get(events.size() - 1).get("reason").asString())
                .isEqualTo("the bill shows an adult; identity documents waived: passport seen in branch, copy on file 7781");
    }

    @Test
    void aReviewerMayDenyAPersonWhoShowedNoIdentityDocument() {
        ApiClient api = production.api();
        String customerId = minor(api, Fixtures.reference());
        production.journeys().identify(customerId);
        link(api, customerId, customerId, production.journeys().uploadedDocument("utility", "front"), "front");
        ReviewClient reviewer = new ReviewClient(production.server());
        ApiResponse denied = reviewer.postJson("/review/decisions", """
                {"customerId":"%1$s","entityId":"%1$s","outcome":"denied","reason":"a child"}""".formatted(customerId),
                "x-akepa-reviewer-token", reviewer.token("alice", PASSWORD));
        assertThat(denied.dataText("outcome")).as(denied.raw()).isEqualTo("Denied");
    }

    @Test
    void aMinorRepresentativesDocumentsGoToTheConsoleWhoseDenialDeniesTheBusiness() {
        ApiClient api = production.api();
        Journeys journeys = production.journeys();
        String body = Fixtures.business("10001", List.of("Minor"), List.of("RepMinor")).replace("1980-01-01", MINOR_BIRTH_DATE);
        ApiResponse init = api.post("/customer/init", body);
        assertThat(init.status()).as(init.raw()).isEqualTo(200);
        String customerId = init.dataText("customerId");
        ApiResponse identified = journeys.identify(customerId);
        assertJson(identified, 200, envelope("""
                {"applicationId":"{{id:iapp_}}","aggregatorId":"demo","customerId":"%1$s","status":"data_request","outcome":null,
                 "entityApplications":[
                   {"entityId":"RepMinor","isCustomer":false,"status":"data_request","outcome":null},
                   {"entityId":"%1$s","isCustomer":true,"status":"completed","outcome":"approved"}]}""".formatted(customerId)));

        ApiResponse updated = link(api, customerId, "RepMinor", journeys.uploadedDocument("license", "front"), "front");
        assertJson(updated, 200, envelope("""
                {"applicationId":"%2$s","aggregatorId":"demo","customerId":"%1$s","status":"waiting_review","outcome":null,
                 "entityApplications":[
                   {"entityId":"RepMinor","isCustomer":false,"status":"waiting_review","outcome":null},
                   {"entityId":"%1$s","isCustomer":true,"status":"completed","outcome":"approved"}]}"""
                .formatted(customerId, identified.dataText("applicationId"))));

        ReviewClient browser = new ReviewClient(production.server()).loggedIn("alice", PASSWORD);
        assertThat(browser.get("/review/queue?partner=demo").body()).contains(customerId);
        HttpResponse<String> denied = browser.postForm("/review/applications/" + customerId + "/decisions", Map.of(
                "csrf", browser.csrf(), "entityId", "RepMinor", "outcome", "denied", "reason", "the licence shows a child"));
        assertThat(denied.statusCode()).as(denied.body()).isEqualTo(303);
        assertJson(api.get("/akepa/status/" + customerId), 200, envelope("""
                {"applicationId":"%2$s","aggregatorId":"demo","customerId":"%1$s","status":"completed","outcome":"Denied",
                 "entityApplications":[
                   {"entityId":"RepMinor","isCustomer":false,"status":"completed","outcome":"denied"},
                   {"entityId":"%1$s","isCustomer":true,"status":"completed","outcome":"approved"}]}"""
                .formatted(customerId, identified.dataText("applicationId"))));
        assertThat(journeys.kycStatus(customerId)).isEqualTo("DECLINED");
    }

    @Test
    void inTheSandboxDocumentsAreStoredAndTheDataRequestStays() throws Exception {
        // The sandbox never asks for data: a data_request entity comes from a server that ran in production mode.
        try (TestServer server = TestServer.start(PRODUCTION)) {
            String customerId = minor(server.demo(), Fixtures.reference());
            String applicationId = new Journeys(server.demo()).identify(customerId).dataText("applicationId");
            server.restart(Map.of("AKEPA_MODE", "sandbox"));
            ApiClient api = server.demo();
            Journeys journeys = new Journeys(api);

            String passport = journeys.uploadedDocument("passport", "front");
            String dataRequest = envelope("""
                    {"applicationId":"%2$s","aggregatorId":"demo","customerId":"%1$s","status":"data_request","outcome":null,
                     "entityApplications":[{"entityId":"%1$s","isCustomer":true,"status":"data_request","outcome":null}]}"""
                    .formatted(customerId, applicationId));
            assertJson(link(api, customerId, customerId, passport, "front"), 200, dataRequest);
            assertJson(api.get("/akepa/status/" + customerId), 200, dataRequest);
            assertThat(journeys.kycStatus(customerId)).isEqualTo("WAITING_DATA");
            assertThat(Sql.one(server.app().database().jdbi(), String.class,
                    "select entity_id from document where id = :id and application_id = :app",
                    "id", passport, "app", applicationId)).as("the document is stored, attached").isEqualTo(customerId);
            assertThat(api.get("/akepa/history/" + customerId).data().get("events").size())
                    .as("no change, so nothing but the identification in the trail").isEqualTo(1);
        }
    }

    private static String envelope(String data) {
        return "{\"code\":\"0\",\"data\":" + data + ",\"requestId\":\"{{requestId}}\"}";
    }

    /** The history shows a status view without the application's ids. */
    private static String history(String statusData) {
        var view = (ObjectNode) Json.MAPPER.readTree(statusData);
        view.remove(List.of("applicationId", "aggregatorId", "customerId"));
        return Json.MAPPER.writeValueAsString(view);
    }

    /** A callback carries the status data plus the customer's reference. */
    private static String withReference(String statusData, String reference) {
        var data = (ObjectNode) Json.MAPPER.readTree(statusData);
        data.put("reference", reference);
        return Json.MAPPER.writeValueAsString(data);
    }
}
