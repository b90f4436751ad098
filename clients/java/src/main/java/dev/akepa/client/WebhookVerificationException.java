package dev.akepa.client;

/** A callback that is not provably Akepa's: missing headers, a stale timestamp, or no matching signature. */
public final class WebhookVerificationException extends RuntimeException {
    public WebhookVerificationException(String reason) {
        super(reason);
    }
}
