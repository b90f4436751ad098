package dev.akepa.client;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Checks that a callback comes from Akepa (Standard Webhooks, signature version v1) and reads its body:
 *
 * <pre>{@code
 * WebhookVerifier verifier = new WebhookVerifier(akepa.webhookSecret().secret());
 * Callback callback = verifier.verify(requestHeaders, rawBodyBytes);   // throws WebhookVerificationException
 * }</pre>
 *
 * The signature is base64 HMAC-SHA256 over {@code webhook-id.webhook-timestamp.body} keyed with the base64-decoded
 * part after "whsec_". Any {@code v1,} entry of webhook-signature may match (two during a secret rotation; give the
 * verifier both secrets around your own rotation). Compared in constant time. A timestamp further than the
 * tolerance (default 5 minutes) from this clock is refused, so a captured request cannot be replayed later.
 * Pass the body exactly as received: parsing and serializing it again changes the bytes.
 */
public final class WebhookVerifier {
    private static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final List<byte[]> keys;
    private final Duration tolerance;
    private final Clock clock;

    /** @param secrets one or more "whsec_…" secrets from GET /webhooks/secret */
    public WebhookVerifier(String... secrets) {
        this(List.of(secrets), DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    private WebhookVerifier(List<String> secrets, Duration tolerance, Clock clock) {
        if (secrets.isEmpty()) throw new IllegalArgumentException("at least one secret is needed");
        List<byte[]> decoded = new ArrayList<>();
        for (String secret : secrets) {
            if (secret == null || !secret.startsWith("whsec_")) throw new IllegalArgumentException("expected a whsec_ secret");
            decoded.add(Base64.getDecoder().decode(secret.substring("whsec_".length())));
        }
        this.keys = List.copyOf(decoded);
        this.tolerance = Objects.requireNonNull(tolerance);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The same secrets with another timestamp tolerance. */
    public WebhookVerifier withTolerance(Duration newTolerance) {
        return new WebhookVerifier(keys, newTolerance, clock, true);
    }

    /** The same secrets judged by another clock (tests). */
    public WebhookVerifier withClock(Clock newClock) {
        return new WebhookVerifier(keys, tolerance, newClock, true);
    }

    private WebhookVerifier(List<byte[]> keys, Duration tolerance, Clock clock, boolean alreadyDecoded) {
        this.keys = keys;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** Verifies with the request's headers (names in any case) and returns the typed body. */
    public Callback verify(Map<String, String> headers, byte[] body) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return verify(byName.get("webhook-id"), byName.get("webhook-timestamp"), byName.get("webhook-signature"), body);
    }

    /** Verifies the three Standard Webhooks headers against the raw body and returns the typed body. */
    public Callback verify(String webhookId, String webhookTimestamp, String webhookSignature, byte[] body) {
        if (webhookId == null || webhookTimestamp == null || webhookSignature == null) {
            throw new WebhookVerificationException("missing webhook-id, webhook-timestamp or webhook-signature");
        }
        long seconds;
        try {
            seconds = Long.parseLong(webhookTimestamp);
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException("webhook-timestamp is not a number of seconds");
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (skew.compareTo(tolerance) > 0) {
            throw new WebhookVerificationException("webhook-timestamp is " + skew.toSeconds() + " s away from this clock");
        }
        byte[] signed = concat((webhookId + "." + webhookTimestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        for (byte[] key : keys) {
            byte[] expected = Base64.getEncoder().encode(hmac(key, signed));
            for (String entry : webhookSignature.split(" ")) {
                if (!entry.startsWith("v1,")) continue;
                byte[] given = entry.substring(3).getBytes(StandardCharsets.US_ASCII);
                if (MessageDigest.isEqual(expected, given)) return MAPPER.readValue(body, Callback.class);
            }
        }
        throw new WebhookVerificationException("no v1 signature matches");
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
