package dev.akepa.client;

import java.time.Instant;

/** A token from /auth/get-token: send it as x-connectfi-token until dtsExpireAt. */
public record Token(String token, Instant dtsExpireAt) {}
