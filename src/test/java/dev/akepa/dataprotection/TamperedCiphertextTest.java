package dev.akepa.dataprotection;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ExpectedServerErrors;
import dev.akepa.testsupport.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import static dev.akepa.testsupport.JsonMatch.assertJson;

/**
 * A sealed value that does not open is answered 500 internalError and never read as empty: the partner and customer
 * ids are the associated data, so a ciphertext copied to another row, or altered, fails authentication.
 */
@ExpectedServerErrors("sealed bodies are tampered with on purpose")
class TamperedCiphertextTest {
    private static final String INTERNAL_ERROR = """
            {"requestId":"{{requestId}}","code":"internalError","message":"Internal server error"}""";

    @Test
    void aCiphertextMovedToAnotherCustomersRowFailsLoudlyAndTheOwnerStillReadsIt() throws Exception {
        try (TestServer server = TestServer.start()) {
            ApiClient demo = server.demo();
            String first = demo.post("/customer/init", Markers.individual("mv1", "First", "287650431", "1961-07-23", "1 St"))
                    .dataText("customerId");
            String second = demo.post("/customer/init", Markers.individual("mv2", "Second", "187650439", "1961-07-23", "1 St"))
                    .dataText("customerId");
            Jdbi jdbi = server.app().database().jdbi();
            jdbi.useHandle(h -> h.createUpdate("update customer set sealed_body = (select sealed_body from customer where id = :from) "
                    + "where id = :to").bind("from", first).bind("to", second).execute());

            assertJson(demo.get("/customer/status/" + second), 500, INTERNAL_ERROR);
            assertJson(demo.get("/customer/status/" + first), 200, """
                    {"code":"0","data":{"reference":"mv1","customerId":"%s","customerType":"individual",
                     "kycStatus":"WAITING_DATA",
                     "customer":{"firstName":"Jane","lastName":"First","gender":"F","email":"jane@example.com",
                      "phones":[{"type":"MOBILE","countryDialingCode":"1","phoneNumber":"5551234567"}],
                      "dateOfBirth":"1961-07-23","citizenshipCountryCodeA3":"USA",
                      "addresses":[{"type":"PRIMARY","addressLine1":"1 St","city":"New York","stateCode":"NY",
                                    "postalCode":"10001","countryCodeA3":"USA"}],
                      "identificationDocuments":[{"type":"SSN","value":"*****0431","issuanceCountryCodeA3":"USA"}]},
                     "dtsCreatedAt":"{{time}}"},
                     "requestId":"{{requestId}}"}""".formatted(first));
        }
    }

    @Test
    void anAlteredCiphertextFailsLoudly() throws Exception {
        try (TestServer server = TestServer.start()) {
            ApiClient demo = server.demo();
            String id = demo.post("/customer/init", Markers.individual("alt1", "Altered", "287650432", "1961-07-23", "1 St"))
                    .dataText("customerId");
            Jdbi jdbi = server.app().database().jdbi();
            byte[] altered = jdbi.withHandle(h -> h.createQuery("select sealed_body from customer where id = :id")
                    .bind("id", id).mapTo(byte[].class).one());
            altered[altered.length / 2] ^= 1;
            jdbi.useHandle(h -> h.createUpdate("update customer set sealed_body = :s where id = :id")
                    .bind("s", altered).bind("id", id).execute());

            assertJson(demo.get("/customer/status/" + id), 500, INTERNAL_ERROR);
        }
    }
}
