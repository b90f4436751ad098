package dev.akepa.auth;

import dev.akepa.crypto.Sha256;

import java.util.Base64;

/**
 * Synchronizer tokens for console forms. A session's token is derived from the session cookie value (which only
 * that browser holds, HttpOnly), so it needs no storage, is the same on every node and dies with the session;
 * the derivation is one-way, so a token seen in a page gives nothing towards the cookie.
 */
public final class Csrf {
    public static final String FIELD = "csrf";

    private Csrf() {}

    static String forSession(String sessionToken) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.digest("akepa-console-csrf:" + sessionToken));
    }

    static boolean matches(String sessionToken, String submitted) {
        return sessionToken != null && OpaqueTokens.same(forSession(sessionToken), submitted);
    }
}
