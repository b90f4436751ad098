package dev.akepa.review;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.Journeys;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Applications in waiting_review, made through the partner API with the page's sandbox triggers. */
final class ReviewCases {
    private ReviewCases() {}

    /** An individual "WaitReview" with both licence sides attached: the entity waits for a reviewer. */
    static String waitingIndividual(ApiClient partner) {
        return waitingIndividual(partner, Fixtures.issuableSsn());
    }

    /** As above, with a known SSN (the database holds it only encrypted, so a test cannot read it back there). */
    static String waitingIndividual(ApiClient partner, String ssn) {
        Journeys journeys = new Journeys(partner);
        String customerId = partner.post("/customer/init", Fixtures.individual(Fixtures.reference(), "WaitReview", ssn))
                .dataText("customerId");
        journeys.identify(customerId);
        String status = journeys.attachLicence(customerId, customerId).dataText("status");
        assertThat(status).isEqualTo("waiting_review");
        return customerId;
    }

    /** A business whose primary address has postal code 00000: the business entity waits at identification. */
    static String waitingBusiness(ApiClient partner) {
        Journeys journeys = new Journeys(partner);
        String customerId = journeys.initBusiness("00000", List.of("Smith"), null).dataText("customerId");
        assertThat(journeys.identify(customerId).dataText("status")).isEqualTo("waiting_review");
        return customerId;
    }

    /** Business entity (postal code 00000) and its one representative ("WaitReview", documents attached) both waiting. */
    static String waitingBusinessAndRepresentative(ApiClient partner, String representativeId) {
        Journeys journeys = new Journeys(partner);
        String customerId = journeys.initBusiness("00000", List.of("WaitReview"), List.of(representativeId))
                .dataText("customerId");
        journeys.identify(customerId);
        var entities = journeys.attachLicence(customerId, representativeId).data().get("entityApplications");
        assertThat(entities.valueStream().map(e -> e.get("status").asString())).containsOnly("waiting_review");
        return customerId;
    }
}
