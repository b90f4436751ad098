package dev.akepa.sanctions;

import dev.akepa.http.Times;
import dev.akepa.verification.screening.SdnFormatException;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code ./akepa sanctions import DIR} and {@code ./akepa sanctions status}. On the embedded H2 database the
 * command cannot open the database while a server holds it (see docs/sanctions.md); on PostgreSQL it works beside
 * running nodes, which switch to a new version within AKEPA_SANCTIONS_POLL.
 */
public final class SanctionsCommands {
    private SanctionsCommands() {}

    public static int run(String[] args, Jdbi jdbi, PrintStream out, PrintStream err) {
        if (args.length == 3 && args[1].equals("import")) return importList(Path.of(args[2]), jdbi, out, err);
        if (args.length == 2 && args[1].equals("status")) return status(jdbi, out);
        err.println("usage: ./akepa sanctions import DIR | ./akepa sanctions status");
        return 2;
    }

    private static int importList(Path dir, Jdbi jdbi, PrintStream out, PrintStream err) {
        try {
            ListImporter.Outcome outcome = new ListImporter(new ListVersions(jdbi), Clock.systemUTC()).importDirectory(dir);
            var c = outcome.counts();
            out.println((outcome.created() ? "imported list version " : "unchanged: the files are list version ")
                    + outcome.version() + ": " + c.entries() + " entries (" + c.consolidatedEntries() + " consolidated), "
                    + c.aliases() + " aliases, " + c.weakAliases() + " weak aliases");
            return 0;
        } catch (SdnFormatException e) {
            err.println("refused, nothing imported (the previous version stays current): " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("refused, nothing imported: cannot read " + e.getMessage());
            return 1;
        }
    }

    private static int status(Jdbi jdbi, PrintStream out) {
        var versions = new ListVersions(jdbi).all();
        if (versions.isEmpty()) {
            out.println("no sanctions list imported");
            return 0;
        }
        out.println("list versions (newest first; nodes switch to the newest within AKEPA_SANCTIONS_POLL):");
        for (ListVersions.Version v : versions) {
            out.printf("  %d  imported %s  %d entries (%d consolidated), %d aliases, %d weak aliases%n", v.id(),
                    Times.format(Instant.ofEpochMilli(v.importedAtMillis())), v.entries(), v.consolidatedEntries(),
                    v.aliases(), v.weakAliases());
            v.files().forEach((name, sha) -> out.printf("       %-14s sha256 %s%n", name, sha));
        }
        var runs = RescreenRuns.progress(jdbi);
        out.println("re-screening:");
        if (runs.isEmpty()) out.println("  none yet");
        for (RescreenRuns.Progress p : runs) {
            out.printf("  version %d: %d of %d batches, %d names screened, %d alerts opened%s%n", p.listVersion(),
                    p.batchesDone(), p.batches(), p.names(), p.alerts(), p.finished() ? " (finished)" : "");
        }
        out.println("open alerts: " + new SanctionsAlerts(jdbi).openCount());
        return 0;
    }
}
