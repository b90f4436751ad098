package dev.akepa.webhook;

import dev.akepa.auth.Auth;
import dev.akepa.auth.AuthConfig;
import dev.akepa.auth.LoginThrottleConfig;
import dev.akepa.auth.RateLimitConfig;
import dev.akepa.auth.PartnerRepository;
import dev.akepa.auth.PasswordHasher;
import dev.akepa.auth.TokenService;
import dev.akepa.http.HttpConfig;
import dev.akepa.http.HttpServer;
import dev.akepa.metrics.MetricsRoutes;
import dev.akepa.json.Json;
import dev.akepa.kyc.ApplicationChange;
import dev.akepa.keys.KeyRing;
import dev.akepa.keys.KeysConfig;
import dev.akepa.keys.PersonalData;
import dev.akepa.store.Database;
import dev.akepa.store.DatabaseConfig;
import dev.akepa.testsupport.PostgresSchema;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A migrated H2 database, the webhook feature started on it, and the real HTTP API with its routes behind partner
 * authentication, all on loopback; {@link #close()} stops everything.
 */
final class WebhookHarness implements AutoCloseable {
    static final List<Duration> FAST_RETRIES = List.of(Duration.ofMillis(50), Duration.ofMillis(50),
            Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50));

    final Database database;
    final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final Webhooks webhooks;
    private final PersonalData keys;
    private final HttpServer api;
    private final TokenService tokens;
    private final HttpClient client = HttpClient.newHttpClient();

    private final PostgresSchema schema;

    private WebhookHarness(Path dir, DatabaseConfig db, PostgresSchema schema, WebhookConfig config, Clock clock) {
        this.schema = schema;
        this.database = Database.open(db);
        this.keys = KeyRing.open(database.jdbi(), new KeysConfig(null, dir.resolve("master.key")), clock).personalData();
        this.webhooks = new Webhooks(database.jdbi(), metrics, clock, config, keys);
        Auth auth = new Auth(database.jdbi(), new AuthConfig(Duration.ofHours(1), java.util.Map.of(), Duration.ofHours(1),
                Duration.ofMinutes(30), Duration.ofHours(8), 5, Duration.ofMinutes(15),
                new LoginThrottleConfig(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15)), RateLimitConfig.NONE),
                new PasswordHasher(1_000),
                (login, action, detail, at) -> {}, null, clock);
        this.tokens = auth.partnerTokens();
        this.api = new HttpServer(new HttpConfig("127.0.0.1", 0, 1 << 20, 1 << 20, dir.resolve("tmp")),
                List.of(webhooks.routes(), new MetricsRoutes(metrics, null)), auth.filter(), metrics, () -> {}).start();
        webhooks.start();
    }

    static WebhookHarness start(Path dir) {
        return start(dir, config(dir, Duration.ofSeconds(5), FAST_RETRIES, true));
    }

    static WebhookHarness start(Path dir, WebhookConfig config) {
        return start(dir, config, Clock.systemUTC());
    }

    /** On the embedded SQLite file in {@code dir}, or on a fresh PostgreSQL schema when AKEPA_TEST_PG_URL is set (as CI's second run). */
    static WebhookHarness start(Path dir, WebhookConfig config, Clock clock) {
        PostgresSchema schema = PostgresSchema.createIfConfigured();
        return new WebhookHarness(dir, schema == null ? embedded(dir) : schema.database(8), schema, config, clock);
    }

    static WebhookHarness start(Path dir, DatabaseConfig db, WebhookConfig config) {
        return new WebhookHarness(dir, db, null, config, Clock.systemUTC());
    }

    static DatabaseConfig embedded(Path dir) {
        return new DatabaseConfig(Database.embeddedUrl(dir), null, null, 8);
    }

    /**
     * The poll interval is an hour, so every delivery in these tests proves the in-process wake-ups: after a
     * commit, after a finished attempt, and at the time of the next scheduled retry.
     */
    static WebhookConfig config(Path dir, Duration timeout, List<Duration> schedule, boolean allowPrivate) {
        return new WebhookConfig(allowPrivate, timeout, schedule, Duration.ofHours(24), 8, Duration.ofHours(1));
    }

    /** The key hierarchy on this harness's database, as a second process on it would open it. */
    PersonalData keys() {
        return keys;
    }

    Jdbi jdbi() {
        return database.jdbi();
    }

    /** A partner with an API token for the routes. */
    Partner partner(String login) {
        new PartnerRepository(jdbi()).createIfAbsent(login, new PasswordHasher(1_000).hash("pw"), 0);
        var issued = tokens.issue(login, "pw").orElseThrow();
        return new Partner(issued.partner().id(), issued.token());
    }

    record Partner(long id, String token) {}

    /** Commits the changes in one transaction, the way the kyc service calls its listeners. */
    void change(ApplicationChange... changes) {
        jdbi().useTransaction(h -> {
            for (ApplicationChange change : changes) webhooks.listener().onChange(h, change);
        });
    }

    record ApiResponse(int status, JsonNode body) {}

    ApiResponse get(Partner partner, String path) throws IOException, InterruptedException {
        return call(partner, HttpRequest.newBuilder(uri(path)).GET());
    }

    ApiResponse post(Partner partner, String path) throws IOException, InterruptedException {
        return call(partner, HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    String metricsText() throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private ApiResponse call(Partner partner, HttpRequest.Builder request) throws IOException, InterruptedException {
        if (partner != null) request.header("x-connectfi-token", partner.token());
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new ApiResponse(response.statusCode(), Json.MAPPER.readTree(response.body()));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.port() + path);
    }

    @Override
    public void close() {
        webhooks.close();
        api.stop();
        client.close();
        database.close();
        if (schema != null) schema.close();
    }
}
