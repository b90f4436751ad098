package dev.akepa.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

/** Standard Webhooks signing: secrets are "whsec_" + base64(key); each signature is "v1," + base64(HMAC-SHA256). */
final class Signatures {
    static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {}

    static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key is the base64-decoded part after "whsec_". */
    static byte[] keyOf(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) throw new IllegalArgumentException("a webhook secret starts with whsec_");
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }

    /** The webhook-signature header value: one "v1,…" per key, space-separated (several during a rotation). */
    static String header(List<byte[]> keys, String webhookId, long timestampSeconds, byte[] body) {
        byte[] signed = signedContent(webhookId, timestampSeconds, body);
        StringJoiner header = new StringJoiner(" ");
        for (byte[] key : keys) header.add("v1," + Base64.getEncoder().encodeToString(hmac(key, signed)));
        return header.toString();
    }

    private static byte[] signedContent(String webhookId, long timestampSeconds, byte[] body) {
        byte[] prefix = (webhookId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
