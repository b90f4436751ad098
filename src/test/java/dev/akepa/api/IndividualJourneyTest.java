package dev.akepa.api;

import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.Images;
import dev.akepa.testsupport.Journeys;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** The page's individual workflow, every response asserted as exact JSON. */
class IndividualJourneyTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();



    @Test
    void tokenIsIssuedWithItsExpiry() {
        ApiResponse r = running.server().client().post("/auth/get-token", "{\"user\":{\"login\":\"demo\",\"password\":\"demo-password\"}}");
        assertJson(r, 200, """
                {"code":"0","data":{"token":"{{token}}","dtsExpireAt":"{{time}}"},"requestId":"{{requestId}}"}""");
    }

    @Test
    void defaultIndividualGoesFromStepUpToApprovedWithTwoLicenceSides() {
        String reference = Fixtures.reference();
        ApiResponse init = running.api().post("/customer/init", Fixtures.individual(reference, "Smith", Fixtures.issuableSsn()));
        assertJson(init, 200, """
                {"code":"0","data":{"customerId":"{{id:cstap_}}","reference":"%s","customerType":"individual",
                 "kycStatus":"WAITING_DATA","dtsCreatedAt":"{{time}}"},"requestId":"{{requestId}}"}""".formatted(reference));
        String customerId = init.dataText("customerId");

        ApiResponse identification = running.api().post("/akepa/identification", "{\"customerId\":\"" + customerId + "\"}");
        assertJson(identification, 200, """
                {"code":"0","data":{"applicationId":"{{id:iapp_}}","aggregatorId":"demo","customerId":"%1$s",
                 "status":"pending_step_up","outcome":null,
                 "entityApplications":[{"entityId":"%1$s","isCustomer":true,"status":"pending_step_up","outcome":null}]},
                 "requestId":"{{requestId}}"}""".formatted(customerId));
        String applicationId = identification.dataText("applicationId");
        assertThat(running.journeys().kycStatus(customerId)).isEqualTo("WAITING_DATA");

        ApiResponse generated = running.api().post("/akepa/document/generate", """
                {"workflow":"PERSONAL","name":"front","extension":"jpg","type":"license","note":"Front of DL"}""");
        assertJson(generated, 200, """
                {"code":"0","data":{"id":"{{id:doc_}}","aggregatorId":"demo","uploadStatus":false,"workflow":"PERSONAL",
                 "name":"front","extension":"jpg","type":"license","dtsCreatedAt":"{{time}}"},"requestId":"{{requestId}}"}""");
        String front = generated.dataText("id");

        ApiResponse uploaded = running.api().upload(front, Images.jpeg(50_000), "front.jpg");
        assertJson(uploaded, 200, """
                {"code":"0","data":{"id":"%s","aggregatorId":"demo","uploadStatus":true,"workflow":"PERSONAL",
                 "name":"front","extension":"jpg","type":"license","dtsCreatedAt":"%s"},"requestId":"{{requestId}}"}"""
                .formatted(front, generated.dataText("dtsCreatedAt")));

        String back = running.journeys().uploadedDocument("license", "back");
        ApiResponse updated = running.api().post("/akepa/update", Fixtures.update(customerId,
                List.of(new String[]{customerId, front, "front"}, new String[]{customerId, back, "back"})));
        assertJson(updated, 200, """
                {"code":"0","data":{"applicationId":"%1$s","aggregatorId":"demo","customerId":"%2$s",
                 "status":"completed","outcome":"Approved",
                 "entityApplications":[{"entityId":"%2$s","isCustomer":true,"status":"completed","outcome":"approved"}]},
                 "requestId":"{{requestId}}"}""".formatted(applicationId, customerId));

        assertJson(running.api().get("/akepa/status/" + customerId), 200, updated.json().toString()
                .replace(updated.json().get("requestId").asString(), "{{requestId}}"));
        assertThat(running.journeys().kycStatus(customerId)).isEqualTo("APPROVED");
    }

    @Test
    void oneSideOfALicenceLeavesTheEntityWaitingForDocuments() {
        Journeys j = running.journeys();
        String customerId = running.journeys().initIndividual("Jones");
        running.journeys().identify(customerId);
        String front = running.journeys().uploadedDocument("license", "front");
        ApiResponse r = running.api().post("/akepa/update", Fixtures.update(customerId, List.<String[]>of(new String[]{customerId, front, "front"})));
        assertThat(r.data().get("status").asString()).isEqualTo("pending_step_up");
        assertThat(r.data().get("entityApplications").get(0).get("status").asString()).isEqualTo("pending_step_up");
    }

    @Test
    void aPassportFrontAloneSatisfiesStepUp() {
        Journeys j = running.journeys();
        String customerId = running.journeys().initIndividual("Brown");
        running.journeys().identify(customerId);
        String passport = running.journeys().uploadedDocument("passport", "front");
        ApiResponse r = running.api().post("/akepa/update", Fixtures.update(customerId, List.<String[]>of(new String[]{customerId, passport, "front"})));
        assertThat(r.data().get("outcome").asString()).isEqualTo("Approved");
    }

    @Test
    void customerStatusMasksIdentificationValues() {
        String ssn = Fixtures.issuableSsn();
        String customerId = running.api().post("/customer/init", Fixtures.individual(Fixtures.reference(), "Masked", ssn)).dataText("customerId");
        ApiResponse r = running.api().get("/customer/status/" + customerId);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().get("customer").get("identificationDocuments").get(0).get("value").asString())
                .isEqualTo("*****" + ssn.substring(5));
        assertThat(r.raw()).doesNotContain(ssn);
        assertThat(r.data().propertyNames()).containsExactly("reference", "customerId", "customerType", "kycStatus", "customer", "dtsCreatedAt");
    }

    @Test
    void asyncIdentificationAnswersRunningAndFinishesInTheBackground() throws Exception {
        Journeys j = running.journeys();
        String customerId = running.journeys().initIndividual("Async");
        ApiResponse r = running.api().post("/akepa/identification", "{\"customerId\":\"" + customerId + "\",\"syncMode\":true}");
        assertThat(r.data().get("status").asString()).isEqualTo("running");
        assertThat(r.data().get("entityApplications").get(0).get("status").asString()).isEqualTo("running");
        assertThat(running.journeys().kycStatus(customerId)).isIn("PENDING", "WAITING_DATA");
        String status = null;
        for (int i = 0; i < 100 && !"pending_step_up".equals(status); i++) {
            Thread.sleep(50);
            status = running.journeys().status(customerId).dataText("status");
        }
        assertThat(status).isEqualTo("pending_step_up");
    }
}
