package dev.akepa;

import dev.akepa.audit.AuditVerifier;
import dev.akepa.audit.ChainVerification;
import dev.akepa.audit.AuditExport;
import dev.akepa.auth.ReviewerRole;
import dev.akepa.auth.AccountRules;
import dev.akepa.auth.AccountSummary;
import dev.akepa.auth.PartnerRepository;
import dev.akepa.auth.PasswordHasher;
import dev.akepa.auth.ReviewerRepository;
import dev.akepa.keys.KeyCommands;
import dev.akepa.sanctions.SanctionsCommands;
import dev.akepa.store.Database;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The operator's commands. Returns the process exit code: 0 done, 1 the command ran and found a problem (a broken
 * audit chain, no such account), 2 the command line or the configuration is wrong (nothing was changed).
 * Every error is one line on stderr stating one rule.
 */
final class Cli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: akepa <command> [options]      (every command takes --help)
              serve                                     serve the API (configuration: environment, see README.md)
              partner add --login L [password option]   create a partner (API client), or set its password
              partner list                              list partners
              partner remove --login L                  end a partner's access (its data stays)
              reviewer add --login L [password option] [--role analyst|supervisor]
                                                        create a review-console account, or set its password (and role)
              reviewer list                             list reviewers
              reviewer disable --login L                end a reviewer's access (decisions stay on the audit trail)
              audit verify [--file EXPORT]              check the audit trail's hash chains (or an export, offline)
              sanctions import DIR | sanctions status   store an OFAC list version; show versions and re-screening
              keys status | keys rotate                 key-encryption key versions; add one, re-wrap every data key
            password options: --password-stdin (first line of standard input), or a prompt when on a terminal;
              --password P works too but leaves P in the shell history and in ps
            exit codes: 0 done, 1 the command found a problem, 2 wrong command line or configuration""";

    /** Where a command reads and writes; a test passes its own. */
    record Io(PrintStream out, PrintStream err, InputStream in, Console console) {
        static Io system() {
            return new Io(System.out, System.err, System.in, System.console());
        }
    }

    /** A command line that cannot run; its message is the one line the operator sees. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    private Cli() {}

    static int run(String[] args, Map<String, String> env) throws Exception {
        return run(args, env, Io.system());
    }

    static int run(String[] args, Map<String, String> env, Io io) throws Exception {
        String command = args.length == 0 ? "serve" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            return switch (command) {
                case "-h", "--help", "help" -> help(io, USAGE_TEXT);
                case "serve" -> serve(rest, env, io);
                case "partner" -> new Accounts(Accounts.Kind.PARTNER, io).run(rest, env);
                case "reviewer" -> new Accounts(Accounts.Kind.REVIEWER, io).run(rest, env);
                case "audit" -> audit(rest, env, io);
                case "sanctions" -> sanctions(rest, env, io);
                case "keys" -> keys(rest, env, io);
                default -> throw new UsageError("unknown command: " + command + " (akepa --help lists the commands)");
            };
        } catch (UsageError | IllegalArgumentException e) {
            io.err().println("akepa: " + e.getMessage());
            return USAGE;
        }
    }

    static int help(Io io, String text) {
        io.out().println(text);
        return OK;
    }

    private static int serve(List<String> args, Map<String, String> env, Io io) throws Exception {
        if (args.contains("-h") || args.contains("--help")) {
            return help(io, "usage: akepa serve\n  serves the API until SIGTERM; all settings are environment variables "
                    + "(README.md → Configuration)");
        }
        if (!args.isEmpty()) throw new UsageError("serve takes no arguments, got: " + args.getFirst());
        Config config = Config.fromEnvironment(env);
        return GracefulShutdown.serveUntilSignalled(App.start(config), config.http().shutdownGrace());
    }

    private static int sanctions(List<String> args, Map<String, String> env, Io io) throws Exception {
        try (Database db = Database.open(Config.fromEnvironment(env).database())) {
            String[] withCommand = new String[args.size() + 1];
            withCommand[0] = "sanctions";
            for (int i = 0; i < args.size(); i++) withCommand[i + 1] = args.get(i);
            return SanctionsCommands.run(withCommand, db.jdbi(), io.out(), io.err());
        }
    }

    private static int keys(List<String> args, Map<String, String> env, Io io) throws Exception {
        String usage = "usage: akepa keys status | akepa keys rotate\n"
                + "  status: key-encryption key versions and the data keys each wraps\n"
                + "  rotate: add a version, re-wrap every data key (online), retire versions nothing uses";
        if (args.contains("-h") || args.contains("--help")) return help(io, usage);
        if (args.size() != 1 || !(args.getFirst().equals("status") || args.getFirst().equals("rotate"))) {
            throw new UsageError("keys needs one subcommand: status or rotate");
        }
        Config config = Config.fromEnvironment(env);
        try (Database db = Database.open(config.database())) {
            return KeyCommands.run(args.getFirst(), db.jdbi(), config.keys(), io.out());
        }
    }

    private static int audit(List<String> args, Map<String, String> env, Io io) throws UsageError {
        String usage = "usage: akepa audit verify [--file EXPORT]\n  checks every audit chain, or offline an export a"
                + " supervisor downloaded from the console; exit 0 intact, 1 broken (names the row)";
        if (args.contains("-h") || args.contains("--help")) return help(io, usage);
        if (args.isEmpty()) throw new UsageError("audit needs a subcommand: verify");
        if (!args.getFirst().equals("verify")) throw new UsageError("unknown audit subcommand: " + args.getFirst());
        if (args.size() > 1 && args.get(1).equals("--file")) {
            if (args.size() != 3) throw new UsageError("audit verify --file needs exactly one file");
            java.nio.file.Path file = java.nio.file.Path.of(args.get(2));
            if (!java.nio.file.Files.isReadable(file)) throw new UsageError("cannot read " + file);
            return switch (AuditExport.verify(file)) {
                case ChainVerification.Intact ok -> {
                    io.out().println("OK: " + ok.rows() + " exported audit rows, seal " + ok.seal());
                    yield OK;
                }
                case ChainVerification.Broken broken -> {
                    io.out().println("BROKEN at audit row " + broken.rowId() + ": " + broken.problem());
                    yield FAILED;
                }
            };
        }
        if (args.size() > 1) throw new UsageError("audit verify takes only --file EXPORT, got: " + args.get(1));
        try (Database db = Database.open(Config.fromEnvironment(env).database())) {
            return switch (new AuditVerifier(db.jdbi()).verify()) {
                case ChainVerification.Intact ok -> {
                    io.out().println("OK: " + ok.rows() + " audit rows, seal " + ok.seal());
                    yield OK;
                }
                case ChainVerification.Broken broken -> {
                    io.out().println("BROKEN at audit row " + broken.rowId() + ": " + broken.problem());
                    yield FAILED;
                }
            };
        }
    }

    /** partner add|list|remove and reviewer add|list|disable: the same commands over two account tables. */
    private record Accounts(Kind kind, Io io) {
        enum Kind {
            PARTNER("partner", "remove", AccountRules.PARTNER_MIN_PASSWORD, AccountRules.PARTNER_MAX_PASSWORD),
            REVIEWER("reviewer", "disable", AccountRules.REVIEWER_MIN_PASSWORD, AccountRules.REVIEWER_MAX_PASSWORD);

            final String noun;
            final String endVerb;
            final int minPassword;
            final int maxPassword;

            Kind(String noun, String endVerb, int minPassword, int maxPassword) {
                this.noun = noun;
                this.endVerb = endVerb;
                this.minPassword = minPassword;
                this.maxPassword = maxPassword;
            }
        }

        private String usage() {
            return "usage: akepa " + kind.noun + " add --login L [--password-stdin | --password P]"
                    + (kind == Kind.REVIEWER ? " [--role analyst|supervisor]" : "") + "\n"
                    + "       akepa " + kind.noun + " list\n"
                    + "       akepa " + kind.noun + " " + kind.endVerb + " --login L\n"
                    + "  login: 1-36 letters, digits or _; password: " + kind.minPassword + "-" + kind.maxPassword
                    + " characters, from standard input with --password-stdin, else asked for on a terminal";
        }

        int run(List<String> args, Map<String, String> env) throws Exception {
            if (args.contains("-h") || args.contains("--help")) return help(io, usage());
            if (args.isEmpty()) throw new UsageError(kind.noun + " needs a subcommand: add, list or " + kind.endVerb);
            String verb = args.getFirst();
            Options options = Options.parse(args.subList(1, args.size()), verb, kind);
            if (verb.equals("add")) {
                String login = validLogin(options.login());
                String password = validPassword(password(options));
                try (Database db = Database.open(Config.fromEnvironment(env).database())) {
                    return add(db, login, new PasswordHasher().hash(password), options.role());
                }
            }
            if (verb.equals("list")) {
                try (Database db = Database.open(Config.fromEnvironment(env).database())) {
                    return list(kind == Kind.PARTNER ? new PartnerRepository(db.jdbi()).list()
                            : new ReviewerRepository(db.jdbi()).list());
                }
            }
            String login = validLogin(options.login());
            try (Database db = Database.open(Config.fromEnvironment(env).database())) {
                long now = System.currentTimeMillis();
                boolean ended = kind == Kind.PARTNER ? new PartnerRepository(db.jdbi()).disable(login, now)
                        : new ReviewerRepository(db.jdbi()).disable(login, now);
                if (!ended) {
                    io.err().println("akepa: no enabled " + kind.noun + " '" + login + "'");
                    return FAILED;
                }
                io.out().println(kind.noun + " '" + login + "' " + (kind == Kind.PARTNER ? "removed" : "disabled")
                        + ": it can no longer log in and its tokens are revoked (other nodes may accept a cached "
                        + "token for up to 30 s)");
                return OK;
            }
        }

        /** {@code role}: null keeps an existing reviewer's role (a new one is an analyst). */
        private int add(Database db, String login, String hash, ReviewerRole role) {
            long now = System.currentTimeMillis();
            if (kind == Kind.PARTNER) {
                PartnerRepository partners = new PartnerRepository(db.jdbi());
                if (partners.createIfAbsent(login, hash, now)) {
                    io.out().println("partner '" + login + "' created");
                } else {
                    partners.updatePassword(login, hash);
                    io.out().println("partner '" + login + "' exists: password updated");
                }
            } else {
                ReviewerRepository reviewers = new ReviewerRepository(db.jdbi());
                ReviewerRole given = role == null ? ReviewerRole.ANALYST : role;
                if (reviewers.createIfAbsent(login, hash, given, now)) {
                    io.out().println("reviewer '" + login + "' created" + (role != null ? " (" + role.wire() + ")" : ""));
                } else {
                    reviewers.updatePassword(login, hash);
                    if (role != null) reviewers.setRole(login, role);
                    io.out().println("reviewer '" + login + "' exists: password updated, lock-out lifted"
                            + (role != null ? ", role " + role.wire() : ""));
                }
            }
            return OK;
        }

        private int list(List<AccountSummary> accounts) {
            boolean roles = kind == Kind.REVIEWER;
            io.out().printf("%-36s  " + (roles ? "%-10s  " : "%s") + "%-24s  %s%n", "LOGIN", roles ? "ROLE" : "", "CREATED", "STATUS");
            for (AccountSummary a : accounts) {
                io.out().printf("%-36s  " + (roles ? "%-10s  " : "%s") + "%-24s  %s%n", a.login(),
                        roles ? a.role().wire() : "", a.createdAt(),
                        a.disabledAt() == null ? "enabled" : (kind == Kind.PARTNER ? "removed " : "disabled ") + a.disabledAt());
            }
            return OK;
        }

        private String password(Options options) throws UsageError, IOException {
            if (options.password() != null) return options.password();
            if (options.passwordStdin()) {
                String line = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8)).readLine();
                if (line == null) throw new UsageError("--password-stdin: standard input was empty");
                return line;
            }
            Console console = io.console();
            if (console == null) {
                throw new UsageError("no password given: pass --password-stdin and pipe it in (not on a terminal here)");
            }
            char[] first = console.readPassword("Password for %s '%s': ", kind.noun, options.login());
            char[] again = console.readPassword("Repeat it: ");
            if (first == null || again == null) throw new UsageError("no password entered");
            if (!Arrays.equals(first, again)) throw new UsageError("the two passwords differ");
            return new String(first);
        }

        private String validPassword(String password) throws UsageError {
            String problem = AccountRules.passwordProblem(kind.noun, password, kind.minPassword, kind.maxPassword);
            if (problem != null) throw new UsageError(problem);
            return password;
        }

        private String validLogin(String login) throws UsageError {
            String problem = AccountRules.loginProblem(login);
            if (problem != null) throw new UsageError(problem);
            return login;
        }
    }

    /** The options of one account subcommand; anything it does not take is an error, not ignored. */
    record Options(String login, String password, boolean passwordStdin, ReviewerRole role) {
        static Options parse(List<String> args, String verb, Accounts.Kind kind) throws UsageError {
            boolean add = verb.equals("add");
            boolean end = verb.equals(kind.endVerb);
            if (!add && !end && !verb.equals("list")) {
                throw new UsageError("unknown " + kind.noun + " subcommand: " + verb + " (add, list or " + kind.endVerb + ")");
            }
            String login = null, password = null;
            boolean stdin = false;
            ReviewerRole role = null;
            for (int i = 0; i < args.size(); i++) {
                String option = args.get(i);
                boolean takesValue = option.equals("--login") || (add && (option.equals("--password") || option.equals("--role")));
                if (takesValue && i + 1 >= args.size()) throw new UsageError(option + " needs a value");
                switch (option) {
                    case "--login" -> {
                        if (verb.equals("list")) throw new UsageError(kind.noun + " list takes no options, got: " + option);
                        login = args.get(++i);
                    }
                    case "--password" -> {
                        if (!add) throw new UsageError(kind.noun + " " + verb + " takes no " + option);
                        password = args.get(++i);
                    }
                    case "--role" -> {
                        if (!add || kind != Accounts.Kind.REVIEWER) throw new UsageError(kind.noun + " " + verb + " takes no " + option);
                        String value = args.get(++i);
                        if (!value.equals("analyst") && !value.equals("supervisor")) {
                            throw new UsageError("--role must be analyst or supervisor, got: " + value);
                        }
                        role = ReviewerRole.fromWire(value);
                    }
                    case "--password-stdin" -> {
                        if (!add) throw new UsageError(kind.noun + " " + verb + " takes no " + option);
                        stdin = true;
                    }
                    default -> throw new UsageError("unknown option for " + kind.noun + " " + verb + ": " + option);
                }
            }
            if (password != null && stdin) throw new UsageError("give --password or --password-stdin, not both");
            return new Options(login, password, stdin, role);
        }
    }
}
