package dev.akepa.api;

import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.ServerExtension;
import dev.akepa.verification.screening.OfacSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** Production mode over HTTP: data checks and sanctions screening instead of the sandbox triggers. */
class ProductionModeTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension(Map.of(
                "AKEPA_MODE", "production",
                "AKEPA_SANCTIONS_DIR", OfacSample.directory().toString(),
                "AKEPA_WEBHOOK_ALLOW_PRIVATE", "true"));



    private String person(String first, String last, String dob) {
        String body = Fixtures.individual(last).replace("\"firstName\":\"Jane\"", "\"firstName\":\"" + first + "\"")
                .replace("1990-04-12", dob);
        return running.api().post("/customer/init", body).dataText("customerId");
    }

    @Test
    void aSanctionedNameWaitsForAHuman() {
        String customerId = person("Nicolas", "Maduro Moros", "1962-11-23");
        ApiResponse r = running.journeys().identify(customerId);
        assertJson(r, 200, """
                {"code":"0","data":{"applicationId":"{{id:iapp_}}","aggregatorId":"demo","customerId":"%1$s",
                 "status":"waiting_review","outcome":null,
                 "entityApplications":[{"entityId":"%1$s","isCustomer":true,"status":"waiting_review","outcome":null}]},
                 "requestId":"{{requestId}}"}""".formatted(customerId));
    }

    @Test
    void anOrdinaryAdultIsAskedForDocumentsAndSandboxNamesMeanNothing() {
        String customerId = person("Jane", "Denied", "1985-06-01");
        assertThat(running.journeys().identify(customerId).dataText("status")).isEqualTo("pending_step_up");
        ApiResponse updated = running.journeys().attachLicence(customerId, customerId);
        assertThat(updated.dataText("outcome")).isEqualTo("Approved");
    }

    @Test
    void aMinorIsADataRequest() {
        String customerId = person("Young", "Person", "2020-01-01");
        assertThat(running.journeys().identify(customerId).dataText("status")).isEqualTo("data_request");
        assertThat(running.journeys().kycStatus(customerId)).isEqualTo("WAITING_DATA");
    }

    @Test
    void theSandboxReviewRouteDoesNotExist() {
        assertJson(running.api().post("/akepa/sandbox/review", "{\"customerId\":\"x\",\"entityId\":\"x\",\"outcome\":\"approved\"}"), 404, """
                {"requestId":"{{requestId}}","code":"notFound","message":"Route not found"}""");
    }

    @Test
    void theSandboxResetRouteDoesNotExist() {
        assertJson(running.api().post("/akepa/sandbox/reset", ""), 404, """
                {"requestId":"{{requestId}}","code":"notFound","message":"Route not found"}""");
    }
}
