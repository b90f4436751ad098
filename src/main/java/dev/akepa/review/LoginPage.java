package dev.akepa.review;

/** The login form. Public because JTE compiles templates into their own package. */
public record LoginPage(String csrf, String login, String error) {}
