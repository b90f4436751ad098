package dev.akepa.idempotency;

import dev.akepa.auth.Partner;
import dev.akepa.auth.Authentication;
import dev.akepa.auth.Access;
import dev.akepa.http.ApiErrors;
import dev.akepa.http.JsonBodies;
import dev.akepa.keys.PersonalData;
import dev.akepa.http.Responses;
import dev.akepa.http.RouteGroup;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code Idempotency-Key} on every partner POST, as Stripe does it. The first request with a key claims it in the
 * database (the primary key lets one of concurrent claims win, on any node); its outcome is stored sealed and any
 * later request with the same key and the same route and body gets exactly that status and body again, with
 * {@code Idempotent-Replayed: true}. The same key with another request is 400 idempotencyKeyReused; while the
 * first is still running, 409 idempotencyKeyInProgress (answered at once rather than waiting: a client retrying
 * on a timer would otherwise pile up blocked requests). Outcomes worth retrying (5xx, 409, 429) are not kept.
 * Keys live {@link #LIFETIME}; older ones are purged.
 */
public final class IdempotencyKeys implements RouteGroup {
    public static final String HEADER = "Idempotency-Key";
    static final Duration LIFETIME = Duration.ofHours(24);
    /** How long a claim holds without an outcome before another request may take it over (its node died). */
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(2);
    private static final long PURGE_INTERVAL_MILLIS = 10 * 60_000;
    private static final String CLAIM = "akepa.idempotencyClaim";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final IdempotencyStore store;
    private final SealedResponses sealed;
    private final PersonalData personalData;
    private final long maxJsonBytes;
    private final Clock clock;
    private final AtomicLong lastPurge = new AtomicLong();

    private record Claim(long partnerId, String key) {}

    public IdempotencyKeys(Jdbi jdbi, PersonalData personalData, long maxJsonBytes, Clock clock) {
        this.store = new IdempotencyStore(jdbi);
        this.sealed = SealedResponses.with(personalData.webhookSecrets());
        this.personalData = personalData;
        this.maxJsonBytes = maxJsonBytes;
        this.clock = clock;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.beforeMatched(this::before);
        routes.after(this::after);
    }

    private void before(Context ctx) {
        if (ctx.method() != HandlerType.POST || !ctx.routeRoles().contains(Access.PARTNER)) return;
        String key = ctx.header(HEADER);
        if (key == null) return;
        if (!valid(key)) throw ApiErrors.idempotencyKeyInvalid();
        Partner partner = Authentication.partner(ctx);
        String fingerprint = fingerprint(ctx, partner.id());
        if (fingerprint == null) return; // a body the route refuses anyway: nothing to keep
        long now = clock.millis();
        purgeExpired(now);
        long lease = now + CLAIM_LEASE.toMillis();
        if (store.claim(partner.id(), key, fingerprint, now, lease)) {
            claimed(ctx, partner, key);
            return;
        }
        var stored = store.find(partner.id(), key).orElse(null);
        if (stored == null || stored.createdAt() < now - LIFETIME.toMillis()) {
            // Purged or expired meanwhile: start afresh.
            if (stored != null) store.release(partner.id(), key);
            if (!store.claim(partner.id(), key, fingerprint, now, lease)) throw ApiErrors.idempotencyKeyInProgress();
            claimed(ctx, partner, key);
            return;
        }
        if (stored.status() == null) {
            if (stored.lockedUntil() < now && store.takeOver(partner.id(), key, fingerprint, now, lease)) {
                claimed(ctx, partner, key);
                return;
            }
            throw ApiErrors.idempotencyKeyInProgress();
        }
        if (!stored.fingerprint().equals(fingerprint)) throw ApiErrors.idempotencyKeyReused();
        byte[] body = sealed.open(stored.sealedBody(), partner.id(), key);
        ctx.header("Idempotent-Replayed", "true");
        Responses.replay(ctx, stored.status(), stored.requestId(), body);
        ctx.skipRemainingHandlers();
    }

    /** The outcome is stored before the client sees it, so a retry can never overtake it. */
    private static void claimed(Context ctx, Partner partner, String key) {
        ctx.attribute(CLAIM, new Claim(partner.id(), key));
        Responses.defer(ctx);
    }

    private void after(Context ctx) {
        Claim claim = ctx.attribute(CLAIM);
        if (claim == null) return;
        ctx.attribute(CLAIM, null);
        int status = ctx.statusCode();
        byte[] body = Responses.written(ctx);
        try {
            if (status >= 500 || status == 409 || status == 429 || body == null) {
                store.release(claim.partnerId(), claim.key());
            } else {
                store.complete(claim.partnerId(), claim.key(), status, Responses.requestId(ctx),
                        sealed.seal(body, claim.partnerId(), claim.key()));
            }
        } catch (RuntimeException e) {
            // The answer already went out; a key left claimed is taken over once its lease ends.
            log.warn("Recording the outcome of an Idempotency-Key failed (requestId {})", Responses.requestId(ctx), e);
        }
    }

    /** 1-255 visible ASCII characters (and spaces): what fits the column and a log line unescaped. */
    static boolean valid(String key) {
        if (key.isEmpty() || key.length() > 255) return false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) return false;
        }
        return true;
    }

    /**
     * SHA-256 of the route and the body, keyed (the bodies hold personal data): a JSON body as sent (read once here
     * and handed to the route), an upload by its files' bytes (a retry may well use a new multipart boundary). Null
     * when the route will refuse it.
     */
    private String fingerprint(Context ctx, long partnerId) {
        MessageDigest digest = sha256();
        digest.update(ctx.path().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        if (type.startsWith("multipart/form-data")) {
            List<UploadedFile> files;
            try {
                files = ctx.uploadedFiles();
            } catch (RuntimeException e) {
                return null;
            }
            for (UploadedFile file : files) {
                try (InputStream in = file.content()) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                digest.update((byte) 0);
            }
        } else {
            if (ctx.req().getContentLengthLong() > maxJsonBytes) return null;
            byte[] body = JsonBodies.readAhead(ctx, maxJsonBytes);
            if (body == null) return null;
            digest.update(body);
        }
        return personalData.requestMac(partnerId, HexFormat.of().formatHex(digest.digest()));
    }

    private void purgeExpired(long now) {
        long last = lastPurge.get();
        if (now - last >= PURGE_INTERVAL_MILLIS && lastPurge.compareAndSet(last, now)) {
            int purged = store.purgeCreatedBefore(now - LIFETIME.toMillis());
            if (purged > 0) log.info("Purged {} expired idempotency keys", purged);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
