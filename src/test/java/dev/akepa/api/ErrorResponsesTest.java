package dev.akepa.api;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.Images;
import dev.akepa.testsupport.ServerExtension;
import dev.akepa.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.akepa.testsupport.JsonMatch.assertJson;

/** Every documented error, exact JSON. */
class ErrorResponsesTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension(Map.of("AKEPA_MAX_UPLOAD_BYTES", "100000"));



    @Test
    void missingTokenWrongTokenAndWrongPasswordAreUnauthorized() {
        String expected = """
                {"requestId":"{{requestId}}","code":"unauthorized","message":"Authentication error"}""";
        assertJson(running.server().client().get("/akepa/status/cstap_x"), 401, expected);
        assertJson(running.server().client().withToken("not-a-token").get("/akepa/status/cstap_x"), 401, expected);
        assertJson(running.server().client().post("/auth/get-token", "{\"user\":{\"login\":\"demo\",\"password\":\"wrong\"}}"), 401, expected);
        assertJson(running.server().client().post("/auth/get-token", "{\"user\":{\"login\":\"nobody\",\"password\":\"x\"}}"), 401, expected);
    }

    @Test
    void expiredTokenIsUnauthorized() throws Exception {
        try (TestServer shortLived = TestServer.start(Map.of("AKEPA_TOKEN_TTL", "1ms"))) {
            ApiClient expired = shortLived.demo();
            Thread.sleep(5);
            assertJson(expired.get("/akepa/status/cstap_x"), 401, """
                    {"requestId":"{{requestId}}","code":"unauthorized","message":"Authentication error"}""");
        }
    }

    @Test
    void unknownCustomerOnIdentificationAndCustomerStatus() {
        String expected = """
                {"requestId":"{{requestId}}","code":"customerNotFound","context":{"customerId":"cstap_nope"},"message":"Customer not found."}""";
        assertJson(running.api().post("/akepa/identification", "{\"customerId\":\"cstap_nope\"}"), 400, expected);
        assertJson(running.api().get("/customer/status/cstap_nope"), 400, expected);
    }

    @Test
    void statusAndUpdateBeforeIdentificationAreIdentificationNotFound() {
        String customerId = running.journeys().initIndividual("Early");
        String expected = """
                {"requestId":"{{requestId}}","code":"identificationNotFound","context":{"customerId":"%s"},"message":"Identification not found"}"""
                .formatted(customerId);
        assertJson(running.api().get("/akepa/status/" + customerId), 400, expected);
        assertJson(running.api().post("/akepa/update", "{\"customerId\":\"" + customerId + "\",\"documents\":[]}"), 400, expected);
    }

    @Test
    void duplicateRepresentativeIdsAreRefusedAtIdentification() {
        String customerId = running.journeys().initBusiness("10001", List.of("A", "B"), List.of("SameId", "SameId")).dataText("customerId");
        assertJson(running.api().post("/akepa/identification", "{\"customerId\":\"" + customerId + "\"}"), 400, """
                {"requestId":"{{requestId}}","code":"extAkepa","subCode":4091,"message":"Multiple entities cannot have the same external_entity_id."}""");
    }

    @Test
    void duplicateSsnAndDuplicateReferenceAreRefused() {
        String ssn = Fixtures.issuableSsn();
        String reference = Fixtures.reference();
        String first = running.api().post("/customer/init", Fixtures.individual(reference, "One", ssn)).dataText("customerId");
        assertJson(running.api().post("/customer/init", Fixtures.individual(Fixtures.reference(), "Two", ssn)), 400, """
                {"requestId":"{{requestId}}","code":"customerExists","context":{"cFiAggregatorId":"demo","customerId":"%s"},"message":"Customer exists."}"""
                .formatted(first));
        assertJson(running.api().post("/customer/init", Fixtures.individual(reference, "Three", Fixtures.issuableSsn())), 400, """
                {"requestId":"{{requestId}}","code":"referenceExists","context":{"reference":"%s","entityId":"%s"},"message":"Reference exists."}"""
                .formatted(reference, first));
    }

    @Test
    void uploadErrors() {
        assertJson(running.api().upload("doc_6nUpgZJJXI0WAWhT1etoaK1", Images.jpeg(100), "a.jpg"), 400, """
                {"requestId":"{{requestId}}","code":"documentNotFound","context":{"documentId":"doc_6nUpgZJJXI0WAWhT1etoaK1"},"message":"Document doc_6nUpgZJJXI0WAWhT1etoaK1 not found"}""");

        String id = running.api().post("/akepa/document/generate", Fixtures.generate("jpg", "license", "front")).dataText("id");
        assertJson(running.api().upload(id, Images.png(100), "a.jpg"), 400, """
                {"requestId":"{{requestId}}","code":"fileTypeMismatch","context":{"extension":"jpg"},"message":"File content is not a jpg image"}""");
        assertJson(running.api().upload(id, Images.jpeg(100_001), "big.jpg"), 413, """
                {"requestId":"{{requestId}}","code":"fileTooLarge","context":{"maxBytes":100000},"message":"File exceeds the limit of 100000 bytes"}""");
        String boundary = "xyz";
        byte[] noFile = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertJson(running.api().send("POST", "/akepa/document/upload/" + id, "multipart/form-data; boundary=" + boundary, noFile), 400, """
                {"requestId":"{{requestId}}","code":"fileNotFound","message":"No file in the multipart/form-data body"}""");
        assertJson(running.api().send("POST", "/akepa/document/upload/" + id, "application/json", "{}".getBytes()), 415, """
                {"requestId":"{{requestId}}","code":"unsupportedMediaType","message":"Content-Type must be multipart/form-data"}""");

        assertJson(running.api().upload(id, Images.jpeg(1000), "a.jpg"), 200, """
                {"code":"0","data":{"id":"%s","aggregatorId":"demo","uploadStatus":true,"workflow":"PERSONAL","name":"front",
                 "extension":"jpg","type":"license","dtsCreatedAt":"{{time}}"},"requestId":"{{requestId}}"}""".formatted(id));
        assertJson(running.api().upload(id, Images.jpeg(1000), "a.jpg"), 400, """
                {"requestId":"{{requestId}}","code":"extAkepa","subCode":4091,"message":"The specified document has already been uploaded."}""");
    }

    @Test
    void updateErrorsInTheRulingsOrder() {
        String customerId = running.journeys().initIndividual("Upd");
        running.journeys().identify(customerId);
        String notUploaded = running.api().post("/akepa/document/generate", Fixtures.generate("jpg", "license", "front")).dataText("id");
        assertJson(running.api().post("/akepa/update", Fixtures.update(customerId, List.<String[]>of(new String[]{customerId, "doc_missing", "front"}))), 400, """
                {"requestId":"{{requestId}}","code":"documentNotFound","context":{"documentId":"doc_missing"},"message":"Document doc_missing not found"}""");
        assertJson(running.api().post("/akepa/update", Fixtures.update(customerId, List.<String[]>of(new String[]{customerId, notUploaded, "front"}))), 400, """
                {"requestId":"{{requestId}}","code":"fileNotFound","context":{"documentId":"%1$s"},"message":"Document %1$s has no uploaded file"}"""
                .formatted(notUploaded));
        String uploaded = running.journeys().uploadedDocument("license", "front");
        assertJson(running.api().post("/akepa/update", Fixtures.update(customerId, List.<String[]>of(new String[]{"NoSuchEntity", uploaded, "front"}))), 400, """
                {"requestId":"{{requestId}}","code":"entityNotFound","context":{"entityId":"NoSuchEntity"},"message":"Entity NoSuchEntity not found"}""");

        String other = running.journeys().initIndividual("Other");
        running.journeys().identify(other);
        running.api().post("/akepa/update", Fixtures.update(other, List.<String[]>of(new String[]{other, uploaded, "front"})));
        assertJson(running.api().post("/akepa/update", Fixtures.update(customerId, List.<String[]>of(new String[]{customerId, uploaded, "front"}))), 400, """
                {"requestId":"{{requestId}}","code":"documentInUse","context":{"documentId":"%1$s"},"message":"Document %1$s is already attached"}"""
                .formatted(uploaded));
    }

    @Test
    void updateOfACompletedEntityAndOfACompletedApplication() {
        String customerId = running.journeys().initBusiness("00000", List.of("Smith"), List.of("ExtBusRepId123")).dataText("customerId");
        running.journeys().identify(customerId);
        running.journeys().attachLicence(customerId, "ExtBusRepId123");
        String more = running.journeys().uploadedDocument("license", "front");
        assertJson(running.api().post("/akepa/update", Fixtures.update(customerId, List.<String[]>of(new String[]{"ExtBusRepId123", more, "front"}))), 400, """
                {"requestId":"{{requestId}}","code":"statusApplicationEntity","message":"Entity ExtBusRepId123 has status completed"}""");

        String denied = running.journeys().initIndividual("Denied");
        String applicationId = running.journeys().identify(denied).dataText("applicationId");
        assertJson(running.api().post("/akepa/update", Fixtures.update(denied, List.<String[]>of(new String[]{denied, more, "front"}))), 400, """
                {"requestId":"{{requestId}}","code":"statusApplication","message":"Application %s has status completed"}"""
                .formatted(applicationId));
    }

    @Test
    void malformedJsonWrongContentTypeUnknownRouteAndWrongMethod() {
        assertJson(running.api().post("/akepa/identification", "{\"customerId\":"), 400, """
                {"requestId":"{{requestId}}","code":"invalidJson","message":"{{any}}"}""");
        assertJson(running.api().send("POST", "/akepa/identification", "text/plain", "{}".getBytes()), 415, """
                {"requestId":"{{requestId}}","code":"unsupportedMediaType","message":"Content-Type must be application/json"}""");
        assertJson(running.api().get("/akepa/nothing-here"), 404, """
                {"requestId":"{{requestId}}","code":"notFound","message":"Route not found"}""");
        assertJson(running.api().send("DELETE", "/akepa/identification", null, null), 405, """
                {"requestId":"{{requestId}}","code":"methodNotAllowed","message":"Method not allowed"}""");
    }

    @Test
    void oversizeJsonBodyIsRefused() {
        String huge = "{\"customerId\":\"" + "x".repeat(1_100_000) + "\"}";
        assertJson(running.api().post("/akepa/identification", huge), 413, """
                {"requestId":"{{requestId}}","code":"requestTooLarge","message":"Request body exceeds 1048576 bytes"}""");
    }

    @Test
    void aFileFarOverTheLimitIsRefusedByItsDeclaredLength() {
        String id = running.api().post("/akepa/document/generate", Fixtures.generate("jpg", "license", "front")).dataText("id");
        assertJson(running.api().upload(id, Images.jpeg(1_000_000), "huge.jpg"), 413, """
                {"requestId":"{{requestId}}","code":"fileTooLarge","context":{"maxBytes":100000},"message":"File exceeds the limit of 100000 bytes"}""");
        assertJson(running.api().upload(id, Images.jpeg(1000), "ok.jpg"), 200, """
                {"code":"0","data":{"id":"%s","aggregatorId":"demo","uploadStatus":true,"workflow":"PERSONAL","name":"front",
                 "extension":"jpg","type":"license","dtsCreatedAt":"{{time}}"},"requestId":"{{requestId}}"}""".formatted(id));
    }
}
