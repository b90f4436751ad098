package dev.akepa.api;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.Images;
import dev.akepa.testsupport.Journeys;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.akepa.testsupport.JsonMatch.assertJson;

/** A second partner gets exactly the unknown-ID answer for everything of the first partner. */
class TenantIsolationTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();
    static ApiClient demo;
    static ApiClient other;
    static String customerId;
    static String documentId;

    @BeforeAll
    static void giveTheFirstPartnerACustomerAndADocument() {
        demo = running.api();
        other = running.server().other();
        Journeys j = running.journeys();
        customerId = j.initIndividual("WaitReview");
        j.identify(customerId);
        documentId = j.uploadedDocument("license", "front");
    }

    @Test
    void customerEndpoints() {
        String expected = """
                {"requestId":"{{requestId}}","code":"customerNotFound","context":{"customerId":"%s"},"message":"Customer not found."}"""
                .formatted(customerId);
        assertJson(other.get("/customer/status/" + customerId), 400, expected);
        assertJson(other.post("/akepa/identification", "{\"customerId\":\"" + customerId + "\"}"), 400, expected);
        assertJson(other.post("/akepa/update", "{\"customerId\":\"" + customerId + "\",\"documents\":[]}"), 400, expected);
        assertJson(other.post("/akepa/sandbox/review",
                "{\"customerId\":\"%1$s\",\"entityId\":\"%1$s\",\"outcome\":\"approved\"}".formatted(customerId)), 400, expected);
    }

    @Test
    void applicationStatus() {
        assertJson(other.get("/akepa/status/" + customerId), 400, """
                {"requestId":"{{requestId}}","code":"identificationNotFound","context":{"customerId":"%s"},"message":"Identification not found"}"""
                .formatted(customerId));
    }

    @Test
    void documentsCannotBeUploadedOrAttachedByAnotherPartner() {
        String expected = """
                {"requestId":"{{requestId}}","code":"documentNotFound","context":{"documentId":"%1$s"},"message":"Document %1$s not found"}"""
                .formatted(documentId);
        String fresh = demo.post("/akepa/document/generate", Fixtures.generate("jpg", "license", "back")).dataText("id");
        assertJson(other.upload(fresh, Images.jpeg(100), "x.jpg"), 400, expected.replace(documentId, fresh));

        Journeys theirs = new Journeys(other);
        String otherCustomer = theirs.initIndividual("Smith");
        theirs.identify(otherCustomer);
        assertJson(other.post("/akepa/update", Fixtures.update(otherCustomer,
                List.<String[]>of(new String[]{otherCustomer, documentId, "front"}))), 400, expected);
    }

    @Test
    void theSameSsnAndReferenceAreFreeForAnotherPartner() {
        String ssn = Fixtures.issuableSsn();
        String reference = Fixtures.reference();
        assertJson(demo.post("/customer/init", Fixtures.individual(reference, "A", ssn)), 200, """
                {"code":"0","data":{"customerId":"{{id:cstap_}}","reference":"%s","customerType":"individual","kycStatus":"WAITING_DATA",
                 "dtsCreatedAt":"{{time}}"},"requestId":"{{requestId}}"}""".formatted(reference));
        assertJson(other.post("/customer/init", Fixtures.individual(reference, "A", ssn)), 200, """
                {"code":"0","data":{"customerId":"{{id:cstap_}}","reference":"%s","customerType":"individual","kycStatus":"WAITING_DATA",
                 "dtsCreatedAt":"{{time}}"},"requestId":"{{requestId}}"}""".formatted(reference));
    }
}
