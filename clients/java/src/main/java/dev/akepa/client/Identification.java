package dev.akepa.client;

/**
 * The body of POST /akepa/identification. {@code syncMode} true means asynchronous (the answer shows running and
 * the verification goes on in the background); {@code webhookURL} receives a callback on every status change.
 * Both may be null.
 */
public record Identification(String customerId, Boolean syncMode, String webhookURL) {

    public static Identification of(String customerId) {
        return new Identification(customerId, null, null);
    }
}
