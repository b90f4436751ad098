package dev.akepa.review;

import dev.akepa.json.Json;
import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.Journeys;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /review/auth/get-token and POST /review/decisions, and what each kind of credential may call. */
class ReviewApiTest {
    static final String REVIEWER_HEADER = "x-akepa-reviewer-token";
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();
    static ApiClient partner;
    static ReviewClient reviewer;
    static String token;

    @BeforeAll
    static void createReviewer() {
        partner = running.api();
        running.server().createReviewer("alice", "correct horse battery");
        reviewer = new ReviewClient(running.server());
        token = reviewer.token("alice", "correct horse battery");
    }

    private static String decision(String customerId, String entityId, String outcome, String reason) {
        return """
                {"customerId":"%s","entityId":"%s","outcome":"%s","reason":"%s"}""".formatted(customerId, entityId, outcome, reason);
    }

    @Test
    void reviewer_token_is_issued_like_a_partner_token() {
        assertJson(reviewer.apiToken("alice", "correct horse battery"), 200, """
                {"code":"0","data":{"token":"{{token}}","dtsExpireAt":"{{time}}"},"requestId":"{{requestId}}"}""");
    }

    @Test
    void wrong_reviewer_password_and_partner_credentials_get_no_reviewer_token() {
        String unauthorized = """
                {"code":"unauthorized","message":"Authentication error","requestId":"{{requestId}}"}""";
        assertJson(reviewer.apiToken("alice", "wrong password!"), 401, unauthorized);
        assertJson(reviewer.apiToken("demo", "demo-password"), 401, unauthorized);
    }

    @Test
    void a_decision_answers_like_status_and_is_visible_through_status_at_once() {
        String customerId = ReviewCases.waitingIndividual(partner);
        ApiResponse decided = reviewer.postJson("/review/decisions",
                decision(customerId, customerId, "approved", "documents match the applicant"), REVIEWER_HEADER, token);
        String expected = """
                {"code":"0","data":{"applicationId":"{{id:iapp_}}","aggregatorId":"demo","customerId":"%1$s",
                 "status":"completed","outcome":"Approved",
                 "entityApplications":[{"entityId":"%1$s","isCustomer":true,"status":"completed","outcome":"approved"}]},
                 "requestId":"{{requestId}}"}""".formatted(customerId);
        assertJson(decided, 200, expected);
        assertJson(partner.get("/akepa/status/" + customerId), 200, expected);
        assertThat(new Journeys(partner).kycStatus(customerId)).isEqualTo("APPROVED");
    }

    @Test
    void a_decision_reaches_the_partner_as_a_status_callback() throws Exception {
        LinkedBlockingQueue<JsonNode> callbacks = new LinkedBlockingQueue<>();
        com.sun.net.httpserver.HttpServer receiver =
                com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            callbacks.add(Json.MAPPER.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Journeys journeys = new Journeys(partner);
            String customerId = journeys.initIndividual("WaitReview");
            assertThat(partner.post("/akepa/identification", """
                    {"customerId":"%s","webhookURL":"http://127.0.0.1:%d/hook"}"""
                    .formatted(customerId, receiver.getAddress().getPort())).status()).isEqualTo(200);
            journeys.attachLicence(customerId, customerId);
            reviewer.postJson("/review/decisions", decision(customerId, customerId, "denied", "forged licence"),
                    REVIEWER_HEADER, token);

            JsonNode last = null;
            while (last == null || !"completed".equals(last.path("data").path("status").asString())) {
                last = callbacks.poll(20, TimeUnit.SECONDS);
                assertThat(last).as("a callback for the decision").isNotNull();
            }
            assertThat(last.get("data").get("customerId").asString()).isEqualTo(customerId);
            assertThat(last.get("data").get("outcome").asString()).isEqualTo("Denied");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void one_entity_of_a_business_is_decided_and_the_journey_recomputed() {
        String customerId = ReviewCases.waitingBusiness(partner);
        ApiResponse decided = reviewer.postJson("/review/decisions",
                decision(customerId, customerId, "denied", "address does not exist"), REVIEWER_HEADER, token);
        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        assertThat(decided.dataText("status")).isEqualTo("completed");
        assertThat(decided.dataText("outcome")).isEqualTo("Denied");
        var business = decided.data().get("entityApplications").valueStream()
                .filter(e -> e.get("entityId").asString().equals(customerId)).findFirst().orElseThrow();
        assertThat(business.get("isCustomer").asBoolean()).isTrue();
        assertThat(business.get("outcome").asString()).isEqualTo("denied");
    }

    @Test
    void only_a_waiting_review_entity_can_be_decided() {
        String customerId = ReviewCases.waitingIndividual(partner);
        String body = decision(customerId, customerId, "denied", "first decision");
        assertThat(reviewer.postJson("/review/decisions", body, REVIEWER_HEADER, token).status()).isEqualTo(200);
        assertJson(reviewer.postJson("/review/decisions", body, REVIEWER_HEADER, token), 400, """
                {"code":"statusApplicationEntity","message":"Entity %s has status completed","requestId":"{{requestId}}"}"""
                .formatted(customerId));
    }

    @Test
    void unknown_customer_and_entity_are_reported_like_the_partner_api() {
        String customerId = ReviewCases.waitingIndividual(partner);
        assertJson(reviewer.postJson("/review/decisions", decision("cstap_nope", "x", "approved", "r"), REVIEWER_HEADER, token),
                400, """
                {"code":"customerNotFound","context":{"customerId":"cstap_nope"},"message":"Customer not found.","requestId":"{{requestId}}"}""");
        assertJson(reviewer.postJson("/review/decisions", decision(customerId, "nobody", "approved", "r"), REVIEWER_HEADER, token),
                400, """
                {"code":"entityNotFound","context":{"entityId":"nobody"},"message":"Entity nobody not found","requestId":"{{requestId}}"}""");
    }

    @Test
    void a_decision_without_a_reason_is_refused_with_the_schema_error() {
        String customerId = ReviewCases.waitingIndividual(partner);
        assertJson(reviewer.postJson("/review/decisions", """
                {"customerId":"%1$s","entityId":"%1$s","outcome":"denied"}""".formatted(customerId), REVIEWER_HEADER, token),
                400, """
                {"code":"requestValidateError","context":[{"instancePath":"","schemaPath":"#/required","keyword":"required",
                 "params":{"missingProperty":"reason"},"message":"must have required property 'reason'"}],"requestId":"{{requestId}}"}""");
        assertJson(reviewer.postJson("/review/decisions", decision(customerId, customerId, "denied", "   "), REVIEWER_HEADER, token),
                400, """
                {"code":"requestValidateError","context":[{"instancePath":"/reason","schemaPath":"#/properties/reason/minLength",
                 "keyword":"minLength","params":{"limit":1},"message":"must NOT have fewer than 1 characters"}],
                 "requestId":"{{requestId}}"}""");
        assertJson(reviewer.postJson("/review/decisions", decision(customerId, customerId, "denied", ""), REVIEWER_HEADER, token),
                400, """
                {"code":"requestValidateError","context":[{"instancePath":"/reason","schemaPath":"#/properties/reason/minLength",
                 "keyword":"minLength","params":{"limit":1},"message":"must NOT have fewer than 1 characters"}],
                 "requestId":"{{requestId}}"}""");
        assertJson(reviewer.postJson("/review/decisions", decision(customerId, customerId, "maybe", "why not"), REVIEWER_HEADER, token),
                400, """
                {"code":"requestValidateError","context":[{"instancePath":"/outcome","schemaPath":"#/properties/outcome/enum",
                 "keyword":"enum","params":{"allowedValues":["approved","denied"]},
                 "message":"must be equal to one of the allowed values"}],"requestId":"{{requestId}}"}""");
        assertThat(new Journeys(partner).status(customerId).dataText("status")).isEqualTo("waiting_review");
    }

    @Test
    void a_partner_token_cannot_use_the_review_api_or_the_console() {
        String customerId = ReviewCases.waitingIndividual(partner);
        String body = decision(customerId, customerId, "approved", "partner trying");
        String unauthorized = """
                {"code":"unauthorized","message":"Authentication error","requestId":"{{requestId}}"}""";
        assertJson(reviewer.postJson("/review/decisions", body, "x-connectfi-token", partner.token()), 401, unauthorized);
        assertJson(reviewer.postJson("/review/decisions", body, REVIEWER_HEADER, partner.token()), 401, unauthorized);
        assertJson(ReviewClient.asApi(reviewer.get("/review/queue", "x-connectfi-token", partner.token())), 401, unauthorized);
        assertJson(ReviewClient.asApi(reviewer.get("/review/applications/" + customerId, "x-connectfi-token", partner.token())),
                401, unauthorized);
        assertThat(new Journeys(partner).status(customerId).dataText("status")).isEqualTo("waiting_review");
    }

    @Test
    void a_reviewer_token_or_session_cannot_call_partner_endpoints() {
        String customerId = ReviewCases.waitingIndividual(partner);
        String unauthorized = """
                {"code":"unauthorized","message":"Authentication error","requestId":"{{requestId}}"}""";
        assertJson(reviewer.getJson("/akepa/status/" + customerId, "x-connectfi-token", token), 401, unauthorized);
        assertJson(reviewer.getJson("/akepa/status/" + customerId, REVIEWER_HEADER, token), 401, unauthorized);
        assertJson(reviewer.postJson("/akepa/sandbox/review", """
                {"customerId":"%1$s","entityId":"%1$s","outcome":"approved"}""".formatted(customerId), REVIEWER_HEADER, token),
                401, unauthorized);

        ReviewClient console = new ReviewClient(running.server()).loggedIn("alice", "correct horse battery");
        String session = console.cookies.get("akepa_console");
        assertJson(console.getJson("/akepa/status/" + customerId, "Cookie", "akepa_console=" + session), 401, unauthorized);
        assertJson(console.getJson("/akepa/history/" + customerId), 401, unauthorized);
    }
}
