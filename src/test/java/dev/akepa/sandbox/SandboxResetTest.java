package dev.akepa.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.Journeys;
import dev.akepa.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /akepa/sandbox/reset with two partners: everything of the caller goes, nothing of the other. */
class SandboxResetTest {
    static TestServer server;
    static HttpServer receiver;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() throws IOException {
        receiver.stop(0);
        server.close();
    }

    @Test
    void theCallersCustomersApplicationsDocumentsAndCallbacksGoAndTheOtherPartnersStay() throws IOException {
        ApiClient demo = server.demo();
        ApiClient other = server.other();
        Journeys mine = new Journeys(demo);
        Journeys theirs = new Journeys(other);
        String reference = Fixtures.reference();
        String ssn = Fixtures.issuableSsn();
        String individual = demo.post("/customer/init", Fixtures.individual(reference, "WaitReview", ssn)).dataText("customerId");
        demo.post("/akepa/identification", "{\"customerId\":\"%s\",\"webhookURL\":\"http://127.0.0.1:%d/hook\"}"
                .formatted(individual, receiver.getAddress().getPort()));
        mine.attachLicence(individual, individual); // two documents; waiting_review, so a second callback
        String business = mine.initBusiness("10001", List.of("Smith"), List.of("RepOne")).dataText("customerId");
        mine.identify(business);
        String unattached = mine.uploadedDocument("passport", "front");
        String theirCustomer = theirs.initIndividual("Smith");
        theirs.identify(theirCustomer);
        String theirDocument = theirs.uploadedDocument("passport", "front");
        assertThat(storedFiles()).hasSize(4);
        assertThat(demo.post("/customer/erase", "{\"customerId\":\"%s\"}".formatted(business)).dataText("erasureStatus"))
                .isEqualTo("erased");

        assertJson(demo.post("/akepa/sandbox/reset", ""), 200, """
                {"code":"0","data":{"customers":2,"applications":2,"documents":3,"callbacks":2},"requestId":"{{requestId}}"}""");

        assertJson(demo.get("/customer/status/" + individual), 400, """
                {"requestId":"{{requestId}}","code":"customerNotFound","context":{"customerId":"%s"},"message":"Customer not found."}"""
                .formatted(individual));
        assertJson(demo.get("/akepa/status/" + business), 400, """
                {"requestId":"{{requestId}}","code":"identificationNotFound","context":{"customerId":"%s"},"message":"Identification not found"}"""
                .formatted(business));
        assertJson(demo.post("/akepa/update", Fixtures.update(business, List.<String[]>of(new String[]{"RepOne", unattached, "front"}))),
                400, """
                {"requestId":"{{requestId}}","code":"customerNotFound","context":{"customerId":"%s"},"message":"Customer not found."}"""
                .formatted(business));
        assertThat(demo.get("/webhooks/deliveries").data().get("total").asLong()).isZero();
        assertThat(storedFiles()).as("only the other partner's bytes are left").hasSize(1);
        assertThat(dataKeysOf(individual, business, theirCustomer)).as("the caller's data keys are destroyed")
                .containsExactly(theirCustomer);

        assertThat(theirs.status(theirCustomer).dataText("status")).isEqualTo("pending_step_up");
        assertThat(other.post("/akepa/update", Fixtures.update(theirCustomer,
                List.<String[]>of(new String[]{theirCustomer, theirDocument, "front"}))).dataText("outcome")).isEqualTo("Approved");

        // the same reference and SSN start again from nothing
        assertThat(demo.post("/customer/init", Fixtures.individual(reference, "Smith", ssn)).status()).isEqualTo(200);
    }

    private static List<String> dataKeysOf(String... owners) {
        return server.app().database().jdbi().withHandle(h -> h.createQuery(
                        "select owner_id from data_key where owner_id in (<owners>) order by owner_id")
                .bindList("owners", List.of(owners)).mapTo(String.class).list());
    }

    @Test
    void aSecondResetDeletesNothingAndWithoutATokenNothingHappens() {
        ApiClient other = server.other();
        String customerId = new Journeys(other).initIndividual("Smith");

        assertJson(server.client().post("/akepa/sandbox/reset", ""), 401, """
                {"requestId":"{{requestId}}","code":"unauthorized","message":"Authentication error"}""");
        assertThat(new Journeys(other).kycStatus(customerId)).isEqualTo("WAITING_DATA");

        other.post("/akepa/sandbox/reset", "");
        assertJson(other.post("/akepa/sandbox/reset", ""), 200, """
                {"code":"0","data":{"customers":0,"applications":0,"documents":0,"callbacks":0},"requestId":"{{requestId}}"}""");
    }

    private static List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(server.dataDir().resolve("documents"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
