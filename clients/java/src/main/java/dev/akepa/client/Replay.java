package dev.akepa.client;

/** The answer to a replay: the callback is queued again (deliveryStatus "pending"). */
public record Replay(String deliveryId, String deliveryStatus) {}
