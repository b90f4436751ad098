package dev.akepa.auth;

import io.javalin.security.RouteRole;

/**
 * Who may call a route: the one list of roles, checked by {@link Authentication} in one before-matched filter.
 * Routes without a role are public (token issue, console login, health, schemas, metrics).
 */
public enum Access implements RouteRole {
    /** Needs a partner API token in x-connectfi-token. */
    PARTNER,
    /** Needs a reviewer API token in x-akepa-reviewer-token (review API). */
    REVIEWER,
    /** Needs a reviewer's console session cookie, and for a POST also the session's CSRF token in the form. */
    CONSOLE
}
