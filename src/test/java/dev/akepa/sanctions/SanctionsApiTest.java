package dev.akepa.sanctions;

import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.ServerExtension;
import dev.akepa.verification.screening.OfacSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /sanctions/lists, POST /screening/search and GET /akepa/screening/{customerId} over HTTP, production mode. */
class SanctionsApiTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension(Map.of(
            "AKEPA_MODE", "production",
            "AKEPA_SANCTIONS_DIR", OfacSample.directory().toString()));

    @Test
    void theListImportedAtStartIsTheCurrentVersion() {
        ApiResponse r = running.api().get("/sanctions/lists");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().path("current").asLong()).isEqualTo(r.data().path("versions").get(0).path("listVersion").asLong());
        var version = r.data().path("versions").get(0);
        assertThat(version.path("entries").asInt()).isEqualTo(8976);
        assertThat(version.path("aliases").asInt()).isEqualTo(11910);
        assertThat(version.path("consolidatedEntries").asInt()).isZero();
        assertThat(version.path("files")).extracting(f -> f.path("name").asString())
                .containsExactly("add.csv", "alt.csv", "sdn.csv");
        assertThat(version.path("files").get(0).path("sha256").asString()).matches("[0-9a-f]{64}");
    }

    @Test
    void aSearchReturnsTheListedEntryBestFirst() {
        ApiResponse r = running.api().post("/screening/search", "{\"name\":\"Nicolas Maduro\",\"type\":\"individual\"}");

        assertThat(r.status()).isEqualTo(200);
        var first = r.data().path("matches").get(0);
        assertThat(first.path("entryId").asString()).isEqualTo("22790");
        assertThat(first.path("name").asString()).isEqualTo("MADURO MOROS, Nicolas");
        assertThat(first.path("type").asString()).isEqualTo("individual");
        assertThat(first.path("programs")).extracting(p -> p.asString()).contains("VENEZUELA");
        assertThat(r.data().path("matches").size()).isLessThanOrEqualTo(10);
    }

    @Test
    void aWeakAliasAloneIsFoundOnlyBelowTheReviewThresholdWithItsExactShape() {
        long version = running.api().get("/sanctions/lists").data().path("current").asLong();
        // OFAC: a weak AKA alone is not a basis for a hit, so it scores 0.90, under the default minScore (0.92)
        assertJson(running.api().post("/screening/search", "{\"name\":\"BNC\",\"type\":\"business\"}"), 200, """
                {"code":"0","data":{"listVersion":%d,"matches":[]},"requestId":"{{requestId}}"}""".formatted(version));
        assertJson(running.api().post("/screening/search", "{\"name\":\"BNC\",\"type\":\"business\",\"minScore\":0.9}"), 200, """
                {"code":"0","data":{"listVersion":%d,"matches":[{"entryId":"306","name":"BANCO NACIONAL DE CUBA",
                 "matchedName":"BNC","score":0.9,"programs":["CUBA"],"type":"business"}]},
                 "requestId":"{{requestId}}"}""".formatted(version));
    }

    @Test
    void minScoreLimitsTheResults() {
        ApiResponse r = running.api().post("/screening/search", "{\"name\":\"Nicolas Maduro\",\"minScore\":0.99}");

        assertThat(r.data().path("matches").size()).isZero();
    }

    @Test
    void aSearchBodyIsValidatedLikeEveryOther() {
        assertJson(running.api().post("/screening/search", "{\"name\":\"\"}"), 400, """
                {"requestId":"{{requestId}}","code":"requestValidateError","context":[
                 {"instancePath":"/name","schemaPath":"#/properties/name/minLength","keyword":"minLength",
                  "params":{"limit":1},"message":"must NOT have fewer than 1 characters"}]}""");
        assertJson(running.api().post("/screening/search", "{\"name\":\"x\",\"type\":\"vessel\"}"), 400, """
                {"requestId":"{{requestId}}","code":"requestValidateError","context":[
                 {"instancePath":"/type","schemaPath":"#/properties/type/enum","keyword":"enum",
                  "params":{"allowedValues":["individual","business"]},"message":"must be equal to one of the allowed values"}]}""");
        assertJson(running.api().post("/screening/search", "{\"name\":\"x\",\"minScore\":0}"), 400, """
                {"requestId":"{{requestId}}","code":"requestValidateError","context":[
                 {"instancePath":"/minScore","schemaPath":"#/properties/minScore/exclusiveMinimum","keyword":"exclusiveMinimum",
                  "params":{"comparison":">","limit":0},"message":"must be > 0"}]}""");
    }

    @Test
    void aDateOfBirthThatIsNoCalendarDayIsRefused() {
        assertJson(running.api().post("/screening/search", "{\"name\":\"Nicolas Maduro\",\"dateOfBirth\":\"1962-02-30\"}"), 400, """
                {"requestId":"{{requestId}}","code":"invalidDate","context":{"dateOfBirth":"1962-02-30"},
                 "message":"dateOfBirth is not a calendar date"}""");
    }

    @Test
    void aScreeningIsEvidenceThePartnerCanRead() {
        String body = Fixtures.individual("Maduro Moros").replace("\"firstName\":\"Jane\"", "\"firstName\":\"Nicolas\"");
        String customerId = running.api().post("/customer/init", body).dataText("customerId");
        running.journeys().identify(customerId);

        ApiResponse r = running.api().get("/akepa/screening/" + customerId);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.dataText("customerId")).isEqualTo(customerId);
        var entity = r.data().path("entities").get(0);
        assertThat(entity.path("entityId").asString()).isEqualTo(customerId);
        assertThat(entity.path("trigger").asString()).isEqualTo("identification");
        assertThat(entity.path("dtsScreenedAt").asString()).isNotBlank();
        var match = entity.path("matches").get(0);
        assertThat(match.path("entryId").asString()).isEqualTo("22790");
        assertThat(match.path("matchedName").asString()).isEqualTo("MADURO MOROS, Nicolas");
        assertThat(match.path("datesOfBirth")).extracting(d -> d.asString()).contains("1962-11-23");
        assertThat(match.path("countries")).extracting(d -> d.asString()).contains("VEN");
        assertThat(match.path("contributions")).extracting(d -> d.asString())
                .contains("nicolas 1.00", "maduro 1.00", "moros 1.00", "date of birth differs (-0.05)");
        assertThat(r.raw()).doesNotContain("Jane", "jane@example.com");
    }

    @Test
    void anotherPartnersCustomerDoesNotExist() {
        String customerId = running.journeys().initIndividual("Smith");

        assertJson(running.server().other().get("/akepa/screening/" + customerId), 400, """
                {"requestId":"{{requestId}}","code":"customerNotFound","context":{"customerId":"%s"},
                 "message":"Customer not found."}""".formatted(customerId));
    }

    @Test
    void aCustomerNotYetScreenedHasNoEntities() {
        String customerId = running.journeys().initIndividual("Smith");

        assertJson(running.api().get("/akepa/screening/" + customerId), 200, """
                {"code":"0","data":{"customerId":"%s","entities":[],"alerts":[]},"requestId":"{{requestId}}"}"""
                .formatted(customerId));
    }
}
