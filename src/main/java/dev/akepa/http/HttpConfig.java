package dev.akepa.http;

import java.nio.file.Path;

/**
 * @param host           bind address; loopback by default so a laptop sandbox is not exposed
 * @param maxJsonBytes   cap on JSON request bodies
 * @param maxUploadBytes cap on one uploaded document (AKEPA_MAX_UPLOAD_BYTES)
 */
public record HttpConfig(String host, int port, long maxJsonBytes, long maxUploadBytes, Path multipartTempDir) {}
