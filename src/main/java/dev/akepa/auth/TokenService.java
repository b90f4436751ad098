package dev.akepa.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues opaque 256-bit tokens and resolves them to partners. Only SHA-256 hashes are stored (a token has full
 * entropy, so a slow hash adds nothing). Resolved tokens are cached briefly so the hot path skips the database.
 */
public final class TokenService {
    private static final long CACHE_MILLIS = 30_000;
    private static final int CACHE_MAX = 10_000;

    private final PartnerRepository partners;
    private final PasswordHasher hasher;
    private final Duration lifetime;
    private final Clock clock;
    private volatile String decoyHash;
    private final ConcurrentHashMap<String, CachedToken> cache = new ConcurrentHashMap<>();
    private static final long PURGE_INTERVAL_MILLIS = 10 * 60_000;
    private final java.util.concurrent.atomic.AtomicLong lastPurge = new java.util.concurrent.atomic.AtomicLong();

    private record CachedToken(Partner partner, long expiresAtMillis, long cachedUntilMillis) {}

    public record IssuedToken(String token, long expiresAtMillis, Partner partner) {}

    public TokenService(PartnerRepository partners, PasswordHasher hasher, Duration lifetime, Clock clock) {
        this.partners = partners;
        this.hasher = hasher;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Empty when the login is unknown or the password wrong (the caller must not tell which). */
    public Optional<IssuedToken> issue(String login, String password) {
        var stored = partners.findByLogin(login);
        if (stored.isEmpty()) {
            // As slow as a wrong password (59 ms against 1.5 ms measured before), so timing does not tell.
            hasher.matches(password, decoy());
            return Optional.empty();
        }
        if (!hasher.matches(password, stored.get().passwordHash())) return Optional.empty();
        String token = OpaqueTokens.generate();
        long now = clock.millis();
        long expires = now + lifetime.toMillis();
        partners.saveToken(OpaqueTokens.hash(token), stored.get().partner().id(), expires);
        purgeExpired(now);
        return Optional.of(new IssuedToken(token, expires, stored.get().partner()));
    }

    /** Whether the login exists: failed logins are logged by name only when it does (never a mistyped password). */
    boolean exists(String login) {
        return partners.findByLogin(login).isPresent();
    }

    /** A hash of a random password, made on first use (a hash costs as much as a check); a race only makes two. */
    private String decoy() {
        String decoy = decoyHash;
        if (decoy == null) decoyHash = decoy = hasher.hash(OpaqueTokens.generate());
        return decoy;
    }

    public Optional<Partner> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) return Optional.empty();
        long now = clock.millis();
        String hash = OpaqueTokens.hash(token);
        CachedToken cached = cache.get(hash);
        if (cached == null || cached.cachedUntilMillis() < now) {
            var owner = partners.findToken(hash);
            if (owner.isEmpty()) {
                cache.remove(hash);
                return Optional.empty();
            }
            if (cache.size() >= CACHE_MAX) cache.clear();
            cached = new CachedToken(owner.get().partner(), owner.get().expiresAtMillis(), now + CACHE_MILLIS);
            cache.put(hash, cached);
        }
        return cached.expiresAtMillis() > now ? Optional.of(cached.partner()) : Optional.empty();
    }

    /** Expired token rows go at most every ten minutes (or token lifetime, if shorter), piggybacking on token issue (any node may do it). */
    private void purgeExpired(long now) {
        long last = lastPurge.get();
        long interval = Math.min(PURGE_INTERVAL_MILLIS, lifetime.toMillis());
        if (now - last >= interval && lastPurge.compareAndSet(last, now)) partners.deleteExpiredTokens(now);
    }
}
