package dev.akepa.client;

import java.time.Instant;

/** The callback signing secret ("whsec_…"); the previous one and its end while a rotated-out secret still signs. */
public record SigningSecret(String secret, String previousSecret, Instant previousValidUntil) {}
