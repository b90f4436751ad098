package dev.akepa.api;

import dev.akepa.json.Json;
import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.CallbackReceiver;
import dev.akepa.testsupport.CustomerBodies;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.ServerExtension;
import dev.akepa.verification.screening.OfacSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.akepa.testsupport.CustomerBodies.customer;
import static dev.akepa.testsupport.CustomerBodies.representative;
import static dev.akepa.testsupport.CustomerBodies.structure;
import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /customer/update in production mode: every path, its refusals, and the way out of data_request. */
class CustomerUpdateTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension(Map.of(
            "AKEPA_MODE", "production",
            "AKEPA_SANCTIONS_DIR", OfacSample.directory().toString(),
            "AKEPA_WEBHOOK_ALLOW_PRIVATE", "true"));

    private final ApiClient api = running.api();

    private String init(ObjectNode body) {
        ApiResponse init = api.post("/customer/init", body);
        assertThat(init.status()).as(init.raw()).isEqualTo(200);
        return init.dataText("customerId");
    }

    private static ObjectNode minor() {
        ObjectNode body = CustomerBodies.individual();
        customer(body).put("dateOfBirth", "2015-03-04");
        return body;
    }

    private ApiResponse update(String customerId, String customerJson) {
        return api.post("/customer/update", "{\"customerId\":\"" + customerId + "\",\"customer\":" + customerJson + "}");
    }

    private List<String> statuses(String customerId) {
        List<String> statuses = new ArrayList<>();
        running.journeys().status(customerId).data().get("entityApplications")
                .forEach(e -> statuses.add(e.get("entityId").asString() + "=" + e.get("status").asString()));
        return statuses;
    }

    private String lastReason(String customerId) {
        JsonNode events = api.get("/akepa/history/" + customerId).data().get("events");
        return events.get(events.size() - 1).get("reason").asString();
    }

    @Test
    void aDataRequestIsCorrectedVerifiedAgainAndApprovedWithACallbackForEveryChange() throws Exception {
        try (CallbackReceiver callbacks = new CallbackReceiver()) {
            ObjectNode body = minor();
            String reference = body.get("customerReference").asString();
            String customerId = init(body);
            ApiResponse identified = api.post("/akepa/identification", """
                    {"customerId":"%s","webhookURL":"%s"}""".formatted(customerId, callbacks.url()));
            assertThat(identified.dataText("status")).isEqualTo("data_request");
            String applicationId = identified.dataText("applicationId");

            ApiResponse updated = update(customerId, "{\"dateOfBirth\":\"1985-03-04\"}");
            assertJson(updated, 200, """
                    {"code":"0","data":{"reference":"%2$s","customerId":"%1$s","customerType":"individual","kycStatus":"WAITING_DATA",
                     "customer":%3$s,"dtsCreatedAt":"{{time}}"},"requestId":"{{requestId}}"}"""
                    .formatted(customerId, reference, masked(customer(body).deepCopy().put("dateOfBirth", "1985-03-04"))));
            assertThat(statuses(customerId)).containsExactly(customerId + "=pending_step_up");
            assertThat(lastReason(customerId)).isEqualTo("customer data changed: dateOfBirth; " + customerId
                    + ": data checks passed; no sanctions match; identity documents required");
            assertThat(lastReason(customerId)).doesNotContain("1985");

            ApiResponse approved = running.journeys().attachLicence(customerId, customerId);
            assertThat(approved.dataText("outcome")).isEqualTo("Approved");

            List<JsonNode> received = callbacks.await(3);
            String entity = "{\"entityId\":\"%s\",\"isCustomer\":true,\"status\":\"%s\",\"outcome\":%s}";
            String callback = """
                    {"code":"0","data":{"applicationId":"%s","aggregatorId":"demo","customerId":"%s","status":"%s","outcome":%s,
                     "entityApplications":[%s],"reference":"%s"},"requestId":"{{requestId}}"}""";
            assertJson(received.get(0), callback.formatted(applicationId, customerId, "data_request", "null",
                    entity.formatted(customerId, "data_request", "null"), reference));
            assertJson(received.get(1), callback.formatted(applicationId, customerId, "pending_step_up", "null",
                    entity.formatted(customerId, "pending_step_up", "null"), reference));
            assertJson(received.get(2), callback.formatted(applicationId, customerId, "completed", "\"Approved\"",
                    entity.formatted(customerId, "completed", "\"approved\""), reference));
            assertThat(running.journeys().kycStatus(customerId)).isEqualTo("APPROVED");
        }
    }

    private static String masked(ObjectNode customer) {
        ObjectNode copy = customer.deepCopy();
        ObjectNode ssn = (ObjectNode) copy.get("identificationDocuments").get(0);
        String value = ssn.get("value").asString();
        ssn.put("value", "*****" + value.substring(5));
        return Json.MAPPER.writeValueAsString(copy);
    }

    @Test
    void beforeIdentificationAnUpdateOnlyChangesTheDataThatIdentificationThenVerifies() {
        String customerId = init(minor());
        ApiResponse updated = update(customerId, "{\"dateOfBirth\":\"1980-01-01\",\"email\":\"jane.new@example.com\"}");
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.data().get("customer").get("email").asString()).isEqualTo("jane.new@example.com");
        assertThat(running.journeys().identify(customerId).dataText("status")).isEqualTo("pending_step_up");
        assertThat(api.get("/customer/status/" + customerId).data().get("customer").get("dateOfBirth").asString())
                .isEqualTo("1980-01-01");
    }

    @Test
    void aRepresentativeIsChangedAddedAndRemovedAndTheStructureIsCheckedAgain() {
        // No controller: the business entity waits for data; the representative under 18 too.
        ObjectNode body = structure(CustomerBodies.business("RepOld", "RepKid"), 50, false, 50, false);
        representative(body, 1).put("dateOfBirth", "2015-01-01");
        String customerId = init(body);
        running.journeys().identify(customerId);
        assertThat(statuses(customerId)).containsExactly("RepOld=pending_step_up", "RepKid=data_request", customerId + "=data_request");

        ObjectNode added = representative(CustomerBodies.business("X"), 0).deepCopy();
        added.remove("id");
        added.put("ownershipPercentage", 30).put("isController", true);
        ApiResponse updated = update(customerId, """
                {"businessRepresentatives":[{"id":"RepKid","remove":true},{"id":"RepOld","ownershipPercentage":70},%s]}"""
                .formatted(added));
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        JsonNode reps = updated.data().get("customer").get("businessRepresentatives");
        assertThat(reps.size()).isEqualTo(2);
        String newId = reps.get(1).get("id").asString();
        assertThat(newId).matches("brep_[0-9A-Za-z]{22}");
        assertThat(statuses(customerId)).containsExactly("RepOld=pending_step_up", newId + "=pending_step_up",
                customerId + "=completed");
        assertThat(lastReason(customerId)).startsWith("customer data changed: businessRepresentatives[-RepKid], "
                + "businessRepresentatives[RepOld].ownershipPercentage, businessRepresentatives[+" + newId + "]");
    }

    @Test
    void aStructureThatIsStillWrongKeepsTheBusinessInDataRequestWithTheNewReason() {
        String customerId = init(structure(CustomerBodies.business("RepS"), 10, false));
        running.journeys().identify(customerId);
        ApiResponse updated = update(customerId, "{\"businessRepresentatives\":[{\"id\":\"RepS\",\"ownershipPercentage\":120}]}");
        assertThat(updated.status()).as(updated.raw()).isEqualTo(400);
        // The schema caps a share at 100; a sum above 100 is the structure check's to find.
        ApiResponse again = update(customerId, "{\"businessName\":\"Acme Widgets Holdings\"}");
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(statuses(customerId)).containsExactly("RepS=pending_step_up", customerId + "=data_request");
        assertThat(lastReason(customerId)).isEqualTo("customer data changed: businessName; " + customerId
                + ": no control person: no representative has isController true");
    }

    @Test
    void anEntityPastItsDataChecksCannotChangeAndACompletedCustomerRefusesEveryChange() {
        String customerId = init(CustomerBodies.individual());
        String applicationId = running.journeys().identify(customerId).dataText("applicationId");
        assertJson(update(customerId, "{\"lastName\":\"Other\"}"), 400, """
                {"requestId":"{{requestId}}","code":"statusApplicationEntity","message":"Entity %s has status pending_step_up"}"""
                .formatted(customerId));
        running.journeys().attachLicence(customerId, customerId);
        assertJson(update(customerId, "{\"email\":\"jane.else@example.com\"}"), 400, """
                {"requestId":"{{requestId}}","code":"statusApplication","message":"Application %s has status completed"}"""
                .formatted(applicationId));
        assertThat(api.get("/customer/status/" + customerId).data().get("customer").get("email").asString())
                .isEqualTo("jane@example.com");
        // Nothing differs: nothing to refuse.
        assertThat(update(customerId, "{\"email\":\"jane@example.com\"}").status()).isEqualTo(200);
    }

    @Test
    void aRepresentativeInStepUpCannotBeChangedWhileTheBusinessIsCorrected() {
        String customerId = init(structure(CustomerBodies.business("RepT"), 40, false));
        running.journeys().identify(customerId);
        assertJson(update(customerId, "{\"businessRepresentatives\":[{\"id\":\"RepT\",\"lastName\":\"Changed\"}]}"), 400, """
                {"requestId":"{{requestId}}","code":"statusApplicationEntity","message":"Entity RepT has status pending_step_up"}""");
        assertThat(update(customerId, "{\"businessRepresentatives\":[{\"id\":\"RepT\",\"isController\":true}]}").status())
                .isEqualTo(200);
        assertThat(statuses(customerId)).containsExactly("RepT=pending_step_up", customerId + "=completed");
    }

    @Test
    void anSsnAnotherCustomerHasIsRefusedAsAtInit() {
        ObjectNode first = CustomerBodies.individual();
        String firstId = init(first);
        String secondId = init(CustomerBodies.individual());
        ApiResponse refused = update(secondId, "{\"identificationDocuments\":[{\"type\":\"SSN\",\"value\":\""
                + CustomerBodies.ssnOf(customer(first)) + "\",\"issuanceCountryCodeA3\":\"USA\"}]}");
        assertJson(refused, 400, """
                {"requestId":"{{requestId}}","code":"customerExists","message":"Customer exists.",
                 "context":{"cFiAggregatorId":"demo","customerId":"%s"}}""".formatted(firstId));
        String fresh = Fixtures.issuableSsn();
        ApiResponse accepted = update(secondId, "{\"identificationDocuments\":[{\"type\":\"SSN\",\"value\":\"" + fresh
                + "\",\"issuanceCountryCodeA3\":\"USA\"}]}");
        assertThat(accepted.data().get("customer").get("identificationDocuments").get(0).get("value").asString())
                .isEqualTo("*****" + fresh.substring(5));
        // And the old SSN is free again.
        assertThat(update(firstId, "{\"firstName\":\"Janet\"}").status()).isEqualTo(200);
    }

    @Test
    void unknownForeignAndInvalidRequestsGetTheDocumentedErrors() {
        String customerId = init(CustomerBodies.individual());
        assertJson(update("cstap_nope", "{\"email\":\"a@example.com\"}"), 400, """
                {"requestId":"{{requestId}}","code":"customerNotFound","message":"Customer not found.","context":{"customerId":"cstap_nope"}}""");
        assertJson(running.server().other().post("/customer/update",
                "{\"customerId\":\"" + customerId + "\",\"customer\":{\"email\":\"a@example.com\"}}"), 400, """
                {"requestId":"{{requestId}}","code":"customerNotFound","message":"Customer not found.","context":{"customerId":"%s"}}"""
                .formatted(customerId));
        assertJson(update(customerId, "{}"), 400, """
                {"requestId":"{{requestId}}","code":"requestValidateError","context":[{"instancePath":"/customer",
                 "schemaPath":"#/properties/customer/minProperties","keyword":"minProperties","params":{"limit":1},
                 "message":"must NOT have fewer than 1 properties"}]}""");
        assertJson(update(customerId, "{\"gender\":\"Q\"}"), 400, """
                {"requestId":"{{requestId}}","code":"requestValidateError","context":[{"instancePath":"/customer/gender",
                 "schemaPath":"#/properties/customer/properties/gender/enum","keyword":"enum","params":{"allowedValues":["M","F","X"]},
                 "message":"must be equal to one of the allowed values"}]}""");
        String businessId = init(CustomerBodies.business("RepU"));
        assertJson(update(businessId, "{\"businessRepresentatives\":[{\"id\":\"RepU\",\"remove\":true,\"firstName\":\"A\"}]}"), 400, """
                {"requestId":"{{requestId}}","code":"requestValidateError","context":[{"instancePath":"/customer/businessRepresentatives/0",
                 "schemaPath":"#/properties/customer/properties/businessRepresentatives/items/then/then/maxProperties",
                 "keyword":"maxProperties","params":{"limit":2},"message":"must NOT have more than 2 properties"}]}""");
        assertJson(update(businessId, "{\"businessRepresentatives\":[{\"firstName\":\"A\"}]}"), 400, """
                {"requestId":"{{requestId}}","code":"requestValidateError","context":[{"instancePath":"/customer/businessRepresentatives/0",
                 "schemaPath":"#/properties/customer/properties/businessRepresentatives/items/else/required",
                 "keyword":"required","params":{"missingProperty":"lastName"},"message":"must have required property 'lastName'"}]}""");
        assertJson(update(businessId, "{\"businessRepresentatives\":[{\"id\":\"Nobody\",\"firstName\":\"A\"}]}"), 400, """
                {"requestId":"{{requestId}}","code":"entityNotFound","message":"Entity Nobody not found","context":{"entityId":"Nobody"}}""");
    }

    @Test
    void concurrentUpdatesOfOneCustomerSerialiseAndLoseNothing() throws Exception {
        String customerId = init(CustomerBodies.business("RepV"));
        running.journeys().identify(customerId);
        ObjectNode template = representative(CustomerBodies.business("X"), 0).deepCopy();
        template.remove("id");
        template.put("ownershipPercentage", 1).put("isController", false);
        int writers = 8;
        // The business entity is completed once identified, so structure changes need it back in data_request.
        assertThat(update(customerId, "{\"businessRepresentatives\":[{\"id\":\"RepV\",\"isController\":false}]}").status())
                .isEqualTo(400);
        String dataRequest = init(structure(CustomerBodies.business("RepW"), 10, false));
        running.journeys().identify(dataRequest);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<ApiResponse>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                ObjectNode rep = template.deepCopy();
                CustomerBodies.setSsn(rep, Fixtures.issuableSsn());
                Callable<ApiResponse> call = () -> update(dataRequest, "{\"businessRepresentatives\":[" + rep + "]}");
                results.add(pool.submit(call));
            }
            for (Future<ApiResponse> r : results) assertThat(r.get().status()).as(r.get().raw()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        JsonNode reps = api.get("/customer/status/" + dataRequest).data().get("customer").get("businessRepresentatives");
        assertThat(reps.size()).isEqualTo(1 + writers);
        assertThat(statuses(dataRequest)).hasSize(2 + writers);
        JsonNode events = api.get("/akepa/history/" + dataRequest).data().get("events");
        assertThat(events.size()).isEqualTo(1 + writers);
    }
}
