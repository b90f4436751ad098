package dev.akepa.http;

import java.nio.file.Path;

import java.time.Duration;

/**
 * @param host           bind address; loopback by default so a laptop sandbox is not exposed
 * @param maxJsonBytes   cap on JSON request bodies
 * @param maxUploadBytes cap on one uploaded document (AKEPA_MAX_UPLOAD_BYTES)
 * @param headerTimeout  the request line and headers must arrive within this (AKEPA_HEADER_TIMEOUT, 10s)
 * @param minBodyRate    bytes per second a request body must keep up, on average (AKEPA_MIN_BODY_RATE, 1024)
 * @param idleTimeout    a connection with nothing arriving is closed after this (AKEPA_IDLE_TIMEOUT, 30s)
 * @param shutdownGrace  on SIGTERM, in-flight requests get this long to finish (AKEPA_SHUTDOWN_GRACE, 30s)
 */
public record HttpConfig(String host, int port, long maxJsonBytes, long maxUploadBytes, Path multipartTempDir,
                         Duration headerTimeout, long minBodyRate, Duration idleTimeout, Duration shutdownGrace) {
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MIN_BODY_RATE = 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);

    /** With the default deadlines (tests and embedded use). */
    public HttpConfig(String host, int port, long maxJsonBytes, long maxUploadBytes, Path multipartTempDir) {
        this(host, port, maxJsonBytes, maxUploadBytes, multipartTempDir, DEFAULT_HEADER_TIMEOUT, DEFAULT_MIN_BODY_RATE,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_SHUTDOWN_GRACE);
    }
}
