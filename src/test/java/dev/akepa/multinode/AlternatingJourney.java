package dev.akepa.multinode;

import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.Images;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One complete journey whose every request goes to the other node than the one before: init → identification →
 * generate → upload → generate → upload → (status until verified, when async) → update → (review) → status →
 * customer status. Generate and upload of a document, and upload and update, are therefore always on different
 * nodes. Asserts each answer; returns what the database and the bucket must hold afterwards.
 */
final class AlternatingJourney {
    private static final long ASYNC_LIMIT_MILLIS = 30_000;

    private final int number;
    private final JourneyKind kind;
    private final List<ApiClient> nodes;
    private int requests;

    AlternatingJourney(int number, JourneyKind kind, List<ApiClient> nodes) {
        this.number = number;
        this.kind = kind;
        this.nodes = nodes;
        this.requests = number; // even journeys start on the first node, odd ones on the second
    }

    record Outcome(int number, JourneyKind kind, String customerId, Map<String, String> sha256ByDocument) {}

    Outcome run() throws InterruptedException {
        String repId = "Rep" + number;
        String customerId = ok(next().post("/customer/init", kind.business
                ? Fixtures.business(List.of(kind.lastName), List.of(repId))
                : Fixtures.individual(kind.lastName)), "init").dataText("customerId");
        String entityId = kind.business ? repId : customerId;

        ApiResponse identified = ok(next().post("/akepa/identification",
                "{\"customerId\":\"%s\",\"syncMode\":%s}".formatted(customerId, kind.async)), "identification");
        assertThat(identified.dataText("status")).as(step("identification")).isEqualTo(kind.async ? "running" : kind.afterVerification);

        Map<String, String> sha256ByDocument = new LinkedHashMap<>();
        String front = uploadedDocument("front", sha256ByDocument);
        String back = uploadedDocument("back", sha256ByDocument);

        if (kind.async) awaitVerification(customerId);

        ApiResponse updated = next().post("/akepa/update", Fixtures.update(customerId,
                List.of(new String[]{entityId, front, "front"}, new String[]{entityId, back, "back"})));
        if (kind.deniedAtVerification()) {
            assertThat(updated.status()).as(step("update of a completed application") + updated.raw()).isEqualTo(400);
            assertThat(updated.json().get("code").asString()).isEqualTo("statusApplication");
        } else {
            ok(updated, "update");
            assertThat(updated.dataText("status")).as(step("update"))
                    .isEqualTo(kind.review == null ? "completed" : "waiting_review");
        }
        if (kind.review != null) {
            ok(next().post("/akepa/sandbox/review", "{\"customerId\":\"%s\",\"entityId\":\"%s\",\"outcome\":\"%s\"}"
                    .formatted(customerId, entityId, kind.review)), "sandbox review");
        }

        ApiResponse status = ok(next().get("/akepa/status/" + customerId), "status");
        assertThat(status.dataText("status")).as(step("final status")).isEqualTo("completed");
        assertThat(status.dataText("outcome")).as(step("final outcome")).isEqualTo(kind.outcome);
        assertThat(status.dataText("applicationId")).as(step("one application")).isEqualTo(identified.dataText("applicationId"));
        assertThat(ok(next().get("/customer/status/" + customerId), "customer status").dataText("kycStatus"))
                .as(step("kycStatus")).isEqualTo(kind.kycStatus());
        return new Outcome(number, kind, customerId, sha256ByDocument);
    }

    private String uploadedDocument(String view, Map<String, String> sha256ByDocument) {
        String id = ok(next().post("/akepa/document/generate", Fixtures.generate("jpg", "license", view)),
                "generate " + view).dataText("id");
        // 8–50 KB, different bytes for every document
        byte[] image = Images.jpeg(8_000 + (number * 997 + view.length() * 7919) % 42_000, number * 2L + view.length());
        ApiResponse uploaded = ok(next().upload(id, image, view + ".jpg"), "upload " + view);
        assertThat(uploaded.data().get("uploadStatus").asBoolean()).isTrue();
        sha256ByDocument.put(id, sha256(image));
        return id;
    }

    /**
     * Polls /akepa/status on both nodes in turn until a node's background worker has verified the application.
     * The polls keep their own turn, so the update still goes to the other node than the last upload.
     */
    private void awaitVerification(String customerId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + ASYNC_LIMIT_MILLIS;
        int polls = 0;
        String status;
        do {
            ApiClient node = nodes.get(polls++ % nodes.size());
            status = ok(node.get("/akepa/status/" + customerId), "status while verifying").dataText("status");
            if (!status.equals("running")) break;
            Thread.sleep(25);
        } while (System.currentTimeMillis() < deadline);
        assertThat(status).as(step("status after background verification")).isEqualTo(kind.afterVerification);
    }

    private ApiClient next() {
        return nodes.get(requests++ % nodes.size());
    }

    private ApiResponse ok(ApiResponse response, String what) {
        assertThat(response.status()).as(step(what) + response.raw()).isEqualTo(200);
        return response;
    }

    private String step(String what) {
        return "journey " + number + " (" + kind + "), " + what + ": ";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
