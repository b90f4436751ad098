package dev.akepa.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The page's individual workflow as one client runs it, 8 requests: init → identification → generate → upload →
 * generate → upload → update → status, each upload a JPEG. Requests go to the client's connections in turn, as a
 * round-robin load balancer sends them (one connection: all to one server). Each request is timed; any answer other
 * than the expected one fails the journey.
 */
final class Journey {
    static final String[] STEPS = {"init", "identification", "generate", "upload", "update", "status"};
    static final int REQUESTS = 8;
    /** The step of each of the journey's requests, in the order they are sent. */
    private static final int[] STEP_OF_REQUEST = {0, 1, 2, 3, 2, 3, 4, 5};
    private static final String BOUNDARY = "akepa-bench-boundary";

    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message, null, false, false);
        }
    }

    /** Per-step latencies, of one client thread until merged. */
    static final class StepTimes {
        final Latencies[] steps = new Latencies[STEPS.length];

        StepTimes() {
            for (int i = 0; i < steps.length; i++) steps[i] = new Latencies();
        }

        /** The requests of the journey that {@code journey} last completed. */
        void add(Journey journey) {
            for (int r = 0; r < REQUESTS; r++) steps[STEP_OF_REQUEST[r]].add(journey.requestNanos[r]);
        }

        void addAll(StepTimes other) {
            for (int i = 0; i < steps.length; i++) steps[i].addAll(other.steps[i]);
        }
    }

    private final List<KeepAliveClient> connections;
    private final AtomicLong customerNumbers;
    private final byte[] multipartImage;
    private final long[] requestNanos = new long[REQUESTS];
    private int turn;

    /**
     * @param customerNumbers gives each customer its reference and SSN, both unique per partner: shared by the
     *                        clients of a run, starting where no earlier run on the same database has been
     * @param multipartImage  the upload's body, from {@link #multipartImage(int)}: built once, sent by every journey
     * @param firstTurn       which connection the first request goes to
     */
    Journey(List<KeepAliveClient> connections, AtomicLong customerNumbers, byte[] multipartImage, int firstTurn) {
        this.connections = connections;
        this.customerNumbers = customerNumbers;
        this.multipartImage = multipartImage;
        this.turn = firstTurn;
    }

    /** init + identification; returns the customerId. */
    String identifiedCustomer() throws IOException, Failed {
        long n = customerNumbers.incrementAndGet();
        String customerId = field(timed(0, c -> c.postJson("/customer/init", individual(n))), "customerId");
        expect(timed(1, c -> c.postJson("/akepa/identification", "{\"customerId\":\"" + customerId + "\"}")),
                "pending_step_up", "identification");
        return customerId;
    }

    /** The whole workflow, ending in an approved application. */
    void run() throws IOException, Failed {
        String customerId = identifiedCustomer();
        String front = generatedAndUploaded(2, "front");
        String back = generatedAndUploaded(4, "back");
        expect(timed(6, c -> c.postJson("/akepa/update", """
                {"customerId":"%1$s","documents":[{"entityId":"%1$s","documentId":"%2$s","view":"front"},\
                {"entityId":"%1$s","documentId":"%3$s","view":"back"}]}""".formatted(customerId, front, back))),
                "completed", "update");
        expect(timed(7, c -> c.get("/akepa/status/" + customerId)), "completed", "status");
    }

    private String generatedAndUploaded(int request, String view) throws IOException, Failed {
        String id = field(timed(request, c -> c.postJson("/akepa/document/generate",
                "{\"workflow\":\"PERSONAL\",\"name\":\"" + view + "\",\"extension\":\"jpg\",\"type\":\"license\"}")), "id");
        ok(timed(request + 1, c -> c.post("/akepa/document/upload/" + id,
                "multipart/form-data; boundary=" + BOUNDARY, multipartImage)));
        return id;
    }

    private interface Call {
        KeepAliveClient.Answer call(KeepAliveClient connection) throws IOException;
    }

    /** Sends one request on the next connection in turn and times it. */
    private KeepAliveClient.Answer timed(int request, Call call) throws IOException {
        KeepAliveClient connection = connections.get(turn++ % connections.size());
        long start = System.nanoTime();
        KeepAliveClient.Answer answer = call.call(connection);
        requestNanos[request] = System.nanoTime() - start;
        return answer;
    }

    private static KeepAliveClient.Answer ok(KeepAliveClient.Answer answer) throws Failed {
        if (answer.status() != 200) throw new Failed("HTTP " + answer.status() + ": " + answer.text());
        return answer;
    }

    private static String field(KeepAliveClient.Answer answer, String name) throws Failed {
        String value = ok(answer).field(name);
        if (value == null) throw new Failed("no " + name + " in " + answer.text());
        return value;
    }

    private static void expect(KeepAliveClient.Answer application, String status, String step) throws Failed {
        String actual = field(application, "status");
        if (!status.equals(actual)) throw new Failed(step + " left the application " + actual + ", expected " + status);
    }

    private static String individual(long n) {
        return """
                {"customerReference":"bench%d","customerType":"individual","customer":{
                 "firstName":"Jane","lastName":"Smith","gender":"F","email":"jane@example.com",
                 "phones":[{"type":"MOBILE","countryDialingCode":"1","phoneNumber":"5551234567"}],
                 "dateOfBirth":"1990-04-12","citizenshipCountryCodeA3":"USA",
                 "addresses":[{"type":"PRIMARY","addressLine1":"1 Main St","city":"New York","stateCode":"NY",
                  "postalCode":"10001","countryCodeA3":"USA"}],
                 "identificationDocuments":[{"type":"SSN","value":"%09d","issuanceCountryCodeA3":"USA"}]}}"""
                .formatted(n, n % 1_000_000_000L);
    }

    /** multipart/form-data with one file part named "file": a JPEG's SOI and APP0 markers (what the server checks)
     * followed by incompressible bytes. */
    static byte[] multipartImage(int size) {
        byte[] image = new byte[size];
        new Random(size).nextBytes(image);
        image[0] = (byte) 0xFF;
        image[1] = (byte) 0xD8;
        image[2] = (byte) 0xFF;
        image[3] = (byte) 0xE0;
        ByteArrayOutputStream body = new ByteArrayOutputStream(size + 256);
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"id.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }
}
