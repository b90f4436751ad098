package dev.akepa.api;

import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** Every trigger of the page's sandbox table, and the default business path, through to kycStatus. */
class SandboxTriggersTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();



    @Test
    void individualNamedDeniedIsDeniedAtIdentification() {
        String customerId = running.journeys().initIndividual("Denied");
        assertJson(running.api().post("/akepa/identification", "{\"customerId\":\"" + customerId + "\"}"), 200, """
                {"code":"0","data":{"applicationId":"{{id:iapp_}}","aggregatorId":"demo","customerId":"%1$s",
                 "status":"completed","outcome":"Denied",
                 "entityApplications":[{"entityId":"%1$s","isCustomer":true,"status":"completed","outcome":"denied"}]},
                 "requestId":"{{requestId}}"}""".formatted(customerId));
        assertThat(running.journeys().kycStatus(customerId)).isEqualTo("DECLINED");
    }

    @Test
    void individualNamedWaitReviewWaitsForReviewAfterDocumentsThenADecisionCompletesIt() {
        String customerId = running.journeys().initIndividual("WaitReview");
        assertThat(running.journeys().identify(customerId).dataText("status")).isEqualTo("pending_step_up");
        ApiResponse updated = running.journeys().attachLicence(customerId, customerId);
        assertJson(updated, 200, """
                {"code":"0","data":{"applicationId":"{{id:iapp_}}","aggregatorId":"demo","customerId":"%1$s",
                 "status":"waiting_review","outcome":null,
                 "entityApplications":[{"entityId":"%1$s","isCustomer":true,"status":"waiting_review","outcome":null}]},
                 "requestId":"{{requestId}}"}""".formatted(customerId));
        assertThat(running.journeys().kycStatus(customerId)).isEqualTo("WAITING_REVIEW");

        ApiResponse decided = running.api().post("/akepa/sandbox/review",
                "{\"customerId\":\"%1$s\",\"entityId\":\"%1$s\",\"outcome\":\"approved\"}".formatted(customerId));
        assertJson(decided, 200, """
                {"code":"0","data":{"applicationId":"%2$s","aggregatorId":"demo","customerId":"%1$s",
                 "status":"completed","outcome":"Approved",
                 "entityApplications":[{"entityId":"%1$s","isCustomer":true,"status":"completed","outcome":"approved"}]},
                 "requestId":"{{requestId}}"}""".formatted(customerId, updated.dataText("applicationId")));
        assertThat(running.journeys().kycStatus(customerId)).isEqualTo("APPROVED");
    }

    @Test
    void sandboxReviewOfAnEntityNotWaitingForReviewIsRefused() {
        String customerId = running.journeys().initIndividual("Smith");
        running.journeys().identify(customerId);
        assertJson(running.api().post("/akepa/sandbox/review",
                        "{\"customerId\":\"%1$s\",\"entityId\":\"%1$s\",\"outcome\":\"denied\"}".formatted(customerId)), 400, """
                {"requestId":"{{requestId}}","code":"statusApplicationEntity","message":"Entity %s has status pending_step_up"}"""
                .formatted(customerId));
    }

    @Test
    void defaultBusinessIsApprovedWhileItsRepresentativeWaitsForDocuments() {
        ApiResponse init = running.journeys().initBusiness("10001", List.of("Smith"), List.of("ExtBusRepId123"));
        String customerId = init.dataText("customerId");
        assertJson(init, 200, """
                {"code":"0","data":{"customerId":"{{id:cstab_}}","reference":"{{any}}","customerType":"business",
                 "kycStatus":"WAITING_DATA","dtsCreatedAt":"{{time}}",
                 "businessRepresentatives":[{"id":"ExtBusRepId123","firstName":"Rep0","lastName":"Smith"}]},
                 "requestId":"{{requestId}}"}""");
        ApiResponse identification = running.journeys().identify(customerId);
        assertJson(identification, 200, """
                {"code":"0","data":{"applicationId":"{{id:iapp_}}","aggregatorId":"demo","customerId":"%1$s",
                 "status":"pending_step_up","outcome":null,
                 "entityApplications":[
                   {"entityId":"ExtBusRepId123","isCustomer":false,"status":"pending_step_up","outcome":null},
                   {"entityId":"%1$s","isCustomer":true,"status":"completed","outcome":"approved"}]},
                 "requestId":"{{requestId}}"}""".formatted(customerId));

        ApiResponse updated = running.journeys().attachLicence(customerId, "ExtBusRepId123");
        assertJson(updated, 200, """
                {"code":"0","data":{"applicationId":"%2$s","aggregatorId":"demo","customerId":"%1$s",
                 "status":"completed","outcome":"Approved",
                 "entityApplications":[
                   {"entityId":"ExtBusRepId123","isCustomer":false,"status":"completed","outcome":"approved"},
                   {"entityId":"%1$s","isCustomer":true,"status":"completed","outcome":"approved"}]},
                 "requestId":"{{requestId}}"}""".formatted(customerId, identification.dataText("applicationId")));
        assertThat(running.journeys().kycStatus(customerId)).isEqualTo("APPROVED");
    }

    @Test
    void representativeWithoutIdGetsAGeneratedOne() {
        ApiResponse init = running.journeys().initBusiness("10001", List.of("Smith"), null);
        String repId = init.data().get("businessRepresentatives").get(0).get("id").asString();
        assertThat(repId).matches("brep_[0-9A-Za-z]{22}");
        ApiResponse identification = running.journeys().identify(init.dataText("customerId"));
        assertThat(identification.data().get("entityApplications").get(0).get("entityId").asString()).isEqualTo(repId);
    }

    @Test
    void representativeNamedDeniedDeniesTheWholeJourney() {
        String customerId = running.journeys().initBusiness("10001", List.of("Smith", "Denied"), List.of("RepA", "RepB")).dataText("customerId");
        assertJson(running.journeys().identify(customerId), 200, """
                {"code":"0","data":{"applicationId":"{{id:iapp_}}","aggregatorId":"demo","customerId":"%1$s",
                 "status":"completed","outcome":"Denied",
                 "entityApplications":[
                   {"entityId":"RepA","isCustomer":false,"status":"pending_step_up","outcome":null},
                   {"entityId":"RepB","isCustomer":false,"status":"completed","outcome":"denied"},
                   {"entityId":"%1$s","isCustomer":true,"status":"completed","outcome":"approved"}]},
                 "requestId":"{{requestId}}"}""".formatted(customerId));
        assertThat(running.journeys().kycStatus(customerId)).isEqualTo("DECLINED");
    }

    @Test
    void representativeNamedWaitReviewPutsTheJourneyInReviewAfterDocuments() {
        String customerId = running.journeys().initBusiness("10001", List.of("WaitReview"), List.of("RepW")).dataText("customerId");
        assertThat(running.journeys().identify(customerId).dataText("status")).isEqualTo("pending_step_up");
        ApiResponse updated = running.journeys().attachLicence(customerId, "RepW");
        assertJson(updated, 200, """
                {"code":"0","data":{"applicationId":"{{id:iapp_}}","aggregatorId":"demo","customerId":"%1$s",
                 "status":"waiting_review","outcome":null,
                 "entityApplications":[
                   {"entityId":"RepW","isCustomer":false,"status":"waiting_review","outcome":null},
                   {"entityId":"%1$s","isCustomer":true,"status":"completed","outcome":"approved"}]},
                 "requestId":"{{requestId}}"}""".formatted(customerId));
        assertThat(running.journeys().kycStatus(customerId)).isEqualTo("WAITING_REVIEW");

        ApiResponse denied = running.api().post("/akepa/sandbox/review",
                "{\"customerId\":\"%s\",\"entityId\":\"RepW\",\"outcome\":\"denied\"}".formatted(customerId));
        assertThat(denied.data().get("status").asString()).isEqualTo("completed");
        assertThat(denied.data().get("outcome").asString()).isEqualTo("Denied");
        assertThat(running.journeys().kycStatus(customerId)).isEqualTo("DECLINED");
    }

    @Test
    void primaryPostalCode00000PutsTheBusinessInReviewAtIdentification() {
        String customerId = running.journeys().initBusiness("00000", List.of("Smith"), List.of("RepP")).dataText("customerId");
        assertJson(running.journeys().identify(customerId), 200, """
                {"code":"0","data":{"applicationId":"{{id:iapp_}}","aggregatorId":"demo","customerId":"%1$s",
                 "status":"waiting_review","outcome":null,
                 "entityApplications":[
                   {"entityId":"RepP","isCustomer":false,"status":"pending_step_up","outcome":null},
                   {"entityId":"%1$s","isCustomer":true,"status":"waiting_review","outcome":null}]},
                 "requestId":"{{requestId}}"}""".formatted(customerId));
        assertThat(running.journeys().kycStatus(customerId)).isEqualTo("WAITING_REVIEW");
        running.journeys().attachLicence(customerId, "RepP");
        assertThat(running.journeys().status(customerId).dataText("status")).isEqualTo("waiting_review");
        ApiResponse approved = running.api().post("/akepa/sandbox/review",
                "{\"customerId\":\"%1$s\",\"entityId\":\"%1$s\",\"outcome\":\"approved\"}".formatted(customerId));
        assertThat(approved.dataText("outcome")).isEqualTo("Approved");
    }

    @Test
    void repeatedIdentificationReturnsTheSameApplicationUnchanged() {
        String customerId = running.journeys().initIndividual("Again");
        ApiResponse first = running.journeys().identify(customerId);
        ApiResponse second = running.journeys().identify(customerId);
        assertThat(second.data()).isEqualTo(first.data());
    }
}
