package dev.akepa.testsupport;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps of the page's workflows, asserting only that each step succeeded. */
public final class Journeys {
    private static final java.util.concurrent.atomic.AtomicInteger SIZES = new java.util.concurrent.atomic.AtomicInteger();
    private final ApiClient api;

    public Journeys(ApiClient api) {
        this.api = api;
    }

    public String initIndividual(String lastName) {
        return ok(api.post("/customer/init", Fixtures.individual(lastName))).dataText("customerId");
    }

    public ApiResponse initBusiness(String postalCode, List<String> repLastNames, List<String> ids) {
        return ok(api.post("/customer/init", Fixtures.business(postalCode, repLastNames, ids)));
    }

    public ApiResponse identify(String customerId) {
        return ok(api.post("/akepa/identification", "{\"customerId\":\"" + customerId + "\"}"));
    }

    /** Generates and uploads one document; returns its id. */
    public String uploadedDocument(String type, String name) {
        String id = ok(api.post("/akepa/document/generate", Fixtures.generate("jpg", type, name))).dataText("id");
        // Distinct bytes per document: production verification flags two documents with the same content.
        ok(api.upload(id, Images.jpeg(2048 + SIZES.incrementAndGet()), name + ".jpg"));
        return id;
    }

    /** Uploads front and back of a licence and attaches both to the entity. */
    public ApiResponse attachLicence(String customerId, String entityId) {
        String front = uploadedDocument("license", "front");
        String back = uploadedDocument("license", "back");
        return ok(api.post("/akepa/update", Fixtures.update(customerId,
                List.of(new String[]{entityId, front, "front"}, new String[]{entityId, back, "back"}))));
    }

    public ApiResponse status(String customerId) {
        return ok(api.get("/akepa/status/" + customerId));
    }

    public String kycStatus(String customerId) {
        return ok(api.get("/customer/status/" + customerId)).dataText("kycStatus");
    }

    private static ApiResponse ok(ApiResponse r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r;
    }
}
