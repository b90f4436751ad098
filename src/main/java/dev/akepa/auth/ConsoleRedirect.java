package dev.akepa.auth;

/** Ends a console request (AuthRoutes maps it) with a 303 redirect (a browser without a session goes to the login page). */
final class ConsoleRedirect extends RuntimeException {
    private final String location;

    ConsoleRedirect(String location) {
        super("redirect to " + location, null, false, false);
        this.location = location;
    }

    String location() {
        return location;
    }
}
