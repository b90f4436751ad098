package dev.akepa.bench;

import dev.akepa.http.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The page's individual workflow as one client runs it: init → identification → 2 × generate → 2 × upload →
 * update → status. Each step is timed; any answer other than the expected one fails the journey.
 */
final class Journey {
    static final String[] STEPS = {"init", "identification", "generate", "upload", "update", "status"};
    static final int UPLOAD_BYTES = 50 * 1024;
    /** Unique per process: a run starts on an empty database, so sequential SSNs never collide. */
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final byte[] JPEG = jpeg(UPLOAD_BYTES);

    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message, null, false, false);
        }
    }

    /** Per-step latencies of one client thread. */
    static final class Timings {
        final Latencies[] steps = new Latencies[STEPS.length];

        Timings() {
            for (int i = 0; i < steps.length; i++) steps[i] = new Latencies();
        }

        void addAll(Timings other) {
            for (int i = 0; i < steps.length; i++) steps[i].addAll(other.steps[i]);
        }
    }

    private final LoopbackHttp http;
    private final long ssnBase;

    Journey(LoopbackHttp http, long ssnBase) {
        this.http = http;
        this.ssnBase = ssnBase;
    }

    /** init + identification; returns the customerId. */
    String identifiedCustomer(Timings t) throws IOException, Failed {
        long n = SEQUENCE.incrementAndGet();
        String customerId = data(timed(t, 0, () -> http.postJson("/customer/init", individual(n))), "customerId");
        JsonNode app = dataNode(timed(t, 1, () -> http.postJson("/akepa/identification",
                "{\"customerId\":\"" + customerId + "\"}")));
        expect(app, "pending_step_up", "identification");
        return customerId;
    }

    /** The whole workflow, ending in an approved application. */
    void run(Timings t) throws IOException, Failed {
        String customerId = identifiedCustomer(t);
        String front = generate(t, "front");
        String back = generate(t, "back");
        upload(t, front);
        upload(t, back);
        JsonNode updated = dataNode(timed(t, 4, () -> http.postJson("/akepa/update", """
                {"customerId":"%1$s","documents":[{"entityId":"%1$s","documentId":"%2$s","view":"front"},\
                {"entityId":"%1$s","documentId":"%3$s","view":"back"}]}""".formatted(customerId, front, back))));
        expect(updated, "completed", "update");
        expect(dataNode(timed(t, 5, () -> http.get("/akepa/status/" + customerId))), "completed", "status");
    }

    private String generate(Timings t, String name) throws IOException, Failed {
        return data(timed(t, 2, () -> http.postJson("/akepa/document/generate",
                "{\"workflow\":\"PERSONAL\",\"name\":\"" + name + "\",\"extension\":\"jpg\",\"type\":\"license\"}")), "id");
    }

    private void upload(Timings t, String documentId) throws IOException, Failed {
        dataNode(timed(t, 3, () -> http.upload("/akepa/document/upload/" + documentId, JPEG, "licence.jpg")));
    }

    private interface Call {
        LoopbackHttp.Response call() throws IOException;
    }

    private static LoopbackHttp.Response timed(Timings t, int step, Call call) throws IOException {
        long start = System.nanoTime();
        LoopbackHttp.Response r = call.call();
        t.steps[step].add(System.nanoTime() - start);
        return r;
    }

    private static JsonNode dataNode(LoopbackHttp.Response r) throws Failed {
        if (r.status() != 200) throw new Failed("HTTP " + r.status() + ": " + r.text());
        return Json.MAPPER.readTree(r.body()).get("data");
    }

    private static String data(LoopbackHttp.Response r, String field) throws Failed {
        return dataNode(r).get(field).asString();
    }

    private static void expect(JsonNode application, String status, String step) throws Failed {
        String actual = application.get("status").asString();
        if (!status.equals(actual)) throw new Failed(step + " left the application " + actual + ", expected " + status);
    }

    private String individual(long n) {
        return """
                {"customerReference":"bench%d","customerType":"individual","customer":{
                 "firstName":"Jane","lastName":"Smith","gender":"F","email":"jane@example.com",
                 "phones":[{"type":"MOBILE","countryDialingCode":"1","phoneNumber":"5551234567"}],
                 "dateOfBirth":"1990-04-12","citizenshipCountryCodeA3":"USA",
                 "addresses":[{"type":"PRIMARY","addressLine1":"1 Main St","city":"New York","stateCode":"NY",
                  "postalCode":"10001","countryCodeA3":"USA"}],
                 "identificationDocuments":[{"type":"SSN","value":"%09d","issuanceCountryCodeA3":"USA"}]}}"""
                .formatted(ssnBase + n, ssnBase + n);
    }

    /** JPEG's SOI and APP0 markers (what the server checks) followed by incompressible bytes. */
    private static byte[] jpeg(int size) {
        byte[] b = new byte[size];
        new Random(42).nextBytes(b);
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0xE0;
        return b;
    }
}
