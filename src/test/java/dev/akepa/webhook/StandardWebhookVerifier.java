package dev.akepa.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Checks that a callback really comes from Akepa (Standard Webhooks signature, version v1). */
public final class StandardWebhookVerifier {
    /** Refuse callbacks whose timestamp is further than this from our clock: stops replays of old requests. */
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private final byte[] key;

    /** @param secret the value of GET /webhooks/secret, "whsec_…" */
    public StandardWebhookVerifier(String secret) {
        if (!secret.startsWith("whsec_")) throw new IllegalArgumentException("expected a whsec_ secret");
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /**
     * @param id         the webhook-id header
     * @param timestamp  the webhook-timestamp header (unix seconds)
     * @param signatures the webhook-signature header: one or more "v1,<base64>" separated by spaces
     * @param body       the request body exactly as received: do not parse and re-serialize it first
     */
    public boolean verify(String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (id == null || timestamp == null || signatures == null) return false;
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) return false;
        byte[] expected = hmac((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        for (String signature : signatures.split(" ")) {
            if (!signature.startsWith("v1,")) continue;
            byte[] given;
            try {
                given = Base64.getDecoder().decode(signature.substring(3));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) return true; // constant time
        }
        return false;
    }

    private byte[] hmac(byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
