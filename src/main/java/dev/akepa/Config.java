package dev.akepa;

import dev.akepa.http.HttpConfig;
import dev.akepa.store.Database;
import dev.akepa.store.DatabaseConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything Akepa reads from the environment, with the defaults the README documents.
 * Features get their own slice (HttpConfig, DatabaseConfig…); only this class knows variable names.
 */
public record Config(Mode mode, HttpConfig http, DatabaseConfig database, Path dataDir, Duration tokenLifetime,
                     Map<String, String> partners, boolean verificationWorkers, Duration verificationPoll,
                     Duration verificationLease, Map<String, String> env) {

    public enum Mode { SANDBOX, PRODUCTION }

    public static final String DEMO_LOGIN = "demo";
    public static final String DEMO_PASSWORD = "demo-password";

    public static Config fromEnvironment(Map<String, String> env) {
        Mode mode = switch (env.getOrDefault("AKEPA_MODE", "sandbox").toLowerCase()) {
            case "sandbox" -> Mode.SANDBOX;
            case "production" -> Mode.PRODUCTION;
            default -> throw new IllegalArgumentException("AKEPA_MODE must be sandbox or production");
        };
        // read by logback.xml before this runs; checked here so that a typo stops the start instead of the logs
        String logFormat = env.getOrDefault("AKEPA_LOG_FORMAT", "text");
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            throw new IllegalArgumentException("AKEPA_LOG_FORMAT must be text or json");
        }
        Path dataDir = Path.of(env.getOrDefault("AKEPA_DATA_DIR", "./data")).toAbsolutePath().normalize();
        long maxUpload = Long.parseLong(env.getOrDefault("AKEPA_MAX_UPLOAD_BYTES", Long.toString(10L * 1024 * 1024)));
        HttpConfig http = new HttpConfig(
                env.getOrDefault("AKEPA_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("AKEPA_PORT", "8080")),
                Long.parseLong(env.getOrDefault("AKEPA_MAX_JSON_BYTES", Long.toString(1024 * 1024))),
                maxUpload,
                dataDir.resolve("tmp"));
        String dbUrl = env.get("AKEPA_DB_URL");
        DatabaseConfig database = new DatabaseConfig(
                dbUrl == null || dbUrl.isBlank() ? Database.embeddedUrl(dataDir) : dbUrl,
                env.get("AKEPA_DB_USER"),
                env.get("AKEPA_DB_PASSWORD"),
                Integer.parseInt(env.getOrDefault("AKEPA_DB_POOL_SIZE", "16")));
        Duration ttl = Durations.parse(env.getOrDefault("AKEPA_TOKEN_TTL", "1h"));
        return new Config(mode, http, database, dataDir, ttl, partners(env.get("AKEPA_PARTNERS"), mode),
                Boolean.parseBoolean(env.getOrDefault("AKEPA_VERIFICATION_WORKER", "true")),
                Durations.parse(env.getOrDefault("AKEPA_VERIFICATION_POLL", "500ms")),
                Durations.parse(env.getOrDefault("AKEPA_VERIFICATION_LEASE", "30s")),
                env);
    }

    /** AKEPA_PARTNERS=login:password[,login:password…]; unset in sandbox mode means the demo partner. */
    private static Map<String, String> partners(String spec, Mode mode) {
        Map<String, String> partners = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
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

    public boolean sandbox() {
        return mode == Mode.SANDBOX;
    }

    public String get(String name, String defaultValue) {
        String value = env.get(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
