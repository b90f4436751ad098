package dev.akepa.verification;

import dev.akepa.verification.screening.SanctionsList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** Sandbox triggers in sandbox mode; data checks and sanctions screening in production mode. */
public final class VerificationProviders {
    private static final Logger log = LoggerFactory.getLogger(VerificationProviders.class);

    private VerificationProviders() {}

    /** Production mode refuses to start without its sanctions list rather than approve unscreened. */
    public static VerificationProvider forMode(boolean sandbox, SanctionsConfig config, Clock clock) throws IOException {
        if (sandbox) return new SandboxVerification();
        Path sanctionsDir = config.listDir();
        long started = System.nanoTime();
        SanctionsList sanctions = SanctionsList.load(sanctionsDir);
        log.info("Loaded {} sanctions list entries from {} in {} ms", sanctions.size(), sanctionsDir,
                (System.nanoTime() - started) / 1_000_000);
        return new ProductionVerification(sanctions, clock, config.threshold());
    }
}
