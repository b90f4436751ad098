package dev.akepa.kyc;

/** Vets a webhookURL at identification time; throws an ApiException (HTTP 400) when it may not be called. */
@FunctionalInterface
public interface WebhookUrlPolicy {
    void check(String url);

    WebhookUrlPolicy ALLOW_ALL = url -> { };
}
