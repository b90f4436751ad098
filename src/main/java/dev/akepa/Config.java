package dev.akepa;

import dev.akepa.auth.AuthConfig;
import dev.akepa.auth.LoginThrottleConfig;
import dev.akepa.auth.RateLimitConfig;
import dev.akepa.document.S3Config;
import dev.akepa.document.StorageConfig;
import dev.akepa.erasure.RetentionConfig;
import dev.akepa.http.HttpConfig;
import dev.akepa.keys.KeysConfig;
import dev.akepa.kyc.VerificationWorkerConfig;
import dev.akepa.metrics.MetricsConfig;
import dev.akepa.review.ReviewConfig;
import dev.akepa.sanctions.SanctionsConfig;
import dev.akepa.store.Database;
import dev.akepa.store.DatabaseConfig;
import dev.akepa.verification.screening.SanctionsList;
import dev.akepa.webhook.WebhookConfig;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything Akepa reads from the environment, with the defaults the README documents. Each feature owns a config
 * record (a plain record in its package, documenting its variables); this class alone knows the variable names
 * ({@link Variable}) and composes every record, one section per feature below. A new feature's settings: add the
 * variables to {@link Variable}, a component here, a section that builds the record, and README rows.
 */
public record Config(Mode mode, Path dataDir, HttpConfig http, DatabaseConfig database, AuthConfig auth,
                     VerificationWorkerConfig verification, SanctionsConfig sanctions, StorageConfig storage,
                     WebhookConfig webhook, MetricsConfig metrics, KeysConfig keys, RetentionConfig retention,
                     ReviewConfig review) {

    public enum Mode { SANDBOX, PRODUCTION }

    public static final String DEMO_LOGIN = "demo";
    public static final String DEMO_PASSWORD = "demo-password";

    public static Config fromEnvironment(Map<String, String> variables) {
        Environment env = new Environment(variables);
        Mode mode = switch (env.text(Variable.AKEPA_MODE, "sandbox").toLowerCase()) {
            case "sandbox" -> Mode.SANDBOX;
            case "production" -> Mode.PRODUCTION;
            default -> throw new IllegalArgumentException("AKEPA_MODE must be sandbox or production");
        };
        checkLogFormat(env);
        Path dataDir = Path.of(env.text(Variable.AKEPA_DATA_DIR, "./data")).toAbsolutePath().normalize();
        return new Config(mode, dataDir, http(env, dataDir), database(env, dataDir), auth(env, mode),
                verification(env), sanctions(env, dataDir), storage(env, dataDir), webhook(env, mode),
                metrics(env), keys(env, dataDir), retention(env, mode), review(env));
    }

    public boolean sandbox() {
        return mode == Mode.SANDBOX;
    }

    // ---- http ------------------------------------------------------------------------------------------------

    private static HttpConfig http(Environment env, Path dataDir) {
        return new HttpConfig(
                env.text(Variable.AKEPA_HOST, "127.0.0.1"),
                env.parsed(Variable.AKEPA_PORT, "8080", Integer::parseInt),
                env.parsed(Variable.AKEPA_MAX_JSON_BYTES, Long.toString(1024 * 1024), Long::parseLong),
                env.parsed(Variable.AKEPA_MAX_UPLOAD_BYTES, Long.toString(10L * 1024 * 1024), Long::parseLong),
                dataDir.resolve("tmp"),
                env.parsed(Variable.AKEPA_HEADER_TIMEOUT, "10s", Durations::parse),
                env.parsed(Variable.AKEPA_MIN_BODY_RATE, "1024", Long::parseLong),
                env.parsed(Variable.AKEPA_IDLE_TIMEOUT, "30s", Durations::parse),
                env.parsed(Variable.AKEPA_SHUTDOWN_GRACE, "30s", Durations::parse));
    }

    // ---- store -----------------------------------------------------------------------------------------------

    private static DatabaseConfig database(Environment env, Path dataDir) {
        return new DatabaseConfig(
                env.parsed(Variable.AKEPA_DB_URL, Database.embeddedUrl(dataDir), Database::supportedUrl),
                env.text(Variable.AKEPA_DB_USER),
                env.raw(Variable.AKEPA_DB_PASSWORD),
                env.parsed(Variable.AKEPA_DB_POOL_SIZE, "16", Integer::parseInt));
    }

    // ---- auth: partners and reviewers -------------------------------------------------------------------------

    private static AuthConfig auth(Environment env, Mode mode) {
        return new AuthConfig(
                env.parsed(Variable.AKEPA_TOKEN_TTL, "1h", Durations::parse),
                partners(env.raw(Variable.AKEPA_PARTNERS), mode),
                env.parsed(Variable.AKEPA_REVIEW_TOKEN_TTL, "1h", Durations::parse),
                env.parsed(Variable.AKEPA_REVIEW_SESSION_IDLE, "30m", Durations::parse),
                env.parsed(Variable.AKEPA_REVIEW_SESSION_MAX, "8h", Durations::parse),
                5,
                env.parsed(Variable.AKEPA_REVIEW_LOCKOUT, "15m", Durations::parse),
                new LoginThrottleConfig(
                        env.parsed(Variable.AKEPA_LOGIN_MAX_FAILURES, "5", Integer::parseInt),
                        env.parsed(Variable.AKEPA_LOGIN_MAX_FAILURES_PER_ADDRESS, "20", Integer::parseInt),
                        env.parsed(Variable.AKEPA_LOGIN_BACKOFF, "1s", Durations::parse),
                        env.parsed(Variable.AKEPA_LOGIN_MAX_BACKOFF, "15m", Durations::parse)),
                rateLimit(env));
    }

    private static RateLimitConfig rateLimit(Environment env) {
        double perSecond = env.parsed(Variable.AKEPA_RATE_LIMIT, "0", Double::parseDouble);
        return new RateLimitConfig(perSecond,
                env.parsed(Variable.AKEPA_RATE_LIMIT_BURST, Double.toString(2 * perSecond), Double::parseDouble));
    }

    /** AKEPA_PARTNERS=login:password[,login:password…]; unset in sandbox mode means the demo partner. */
    private static Map<String, String> partners(String spec, Mode mode) {
        Map<String, String> partners = new LinkedHashMap<>();
        if (spec == null) {
            if (mode == Mode.SANDBOX) partners.put(DEMO_LOGIN, DEMO_PASSWORD);
            return partners;
        }
        for (String pair : spec.split(",")) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException("AKEPA_PARTNERS entries must be login:password");
            }
            partners.put(pair.substring(0, colon).trim(), pair.substring(colon + 1));
        }
        return partners;
    }

    // ---- review: the console's case work --------------------------------------------------------------------

    private static ReviewConfig review(Environment env) {
        return new ReviewConfig(env.parsed(Variable.AKEPA_REVIEW_CLAIM_IDLE, "15m", Durations::parse),
                env.parsed(Variable.AKEPA_REVIEW_FOUR_EYES, "off", ReviewConfig.FourEyes::parse));
    }

    // ---- kyc: background verification -----------------------------------------------------------------------

    private static VerificationWorkerConfig verification(Environment env) {
        return new VerificationWorkerConfig(
                env.lenientFlag(Variable.AKEPA_VERIFICATION_WORKER, true),
                env.parsed(Variable.AKEPA_VERIFICATION_POLL, "500ms", Durations::parse),
                env.parsed(Variable.AKEPA_VERIFICATION_LEASE, "30s", Durations::parse));
    }

    // ---- verification: sanctions screening -------------------------------------------------------------------

    private static SanctionsConfig sanctions(Environment env, Path dataDir) {
        String dir = env.text(Variable.AKEPA_SANCTIONS_DIR);
        Path defaultDir = dataDir.resolve("ofac");
        Path importDir = dir != null ? Path.of(dir) : java.nio.file.Files.isDirectory(defaultDir) ? defaultDir : null;
        return new SanctionsConfig(importDir,
                env.parsed(Variable.AKEPA_SANCTIONS_POLL, "1m", Durations::parse),
                env.parsed(Variable.AKEPA_SCREENING_THRESHOLD, Double.toString(SanctionsList.DEFAULT_THRESHOLD),
                        Double::parseDouble),
                env.parsed(Variable.AKEPA_RESCREEN_BATCH, "500", Integer::parseInt),
                env.parsed(Variable.AKEPA_RESCREEN_LEASE, "5m", Durations::parse),
                env.lenientFlag(Variable.AKEPA_RESCREEN_WORKER, true));
    }

    // ---- document storage ------------------------------------------------------------------------------------

    private static StorageConfig storage(Environment env, Path dataDir) {
        String kind = env.text(Variable.AKEPA_STORAGE, "local");
        return switch (kind) {
            case "local" -> new StorageConfig.Local(dataDir);
            case "s3" -> s3(env);
            default -> throw new IllegalArgumentException("AKEPA_STORAGE must be local or s3, not " + kind);
        };
    }

    private static S3Config s3(Environment env) {
        String endpoint = env.text(Variable.AKEPA_S3_ENDPOINT);
        return new S3Config(
                env.text(Variable.AKEPA_S3_BUCKET),
                endpoint == null ? null : s3Endpoint(endpoint),
                env.text(Variable.AKEPA_S3_REGION, S3Config.DEFAULT_REGION),
                env.flag(Variable.AKEPA_S3_PATH_STYLE, endpoint != null),
                env.text(Variable.AKEPA_S3_ACCESS_KEY),
                env.text(Variable.AKEPA_S3_SECRET_KEY),
                env.flag(Variable.AKEPA_S3_CREATE_BUCKET, false));
    }

    private static URI s3Endpoint(String endpoint) {
        try {
            return URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AKEPA_S3_ENDPOINT is not a valid URL: " + endpoint);
        }
    }

    // ---- webhook ---------------------------------------------------------------------------------------------

    private static WebhookConfig webhook(Environment env, Mode mode) {
        return new WebhookConfig(
                env.lenientFlag(Variable.AKEPA_WEBHOOK_ALLOW_PRIVATE, mode == Mode.SANDBOX),
                env.parsed(Variable.AKEPA_WEBHOOK_TIMEOUT, "10s", Durations::parse),
                retrySchedule(env.text(Variable.AKEPA_WEBHOOK_RETRY_SCHEDULE)),
                env.parsed(Variable.AKEPA_WEBHOOK_SECRET_OVERLAP, "24h", Durations::parse),
                env.parsed(Variable.AKEPA_WEBHOOK_CONCURRENCY, "64", Integer::parseInt),
                env.parsed(Variable.AKEPA_WEBHOOK_POLL_INTERVAL, "1s", Durations::parse));
    }

    // ---- keys: the master key of the key hierarchy --------------------------------------------------------------

    private static KeysConfig keys(Environment env, Path dataDir) {
        return new KeysConfig(env.text(Variable.AKEPA_MASTER_KEY), dataDir.resolve("master.key"));
    }

    // ---- erasure: retention of personal data -----------------------------------------------------------------

    private static RetentionConfig retention(Environment env, Mode mode) {
        return new RetentionConfig(
                env.parsed(Variable.AKEPA_RETENTION, mode == Mode.SANDBOX ? "0" : "5y", Durations::parse),
                env.parsed(Variable.AKEPA_DOCUMENT_RETENTION, "until-erasure",
                        text -> text.equals("until-erasure") ? null : Durations.parse(text)),
                env.parsed(Variable.AKEPA_PURGE_INTERVAL, "1m", Durations::parse));
    }

    /** "5s,5m,30m" → the delays before retries 1, 2, 3; "none" means no retries at all. */
    private static List<Duration> retrySchedule(String spec) {
        if (spec == null) return WebhookConfig.DEFAULT_SCHEDULE;
        if (spec.equalsIgnoreCase("none")) return List.of();
        return Arrays.stream(spec.split(",")).map(String::trim).map(Durations::parse).toList();
    }

    // ---- metrics and logs ------------------------------------------------------------------------------------

    private static MetricsConfig metrics(Environment env) {
        return new MetricsConfig(env.text(Variable.AKEPA_METRICS_TOKEN));
    }

    /** logback.xml has read AKEPA_LOG_FORMAT already; a typo must stop the start rather than silence the logs. */
    private static void checkLogFormat(Environment env) {
        String format = env.text(Variable.AKEPA_LOG_FORMAT, "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("AKEPA_LOG_FORMAT must be text or json, not " + format);
        }
    }
}
