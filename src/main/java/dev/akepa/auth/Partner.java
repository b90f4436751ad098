package dev.akepa.auth;

/** An API client. Its login is the {@code aggregatorId} in responses. */
public record Partner(long id, String login) {}
