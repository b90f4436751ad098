package dev.akepa.keys;

import org.jdbi.v3.core.Jdbi;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;

/** {@code ./akepa keys status} and {@code ./akepa keys rotate}: safe while servers run on the same database. */
public final class KeyCommands {
    private KeyCommands() {}

    public static int run(String verb, Jdbi jdbi, KeysConfig config, PrintStream out) throws InterruptedException {
        KeyRotation rotation = KeyRing.open(jdbi, config, Clock.systemUTC()).rotation();
        if ("rotate".equals(verb)) {
            KeyRotation.Rotated rotated = rotation.rotate();
            out.println("key-encryption key version " + rotated.newVersion() + " added; " + rotated.rewrapped()
                    + " data keys re-wrapped; retired versions: " + (rotated.retired().isEmpty() ? "none" : rotated.retired()));
        }
        out.println("version  state    created                    data keys");
        for (KeyRotation.VersionStatus v : rotation.status()) {
            out.printf("%-8d %-8s %-26s %d%n", v.version(), v.state(), Instant.ofEpochMilli(v.createdAtMillis()), v.dataKeys());
        }
        return 0;
    }
}
