package dev.akepa.review;

import io.javalin.security.RouteRole;

/** Console routes: they need a reviewer's session cookie (and, for POSTs, the session's CSRF token). */
enum ConsoleAccess implements RouteRole {
    SESSION
}
