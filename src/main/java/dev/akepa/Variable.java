package dev.akepa;

/**
 * Every environment variable Akepa knows, by its exact name. {@link Config} can read only these, and
 * ReadmeConfigurationTest holds the README's configuration table to exactly this list, so a new variable is
 * added here, read in Config's section for its feature, and given a README row — or the build fails.
 */
enum Variable {
    // server and storage
    AKEPA_MODE, AKEPA_DATA_DIR, AKEPA_HOST, AKEPA_PORT, AKEPA_MAX_JSON_BYTES, AKEPA_MAX_UPLOAD_BYTES,
    AKEPA_DB_URL, AKEPA_DB_USER, AKEPA_DB_PASSWORD, AKEPA_DB_POOL_SIZE,
    // slow clients and shutdown
    AKEPA_HEADER_TIMEOUT, AKEPA_MIN_BODY_RATE, AKEPA_IDLE_TIMEOUT, AKEPA_SHUTDOWN_GRACE,
    // auth: partners, and reviewers (console sessions, review API tokens, lock-out)
    AKEPA_TOKEN_TTL, AKEPA_PARTNERS,
    AKEPA_REVIEW_SESSION_IDLE, AKEPA_REVIEW_SESSION_MAX, AKEPA_REVIEW_TOKEN_TTL, AKEPA_REVIEW_LOCKOUT,
    // auth: login throttling (partners and reviewers) and per-partner request rate
    AKEPA_LOGIN_MAX_FAILURES, AKEPA_LOGIN_MAX_FAILURES_PER_ADDRESS, AKEPA_LOGIN_BACKOFF, AKEPA_LOGIN_MAX_BACKOFF,
    AKEPA_RATE_LIMIT, AKEPA_RATE_LIMIT_BURST,
    // review: the console's case work
    AKEPA_REVIEW_CLAIM_IDLE, AKEPA_REVIEW_FOUR_EYES,
    // kyc: background verification
    AKEPA_VERIFICATION_WORKER, AKEPA_VERIFICATION_POLL, AKEPA_VERIFICATION_LEASE,
    // verification: sanctions screening
    AKEPA_SANCTIONS_DIR, AKEPA_SCREENING_THRESHOLD, AKEPA_SANCTIONS_POLL, AKEPA_RESCREEN_BATCH, AKEPA_RESCREEN_LEASE,
    AKEPA_RESCREEN_WORKER,
    // document storage
    AKEPA_STORAGE, AKEPA_S3_BUCKET, AKEPA_S3_ENDPOINT, AKEPA_S3_REGION, AKEPA_S3_PATH_STYLE, AKEPA_S3_ACCESS_KEY,
    AKEPA_S3_SECRET_KEY, AKEPA_S3_CREATE_BUCKET,
    // webhook
    AKEPA_WEBHOOK_ALLOW_PRIVATE, AKEPA_WEBHOOK_TIMEOUT, AKEPA_WEBHOOK_RETRY_SCHEDULE, AKEPA_WEBHOOK_SECRET_OVERLAP,
    AKEPA_WEBHOOK_CONCURRENCY, AKEPA_WEBHOOK_POLL_INTERVAL,
    // keys and data protection
    AKEPA_MASTER_KEY, AKEPA_RETENTION, AKEPA_DOCUMENT_RETENTION, AKEPA_PURGE_INTERVAL,
    // metrics
    AKEPA_METRICS_TOKEN,
    // read by logback.xml (Config only checks AKEPA_LOG_FORMAT's value) and by the ./akepa launcher
    AKEPA_LOG_LEVEL, AKEPA_LOG_FORMAT, AKEPA_JAVA_OPTS
}
