package dev.akepa.client;

import java.time.Instant;
import java.util.List;

/** A page of callback delivery attempts, newest first. */
public record DeliveryPage(List<Attempt> deliveries, int page, int pageSize, long total) {

    /** One attempt; {@code deliveryId} is the callback's webhook-id. httpStatus and error may be null. */
    public record Attempt(String deliveryId, String applicationId, String customerId, String webhookURL,
                          String deliveryStatus, int series, int attempt, Instant dtsAttemptedAt, Integer httpStatus,
                          long latencyMs, String result, String error) {}
}
