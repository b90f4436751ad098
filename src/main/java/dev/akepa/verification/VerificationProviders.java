package dev.akepa.verification;

import dev.akepa.verification.screening.CurrentList;

import java.time.Clock;

/** Sandbox triggers in sandbox mode; data checks and sanctions screening in production mode. */
public final class VerificationProviders {
    private VerificationProviders() {}

    public static VerificationProvider forMode(boolean sandbox, CurrentList sanctions, double threshold, Clock clock) {
        return sandbox ? new SandboxVerification() : new ProductionVerification(sanctions, clock, threshold);
    }
}
