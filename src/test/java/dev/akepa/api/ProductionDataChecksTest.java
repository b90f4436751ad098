package dev.akepa.api;

import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.CustomerBodies;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.ServerExtension;
import dev.akepa.verification.screening.OfacSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

import static dev.akepa.testsupport.CustomerBodies.customer;
import static dev.akepa.testsupport.CustomerBodies.representative;
import static dev.akepa.testsupport.CustomerBodies.structure;
import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production mode over HTTP: the KYB structure checks and the deeper data checks, each passing and failing.
 * /customer/init accepts every one of these bodies; identification decides, and the audit trail says why.
 */
class ProductionDataChecksTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension(Map.of(
            "AKEPA_MODE", "production",
            "AKEPA_SANCTIONS_DIR", OfacSample.directory().toString()));

    /** Inits and identifies; returns the customer id. */
    private String identified(ObjectNode body) {
        ApiResponse init = running.api().post("/customer/init", body);
        assertThat(init.status()).as(init.raw()).isEqualTo(200);
        String customerId = init.dataText("customerId");
        running.journeys().identify(customerId);
        return customerId;
    }

    private String identificationReason(String customerId) {
        ApiResponse history = running.api().get("/akepa/history/" + customerId);
        assertThat(history.status()).as(history.raw()).isEqualTo(200);
        return history.data().get("events").get(0).get("reason").asString();
    }

    private void assertBusinessEntity(String customerId, String journey, String businessStatus, String businessOutcome) {
        ApiResponse status = running.journeys().status(customerId);
        assertThat(status.dataText("status")).as(status.raw()).isEqualTo(journey);
        var entities = status.data().get("entityApplications");
        var business = entities.get(entities.size() - 1);
        assertThat(business.get("entityId").asString()).isEqualTo(customerId);
        assertThat(business.get("status").asString()).as(status.raw()).isEqualTo(businessStatus);
        assertThat(business.get("outcome").isNull() ? null : business.get("outcome").asString()).isEqualTo(businessOutcome);
    }

    @Test
    void ownersOf60And70PercentWithoutAControllerSendTheBusinessEntityToDataRequest() {
        String customerId = identified(structure(CustomerBodies.business("RepA", "RepB"), 60, false, 70, false));
        ApiResponse status = running.journeys().status(customerId);
        assertJson(status, 200, """
                {"code":"0","data":{"applicationId":"{{id:iapp_}}","aggregatorId":"demo","customerId":"%1$s",
                 "status":"data_request","outcome":null,"entityApplications":[
                   {"entityId":"RepA","isCustomer":false,"status":"pending_step_up","outcome":null},
                   {"entityId":"RepB","isCustomer":false,"status":"pending_step_up","outcome":null},
                   {"entityId":"%1$s","isCustomer":true,"status":"data_request","outcome":null}]},
                 "requestId":"{{requestId}}"}""".formatted(customerId));
        assertThat(identificationReason(customerId))
                .contains(customerId + ": no control person: no representative has isController true; "
                        + customerId + ": ownership adds up to 130 %, more than 100 %");
    }

    @Test
    void aControllerAndSharesWithinAHundredPercentApproveTheBusinessEntity() {
        String customerId = identified(structure(CustomerBodies.business("RepC", "RepD"), 60, false, 40, true));
        assertBusinessEntity(customerId, "pending_step_up", "completed", "approved");
        assertThat(identificationReason(customerId)).contains(customerId
                + ": data checks passed; no sanctions match; beneficial owners (25 % or more), verified as persons: RepC, RepD");
    }

    @Test
    void aLoneTenPercentOwnerWhoDoesNotControlIsNoControlPerson() {
        String customerId = identified(structure(CustomerBodies.business("RepE"), 10, false));
        assertBusinessEntity(customerId, "data_request", "data_request", null);
        assertThat(identificationReason(customerId)).contains("no control person");

        String controlled = identified(structure(CustomerBodies.business("RepF"), 10, true));
        assertBusinessEntity(controlled, "pending_step_up", "completed", "approved");
        assertThat(identificationReason(controlled)).contains("no beneficial owner of 25 % or more");
    }

    @Test
    void theExemptBusinessTypesFollowTheRuling() {
        ObjectNode nonProfit = structure(CustomerBodies.business("RepG"), 0, false);
        customer(nonProfit).put("businessType", "NON_PROFIT");
        assertBusinessEntity(identified(nonProfit), "data_request", "data_request", null);

        ObjectNode soleProprietor = structure(CustomerBodies.business("RepH"), 100, false);
        customer(soleProprietor).put("businessType", "SOLE_PROPRIETORSHIP");
        assertBusinessEntity(identified(soleProprietor), "pending_step_up", "completed", "approved");
    }

    @Test
    void twoRepresentativesGivingOneSsnIsADataRequest() {
        ObjectNode body = CustomerBodies.business("RepI", "RepJ");
        CustomerBodies.setSsn(representative(body, 1), CustomerBodies.ssnOf(representative(body, 0)));
        String customerId = identified(body);
        assertBusinessEntity(customerId, "data_request", "data_request", null);
        assertThat(identificationReason(customerId)).contains(customerId + ": representatives RepI, RepJ give the same SSN");
    }

    @Test
    void anIncorporationDateAfterIdentificationIsADataRequest() {
        ObjectNode body = CustomerBodies.business("RepK");
        customer(body).put("incorporationDate", "2999-01-01");
        String customerId = identified(body);
        assertBusinessEntity(customerId, "data_request", "data_request", null);
        assertThat(identificationReason(customerId)).contains(customerId + ": incorporation date is in the future");
    }

    @Test
    void aRepresentativeUnder18IsADataRequestForThatRepresentative() {
        ObjectNode body = CustomerBodies.business("RepL");
        representative(body, 0).put("dateOfBirth", "2015-01-01");
        String customerId = identified(body);
        ApiResponse status = running.journeys().status(customerId);
        assertThat(status.data().get("entityApplications").get(0).get("status").asString()).isEqualTo("data_request");
        assertThat(identificationReason(customerId)).contains("RepL: applicant is under 18");
    }

    @Test
    void anAllZeroPhoneNumberIsADataRequest() {
        ObjectNode body = CustomerBodies.individual();
        ((ObjectNode) customer(body).get("phones").get(0)).put("phoneNumber", "0000000000");
        String customerId = identified(body);
        assertThat(running.journeys().status(customerId).dataText("status")).isEqualTo("data_request");
        assertThat(identificationReason(customerId))
                .isEqualTo(customerId + ": phone 1 (MOBILE) is not a valid number for country calling code +1");
    }

    @Test
    void aBusinessPhoneThatDoesNotExistIsADataRequestForTheBusiness() {
        ObjectNode body = CustomerBodies.business("RepM");
        ((ObjectNode) customer(body).get("businessPhones").get(0)).put("countryDialingCode", "44").put("phoneNumber", "2125550143");
        String customerId = identified(body);
        assertBusinessEntity(customerId, "data_request", "data_request", null);
        assertThat(identificationReason(customerId))
                .contains(customerId + ": business phone 1 (PRIMARY) is not a valid number for country calling code +44");
    }

    @Test
    void anEmailTheRfcDoesNotAllowIsADataRequestThoughTheSchemaLetsItIn() {
        ObjectNode body = CustomerBodies.individual();
        customer(body).put("email", "jane..doe@example.com");
        String customerId = identified(body);
        assertThat(running.journeys().status(customerId).dataText("status")).isEqualTo("data_request");
        assertThat(identificationReason(customerId))
                .isEqualTo(customerId + ": email is not a valid email address (RFC 5321/5322)");
    }

    @Test
    void aStateCodeThatDoesNotMatchTheZipPrefixIsADataRequest() {
        ObjectNode body = CustomerBodies.individual();
        ((ObjectNode) customer(body).get("addresses").get(0)).put("stateCode", "CA");
        String customerId = identified(body);
        assertThat(running.journeys().status(customerId).dataText("status")).isEqualTo("data_request");
        assertThat(identificationReason(customerId))
                .isEqualTo(customerId + ": address 1 (PRIMARY) ZIP code belongs to another state than the state code");
    }

    @Test
    void soundDataPassesEveryCheck() {
        String customerId = identified((ObjectNode) dev.akepa.json.Json.MAPPER.readTree(Fixtures.individual("Person")));
        assertThat(running.journeys().status(customerId).dataText("status")).isEqualTo("pending_step_up");
    }
}
