package dev.akepa.auth;

import java.time.Duration;
import java.util.Map;

/**
 * Partner accounts and their API tokens.
 *
 * @param tokenLifetime lifetime of partner API tokens (AKEPA_TOKEN_TTL, 1h)
 * @param partners      login → password created at start when absent (AKEPA_PARTNERS; sandbox default: the demo partner)
 */
public record AuthConfig(Duration tokenLifetime, Map<String, String> partners) {
    public AuthConfig {
        partners = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(partners));
    }

    /** Passwords never appear in logs or error messages. */
    @Override
    public String toString() {
        return "AuthConfig[tokenLifetime=" + tokenLifetime + ", partners=" + partners.keySet() + "]";
    }
}
