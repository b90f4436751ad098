package dev.akepa;

import dev.akepa.auth.PartnerRepository;
import dev.akepa.auth.PasswordHasher;
import dev.akepa.auth.ReviewerRepository;
import dev.akepa.audit.AuditVerifier;
import dev.akepa.audit.ChainVerification;
import dev.akepa.store.Database;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/** The operator's commands: serve, partner add, reviewer add, audit verify. Returns the process exit code. */
final class Cli {
    private Cli() {}

    static int run(String[] args, Map<String, String> env) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        String command = args.length == 0 ? "serve" : args[0];
        Config config = Config.fromEnvironment(env);
        switch (command) {
            case "serve" -> {
                return GracefulShutdown.serveUntilSignalled(App.start(config), config.http().shutdownGrace());
            }
            case "partner" -> {
                Options o = Options.parse(Arrays.copyOfRange(args, 1, args.length));
                if (!"add".equals(o.verb()) || o.login() == null || o.password() == null) {
                    err.println("usage: ./akepa partner add --login L --password P");
                    return 2;
                }
                if (!o.login().matches("^[0-9a-zA-Z_]{1,36}$") || o.password().isEmpty() || o.password().length() > 50) {
                    err.println("login must match ^[0-9a-zA-Z_]+$ (1-36 chars); password must be 1-50 chars");
                    return 2;
                }
                try (Database db = Database.open(config.database())) {
                    PartnerRepository partners = new PartnerRepository(db.jdbi());
                    String hash = new PasswordHasher().hash(o.password());
                    if (partners.createIfAbsent(o.login(), hash, System.currentTimeMillis())) {
                        out.println("partner '" + o.login() + "' created");
                    } else {
                        partners.updatePassword(o.login(), hash);
                        out.println("partner '" + o.login() + "' exists: password updated");
                    }
                }
                return 0;
            }
            case "reviewer" -> {
                Options o = Options.parse(Arrays.copyOfRange(args, 1, args.length));
                if (!"add".equals(o.verb()) || o.login() == null || o.password() == null) {
                    err.println("usage: ./akepa reviewer add --login L --password P");
                    return 2;
                }
                if (!o.login().matches("^[0-9a-zA-Z_]{1,36}$") || o.password().length() < 12 || o.password().length() > 200) {
                    err.println("login must match ^[0-9a-zA-Z_]+$ (1-36 chars); password must be 12-200 chars");
                    return 2;
                }
                try (Database db = Database.open(config.database())) {
                    ReviewerRepository reviewers = new ReviewerRepository(db.jdbi());
                    String hash = new PasswordHasher().hash(o.password());
                    if (reviewers.createIfAbsent(o.login(), hash, System.currentTimeMillis())) {
                        out.println("reviewer '" + o.login() + "' created");
                    } else {
                        reviewers.updatePassword(o.login(), hash);
                        out.println("reviewer '" + o.login() + "' exists: password updated, lock-out lifted");
                    }
                }
                return 0;
            }
            case "audit" -> {
                if (args.length != 2 || !"verify".equals(args[1])) {
                    err.println("usage: ./akepa audit verify");
                    return 2;
                }
                try (Database db = Database.open(config.database())) {
                    switch (new AuditVerifier(db.jdbi()).verify()) {
                        case ChainVerification.Intact ok -> {
                            out.println("OK: " + ok.rows() + " audit rows, seal " + ok.seal());
                            return 0;
                        }
                        case ChainVerification.Broken broken -> {
                            out.println("BROKEN at audit row " + broken.rowId() + ": " + broken.problem());
                            return 1;
                        }
                    }
                }
            }
            default -> {
                err.println("unknown command: " + command);
                return 2;
            }
        }
    }

    /** "add --login L --password P". */
    record Options(String verb, String login, String password) {
        static Options parse(String[] args) {
            String verb = args.length > 0 ? args[0] : null;
            String login = null, password = null;
            for (int i = 1; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--login" -> login = args[i + 1];
                    case "--password" -> password = args[i + 1];
                    default -> { }
                }
            }
            return new Options(verb, login, password);
        }
    }
}
