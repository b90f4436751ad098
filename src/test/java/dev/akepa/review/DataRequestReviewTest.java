package dev.akepa.review;

import com.sun.net.httpserver.HttpServer;
import dev.akepa.json.Json;
import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ApiResponse;
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

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    void a_minors_passport_goes_to_a_reviewer_whose_approval_completes_the_journey() throws Exception {
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
    void a_minor_representatives_documents_go_to_the_console_whose_denial_denies_the_business() {
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
    void in_the_sandbox_documents_are_stored_and_the_data_request_stays() throws Exception {
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

    /** Webhook callbacks on 127.0.0.1, first delivery of each webhook-id in arrival order. */
    private static final class CallbackReceiver implements AutoCloseable {
        private final HttpServer server;
        private final Map<String, JsonNode> firstById = new LinkedHashMap<>();

        CallbackReceiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hook", exchange -> {
                try (exchange) {
                    JsonNode body = Json.MAPPER.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    synchronized (firstById) {
                        firstById.putIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), body);
                        firstById.notifyAll();
                    }
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<JsonNode> await(int count) throws InterruptedException {
            long deadline = System.nanoTime() + 30_000_000_000L;
            synchronized (firstById) {
                while (firstById.size() < count) {
                    long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
                    assertThat(leftMillis).as("%d callbacks expected, got %s", count, firstById.values()).isPositive();
                    firstById.wait(leftMillis);
                }
                return new ArrayList<>(firstById.values());
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
