package dev.akepa.idempotency;

import dev.akepa.keys.Sealer;

import java.nio.charset.StandardCharsets;

/**
 * Stored responses are sealed (they can hold names or a webhook secret), with the partner and the Idempotency-Key
 * as associated data: a sealed body copied to another row does not open. The key is an installation (system) data
 * key of the key hierarchy ({@code keys/}), chosen in one place, {@link #with}: today the system key that also
 * seals webhook secrets (the associated data keeps the two apart); a system key of its own needs a data key
 * created for databases made before it.
 */
final class SealedResponses {
    private final Sealer sealer;

    private SealedResponses(Sealer sealer) {
        this.sealer = sealer;
    }

    public static SealedResponses with(Sealer systemKey) {
        return new SealedResponses(systemKey);
    }

    /** The envelopes are JSON written by Jackson, so valid UTF-8: the text round trip keeps every byte. */
    String seal(byte[] body, long partnerId, String idempotencyKey) {
        return sealer.seal(new String(body, StandardCharsets.UTF_8), context(partnerId, idempotencyKey));
    }

    byte[] open(String sealed, long partnerId, String idempotencyKey) {
        return sealer.open(sealed, context(partnerId, idempotencyKey)).getBytes(StandardCharsets.UTF_8);
    }

    private static String context(long partnerId, String idempotencyKey) {
        return "akepa-idempotency:" + partnerId + ":" + idempotencyKey;
    }
}
