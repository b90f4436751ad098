package dev.akepa.auth;

import java.time.Duration;

/**
 * Login throttling, the same for partner tokens (/auth/get-token) and reviewer logins (console, review API).
 *
 * @param freeFailuresPerLogin   failures of one login before each further one backs off (AKEPA_LOGIN_MAX_FAILURES, 5)
 * @param freeFailuresPerAddress failures from one client address, any logins (AKEPA_LOGIN_MAX_FAILURES_PER_ADDRESS, 20:
 *                               higher, since many people can share one address behind NAT)
 * @param firstBackoff           the first back-off; each further failure doubles it (AKEPA_LOGIN_BACKOFF, 1s)
 * @param maxBackoff             the longest back-off, also how long failures are remembered (AKEPA_LOGIN_MAX_BACKOFF, 15m)
 */
public record LoginThrottleConfig(int freeFailuresPerLogin, int freeFailuresPerAddress, Duration firstBackoff,
                                  Duration maxBackoff) {}
