package dev.akepa.review;

import dev.akepa.audit.AuditEntry;
import dev.akepa.audit.AuditKind;
import dev.akepa.audit.AuditTrail;
import dev.akepa.auth.Access;
import dev.akepa.auth.AccountRules;
import dev.akepa.auth.Authentication;
import dev.akepa.auth.PasswordHasher;
import dev.akepa.auth.Reviewer;
import dev.akepa.auth.ReviewerRepository;
import dev.akepa.auth.ReviewerRole;
import dev.akepa.http.RouteGroup;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.time.Clock;
import java.util.Objects;

/**
 * A supervisor manages reviewer accounts in the console, as the operator does with `./akepa reviewer`: add one
 * (the CLI's login and password rules, {@link AccountRules}), change a role, disable one. A supervisor never
 * disables or demotes themself, so the console cannot lose its last supervisor by a slip. Each change is on the
 * audit trail (kind account) in the request that makes it.
 */
final class ReviewerAccountRoutes implements RouteGroup {
    static final String PAGE = "/review/reviewers";
    private final ReviewerRepository reviewers;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final ConsolePages pages;
    private final Clock clock;

    ReviewerAccountRoutes(ReviewerRepository reviewers, PasswordHasher hasher, AuditTrail audit, ConsolePages pages,
                          Clock clock) {
        this.reviewers = reviewers;
        this.hasher = hasher;
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(PAGE, this::list, Access.CONSOLE);
        routes.post(PAGE, this::add, Access.CONSOLE);
        routes.post(PAGE + "/{login}/role", this::changeRole, Access.CONSOLE);
        routes.post(PAGE + "/{login}/disable", this::disable, Access.CONSOLE);
    }

    private static Reviewer supervisor(Context ctx) {
        Reviewer reviewer = Authentication.reviewer(ctx);
        if (!reviewer.supervisor()) throw ReviewErrors.supervisorRequired();
        return reviewer;
    }

    private void render(Context ctx, int status, Reviewer reviewer, String done, String error) {
        pages.render(ctx, status, "reviewers",
                new ReviewersPage(reviewer.login(), Authentication.csrf(ctx), reviewers.list(), done, error));
    }

    private void list(Context ctx) {
        Reviewer reviewer = supervisor(ctx);
        String done = switch (Objects.requireNonNullElse(ctx.queryParam("done"), "")) {
            case "added" -> "Reviewer added.";
            case "role" -> "Role changed.";
            case "disabled" -> "Reviewer disabled: their sessions and tokens are revoked.";
            default -> null;
        };
        render(ctx, 200, reviewer, done, null);
    }

    private void add(Context ctx) {
        Reviewer reviewer = supervisor(ctx);
        String login = Objects.requireNonNullElse(ctx.formParam("login"), "").strip();
        String password = Objects.requireNonNullElse(ctx.formParam("password"), "");
        ReviewerRole role = role(ctx.formParam("role"));
        String problem = AccountRules.loginProblem(login);
        if (problem == null) problem = AccountRules.reviewerPasswordProblem(password);
        if (problem == null && role == null) problem = "role must be analyst or supervisor";
        if (problem != null) {
            render(ctx, 400, reviewer, null, problem);
            return;
        }
        long now = clock.millis();
        if (!reviewers.createIfAbsent(login, hasher.hash(password), role, now)) {
            render(ctx, 409, reviewer, null, "A reviewer '" + login + "' exists already.");
            return;
        }
        audited(reviewer, "reviewer-added", "reviewer '" + login + "' added as " + role.wire(), now);
        ctx.redirect(PAGE + "?done=added", HttpStatus.SEE_OTHER);
    }

    private void changeRole(Context ctx) {
        Reviewer reviewer = supervisor(ctx);
        String login = ctx.pathParam("login");
        ReviewerRole role = role(ctx.formParam("role"));
        if (role == null) {
            render(ctx, 400, reviewer, null, "role must be analyst or supervisor");
        } else if (login.equals(reviewer.login())) {
            render(ctx, 400, reviewer, null, "You cannot change your own role; another supervisor can.");
        } else if (!reviewers.setRole(login, role)) {
            render(ctx, 404, reviewer, null, "No reviewer '" + login + "'.");
        } else {
            audited(reviewer, "reviewer-role", "reviewer '" + login + "' is now " + role.wire(), clock.millis());
            ctx.redirect(PAGE + "?done=role", HttpStatus.SEE_OTHER);
        }
    }

    private void disable(Context ctx) {
        Reviewer reviewer = supervisor(ctx);
        String login = ctx.pathParam("login");
        long now = clock.millis();
        if (login.equals(reviewer.login())) {
            render(ctx, 400, reviewer, null, "You cannot disable yourself; another supervisor can.");
        } else if (!reviewers.disable(login, now)) {
            render(ctx, 404, reviewer, null, "No enabled reviewer '" + login + "'.");
        } else {
            audited(reviewer, "reviewer-disabled", "reviewer '" + login + "' disabled", now);
            ctx.redirect(PAGE + "?done=disabled", HttpStatus.SEE_OTHER);
        }
    }

    private void audited(Reviewer by, String trigger, String reason, long now) {
        audit.append(AuditEntry.reviewerAction(AuditKind.ACCOUNT, by.login(), trigger, reason, null, null, now));
    }

    private static ReviewerRole role(String wire) {
        if (wire == null) return null;
        for (ReviewerRole r : ReviewerRole.values()) if (r.wire().equals(wire)) return r;
        return null;
    }
}
