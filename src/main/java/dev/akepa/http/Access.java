package dev.akepa.http;

import io.javalin.security.RouteRole;

/** Who may call a route. Routes without a role are public (token issue, health, schemas, metrics). */
public enum Access implements RouteRole {
    /** Needs a partner API token in x-connectfi-token. */
    PARTNER,
    /** Needs a reviewer API token (review API); the console uses its own session cookies. */
    REVIEWER
}
