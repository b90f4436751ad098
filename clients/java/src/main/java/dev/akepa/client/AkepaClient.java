package dev.akepa.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A client of the Akepa KYC/KYB API (the connectFi /akepa API). One instance per server and partner login, shared
 * by all threads:
 *
 * <pre>{@code
 * AkepaClient akepa = AkepaClient.builder("http://127.0.0.1:8080").credentials("demo", "demo-password").build();
 * CustomerCreated customer = akepa.initCustomer(new NewIndividual("ref42", person));
 * Application application = akepa.identify(Identification.of(customer.customerId()));
 * }</pre>
 *
 * <p>Tokens: the first call gets one from /auth/get-token; it is renewed {@code renewBefore} ahead of its
 * dtsExpireAt, and a call the server answers 401 is sent once more with a fresh token. Every POST carries an
 * Idempotency-Key — the caller's ({@link RequestOptions#idempotencyKey(String)}) or one the client makes — so the one
 * retry the client makes by itself (after a 401, or a connection that failed before an answer) reuses it.
 *
 * <p>Errors: every error answer throws an {@link AkepaException} of its kind ({@link ValidationException},
 * {@link AuthenticationException}, {@link NotFoundException}, {@link ConflictException},
 * {@link DocumentRejectedException}, {@link ServerException}) carrying code, subCode, message, context and requestId.
 * Network failures throw {@link UncheckedIOException}.
 */
public final class AkepaClient {
    private static final String TOKEN_HEADER = "x-connectfi-token";
    private static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final URI baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final TokenSession session;

    private AkepaClient(Builder b) {
        String base = b.baseUrl.endsWith("/") ? b.baseUrl.substring(0, b.baseUrl.length() - 1) : b.baseUrl;
        this.baseUrl = URI.create(base);
        this.http = b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.timeout = b.timeout;
        this.mapper = JsonMapper.builder()
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
        String login = Objects.requireNonNull(b.login, "credentials(login, password) are required");
        String password = b.password;
        this.session = new TokenSession(() -> issueToken(login, password), b.clock, b.renewBefore);
    }

    /** A builder for the server at {@code baseUrl}, e.g. "http://127.0.0.1:8080". */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    public static final class Builder {
        private final String baseUrl;
        private String login;
        private String password;
        private Duration renewBefore = Duration.ofMinutes(1);
        private Duration timeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private HttpClient http;

        private Builder(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        }

        /** The partner login and password (the operator creates them with `./akepa partner add`). */
        public Builder credentials(String login, String password) {
            this.login = login;
            this.password = password;
            return this;
        }

        /** How long before dtsExpireAt the token is renewed (default 1 minute). */
        public Builder renewBefore(Duration ahead) {
            this.renewBefore = ahead;
            return this;
        }

        /** The limit for one answer (default 30 s). */
        public Builder timeout(Duration perRequest) {
            this.timeout = perRequest;
            return this;
        }

        public Builder clock(Clock newClock) {
            this.clock = newClock;
            return this;
        }

        /** Your own HttpClient (proxy, TLS settings); the default has a 10 s connect timeout. */
        public Builder httpClient(HttpClient client) {
            this.http = client;
            return this;
        }

        public AkepaClient build() {
            return new AkepaClient(this);
        }
    }

    // ---- customers -------------------------------------------------------------------------------------------

    /** POST /customer/init. */
    public CustomerCreated initCustomer(NewCustomer customer) {
        return initCustomer(customer, RequestOptions.none());
    }

    public CustomerCreated initCustomer(NewCustomer customer, RequestOptions options) {
        ObjectNode body = mapper.valueToTree(customer);
        ObjectNode ordered = mapper.createObjectNode();
        ordered.put("customerReference", customer.customerReference());
        ordered.put("customerType", customer.customerType());
        ordered.set("customer", body.get("customer"));
        return post("/customer/init", ordered, options, CustomerCreated.class);
    }

    /** GET /customer/status/{customerId}. */
    public CustomerStatus customerStatus(String customerId) {
        return get("/customer/status/" + segment(customerId), CustomerStatus.class);
    }

    // ---- KYC/KYB ---------------------------------------------------------------------------------------------

    /** POST /akepa/identification. */
    public Application identify(Identification identification) {
        return identify(identification, RequestOptions.none());
    }

    public Application identify(Identification identification, RequestOptions options) {
        return post("/akepa/identification", identification, options, Application.class);
    }

    /** GET /akepa/status/{customerId}. */
    public Application status(String customerId) {
        return get("/akepa/status/" + segment(customerId), Application.class);
    }

    /** POST /akepa/document/generate. */
    public Document generateDocument(NewDocument document) {
        return generateDocument(document, RequestOptions.none());
    }

    public Document generateDocument(NewDocument document, RequestOptions options) {
        return post("/akepa/document/generate", document, options, Document.class);
    }

    /** POST /akepa/document/upload/{documentId} from a file, streamed from disk. */
    public Document uploadDocument(String documentId, Path file) {
        return uploadDocument(documentId, file, RequestOptions.none());
    }

    public Document uploadDocument(String documentId, Path file, RequestOptions options) {
        if (!Multipart.exists(file)) throw new IllegalArgumentException("no such file: " + file);
        Multipart multipart = new Multipart(file.getFileName().toString());
        return send("POST", "/akepa/document/upload/" + segment(documentId), new Body(multipart.contentType(),
                () -> multipart.of(file), true), true, options, Document.class);
    }

    /**
     * POST /akepa/document/upload/{documentId} from a stream, sent as it is read (chunked). A stream cannot be sent
     * twice, so this call is never retried by the client; {@code content} is not closed.
     */
    public Document uploadDocument(String documentId, InputStream content, String filename) {
        return uploadDocument(documentId, content, filename, RequestOptions.none());
    }

    public Document uploadDocument(String documentId, InputStream content, String filename, RequestOptions options) {
        Multipart multipart = new Multipart(filename);
        HttpRequest.BodyPublisher publisher = multipart.of(content);
        return send("POST", "/akepa/document/upload/" + segment(documentId), new Body(multipart.contentType(),
                () -> publisher, false), true, options, Document.class);
    }

    /** POST /akepa/update: attaches uploaded documents; all or nothing. */
    public Application update(String customerId, List<DocumentLink> documents) {
        return update(customerId, documents, RequestOptions.none());
    }

    public Application update(String customerId, List<DocumentLink> documents, RequestOptions options) {
        return post("/akepa/update", Map.of("customerId", customerId, "documents", documents), options, Application.class);
    }

    /** GET /akepa/history/{customerId}. */
    public History history(String customerId) {
        return get("/akepa/history/" + segment(customerId), History.class);
    }

    // ---- sandbox ---------------------------------------------------------------------------------------------

    /** POST /akepa/sandbox/review: decides an entity in waiting_review; outcome "approved" or "denied". */
    public Application sandboxReview(String customerId, String entityId, String outcome) {
        return sandboxReview(customerId, entityId, outcome, RequestOptions.none());
    }

    public Application sandboxReview(String customerId, String entityId, String outcome, RequestOptions options) {
        return post("/akepa/sandbox/review", Map.of("customerId", customerId, "entityId", entityId, "outcome", outcome),
                options, Application.class);
    }

    /** POST /akepa/sandbox/reset: deletes all of this partner's sandbox data. */
    public SandboxReset resetSandbox() {
        return resetSandbox(RequestOptions.none());
    }

    public SandboxReset resetSandbox(RequestOptions options) {
        return send("POST", "/akepa/sandbox/reset", new Body(null, HttpRequest.BodyPublishers::noBody, true), true,
                options, SandboxReset.class);
    }

    // ---- webhooks --------------------------------------------------------------------------------------------

    /** GET /webhooks/secret: give it to a {@link WebhookVerifier}. */
    public SigningSecret webhookSecret() {
        return get("/webhooks/secret", SigningSecret.class);
    }

    /** POST /webhooks/secret/rotate: both secrets sign during the overlap. */
    public SigningSecret rotateWebhookSecret() {
        return send("POST", "/webhooks/secret/rotate", new Body(null, HttpRequest.BodyPublishers::noBody, true), true,
                RequestOptions.none(), SigningSecret.class);
    }

    /** GET /webhooks/deliveries; {@code customerId} may be null for all customers. */
    public DeliveryPage deliveries(String customerId, int page, int pageSize) {
        String query = "?page=" + page + "&pageSize=" + pageSize + (customerId == null ? "" : "&customerId=" + segment(customerId));
        return get("/webhooks/deliveries" + query, DeliveryPage.class);
    }

    /** POST /webhooks/deliveries/{deliveryId}/replay. */
    public Replay replayDelivery(String deliveryId) {
        return send("POST", "/webhooks/deliveries/" + segment(deliveryId) + "/replay",
                new Body(null, HttpRequest.BodyPublishers::noBody, true), true, RequestOptions.none(), Replay.class);
    }

    // ---- transport -------------------------------------------------------------------------------------------

    /** POST /auth/get-token (the client does this by itself when it needs a token). */
    public Token token() {
        String current = session.current();
        return new Token(current, session.expiresAt());
    }

    private Token issueToken(String login, String password) {
        return send("POST", "/auth/get-token", json(Map.of("user", Map.of("login", login, "password", password))),
                false, RequestOptions.none(), Token.class);
    }

    private record Body(String contentType, java.util.function.Supplier<HttpRequest.BodyPublisher> publisher,
                        boolean replayable) {}

    private Body json(Object value) {
        byte[] bytes = mapper.writeValueAsBytes(value);
        return new Body("application/json", () -> HttpRequest.BodyPublishers.ofByteArray(bytes), true);
    }

    private <T> T get(String path, Class<T> type) {
        return send("GET", path, null, true, RequestOptions.none(), type);
    }

    private <T> T post(String path, Object body, RequestOptions options, Class<T> type) {
        return send("POST", path, json(body), true, options, type);
    }

    private <T> T send(String method, String path, Body body, boolean authenticated, RequestOptions options, Class<T> type) {
        String key = method.equals("POST") && authenticated
                ? (options.idempotencyKey() != null ? options.idempotencyKey() : UUID.randomUUID().toString()) : null;
        boolean replayable = body == null || body.replayable();
        String token = authenticated ? session.current() : null;
        HttpResponse<byte[]> response = exchange(method, path, body, token, key, replayable);
        if (response.statusCode() == 401 && authenticated && replayable) {
            response = exchange(method, path, body, session.renewAfterRefusal(token), key, true);
        }
        return read(response, type);
    }

    private HttpResponse<byte[]> exchange(String method, String path, Body body, String token, String key, boolean mayRetry) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body.publisher().get());
        if (body != null && body.contentType() != null) request.header("Content-Type", body.contentType());
        if (token != null) request.header(TOKEN_HEADER, token);
        if (key != null) request.header(IDEMPOTENCY_HEADER, key);
        request.header("Accept", "application/json");
        try {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
                // nothing reached the server: once more, with the same Idempotency-Key
                if (!mayRetry) throw e;
                return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : body.publisher().get()).build(), HttpResponse.BodyHandlers.ofByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    private <T> T read(HttpResponse<byte[]> response, Class<T> type) {
        String raw = new String(response.body(), StandardCharsets.UTF_8);
        JsonNode json = null;
        try {
            if (!raw.isEmpty()) json = mapper.readTree(raw);
        } catch (RuntimeException notJson) {
            json = null;
        }
        if (response.statusCode() == 200 && json != null && "0".equals(json.path("code").asString(null))) {
            return mapper.treeToValue(json.get("data"), type);
        }
        throw ErrorEnvelopes.toException(response.statusCode(), json, raw, mapper);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
