package dev.akepa.metrics;

/** {@code token}: AKEPA_METRICS_TOKEN, the bearer token a scrape of /metrics must send; null leaves it open. */
public record MetricsConfig(String token) {}
