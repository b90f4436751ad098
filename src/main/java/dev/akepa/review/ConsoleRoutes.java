package dev.akepa.review;

import dev.akepa.auth.Access;
import dev.akepa.auth.AuthErrors;
import dev.akepa.auth.Authentication;
import dev.akepa.auth.ConsoleSessions;
import dev.akepa.auth.Csrf;
import dev.akepa.auth.OpaqueTokens;
import dev.akepa.auth.Reviewer;
import dev.akepa.auth.ReviewerLogins;
import dev.akepa.audit.AuditEntry;
import dev.akepa.audit.AuditKind;
import dev.akepa.audit.AuditTrail;
import dev.akepa.document.DocumentVault;
import dev.akepa.document.StoredDocumentMissing;
import dev.akepa.http.ApiException;
import dev.akepa.http.RouteGroup;
import dev.akepa.kyc.EntityOutcome;
import dev.akepa.kyc.KycService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The reviewer console: login/logout, queue, case page, reveal, decisions, document images. */
final class ConsoleRoutes implements RouteGroup {
    static final String LOGIN = Authentication.CONSOLE_LOGIN;
    static final String QUEUE = "/review/queue";
    private static final String LOGIN_CSRF_COOKIE = "akepa_login_csrf";
    private static final String TOO_MANY_FAILED = "Too many failed logins. Try again later.";
    private static final String LOGIN_FAILED =
            "Wrong login or password. After 5 failed attempts in a row a login is locked for 15 minutes.";

    private final ReviewerLogins logins;
    private final ConsoleSessions sessions;
    private final ReviewQueue queue;
    private final CaseFiles cases;
    private final KycService kyc;
    private final DocumentVault store;
    private final AuditTrail audit;
    private final ConsolePages pages;
    private final CaseClaims claims;
    private final CaseView view;
    private final CaseActions actions;
    private final ReviewConfig.FourEyes fourEyes;
    private final Clock clock;

    ConsoleRoutes(ReviewerLogins logins, ConsoleSessions sessions, ReviewQueue queue, CaseFiles cases, KycService kyc,
                  DocumentVault store, AuditTrail audit, ConsolePages pages, CaseClaims claims, CaseView view,
                  CaseActions actions, ReviewConfig.FourEyes fourEyes, Clock clock) {
        this.claims = claims;
        this.view = view;
        this.actions = actions;
        this.fourEyes = fourEyes;
        this.logins = logins;
        this.sessions = sessions;
        this.queue = queue;
        this.cases = cases;
        this.kyc = kyc;
        this.store = store;
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/review", ctx -> ctx.redirect(QUEUE, HttpStatus.SEE_OTHER));
        routes.get("/review/console.css", ctx -> asset(ctx, "console.css", "text/css; charset=utf-8"));
        routes.get("/review/console.js", ctx -> asset(ctx, "console.js", "text/javascript; charset=utf-8"));
        routes.get(LOGIN, this::loginForm);
        routes.post(LOGIN, this::login);
        routes.post("/review/logout", this::logout, Access.CONSOLE);
        routes.get(QUEUE, this::queue, Access.CONSOLE);
        routes.get("/review/applications/{customerId}", this::casePage, Access.CONSOLE);
        routes.post("/review/applications/{customerId}/reveal", this::reveal, Access.CONSOLE);
        routes.post("/review/applications/{customerId}/decisions", this::decide, Access.CONSOLE);
        routes.get("/review/documents/{documentId}", this::document, Access.CONSOLE);
    }

    // ---- login / logout -----------------------------------------------------------------------------------------

    /** The login form has no session yet: its CSRF token is a double-submit cookie (SameSite=Strict, HttpOnly). */
    private void loginForm(Context ctx) {
        renderLogin(ctx, 200, "", null);
    }

    private void renderLogin(Context ctx, int status, String login, String error) {
        String token = OpaqueTokens.generate();
        ctx.addHeader("Set-Cookie", Cookies.set(ctx, LOGIN_CSRF_COOKIE, token, LOGIN, 3600));
        pages.render(ctx, status, "login", new LoginPage(token, login, error));
    }

    private void login(Context ctx) {
        String expected = ctx.cookie(LOGIN_CSRF_COOKIE);
        if (expected == null || !OpaqueTokens.same(expected, ctx.formParam(Csrf.FIELD))) throw AuthErrors.csrf();
        String login = Objects.requireNonNullElse(ctx.formParam("login"), "");
        Optional<Reviewer> reviewer;
        try {
            reviewer = logins.authenticate(login, ctx.formParam("password"), "console", ctx.req().getRemoteAddr());
        } catch (ApiException throttled) {
            if (throttled.status() != 429) throw throttled;
            ctx.header("Retry-After", throttled.context().get("retryAfter").asString());
            renderLogin(ctx, throttled.status(), "", TOO_MANY_FAILED);
            return;
        }
        if (reviewer.isEmpty()) {
            renderLogin(ctx, 401, ReviewerLogins.LOGIN.matcher(login).matches() ? login : "", LOGIN_FAILED);
            return;
        }
        String session = sessions.start(reviewer.get());
        ctx.addHeader("Set-Cookie", Cookies.set(ctx, Authentication.SESSION_COOKIE, session, "/review", -1));
        ctx.addHeader("Set-Cookie", Cookies.clear(ctx, LOGIN_CSRF_COOKIE, LOGIN));
        ConsolePages.secure(ctx);
        ctx.redirect(QUEUE, HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        sessions.end(Authentication.sessionToken(ctx));
        logins.recordLogout(Authentication.reviewer(ctx));
        claims.releaseAll(Authentication.reviewer(ctx));
        ctx.addHeader("Set-Cookie", Cookies.clear(ctx, Authentication.SESSION_COOKIE, "/review"));
        ctx.redirect(LOGIN, HttpStatus.SEE_OTHER);
    }

    // ---- queue and case page --------------------------------------------------------------------------------------

    private void queue(Context ctx) {
        QueuePage.Filter filter = new QueuePage.Filter(
                oneOf(ctx.queryParam("partner"), queue.partners()),
                oneOf(ctx.queryParam("status"), QueuePage.Filter.STATUSES),
                oneOf(ctx.queryParam("age"), QueuePage.Filter.AGES), "1".equals(ctx.queryParam("mine")),
                "newest".equals(ctx.queryParam("sort")));
        int page = pageNumber(ctx.queryParam("page"));
        ReviewQueue.Slice slice = queue.find(filter, Authentication.reviewer(ctx).id(), claims.liveSince(), page);
        String base = QUEUE + "?" + filter.query(filter.newestFirst());
        pages.render(ctx, 200, "queue", new QueuePage(Authentication.reviewer(ctx).login(),
                Authentication.csrf(ctx), filter, queue.partners(), slice.rows(), page,
                page > 1 ? base + "&page=" + (page - 1) : null, slice.hasNext() ? base + "&page=" + (page + 1) : null,
                ctx.queryParam("empty") != null));
    }

    private void casePage(Context ctx) {
        String notice = ctx.queryParam("decided") != null ? "Decision recorded."
                : ctx.queryParam("requested") != null ? "New documents requested: the customer's partner was called back."
                : ctx.queryParam("proposed") != null ? "Decision proposed: it takes effect once a supervisor confirms it (four eyes)."
                : null;
        claims.touch(ctx.pathParam("customerId"), Authentication.reviewer(ctx));
        renderCase(ctx, 200, false, notice, null);
    }

    private void renderCase(Context ctx, int status, boolean revealed, String notice, String error) {
        view.render(ctx, status, revealed, notice, error);
    }

    /** A POST, so that every reveal is deliberate and on record; the page answers with the data unmasked. */
    private void reveal(Context ctx) {
        Reviewer reviewer = Authentication.reviewer(ctx);
        var customer = cases.customer(ctx.pathParam("customerId"));
        CasePage page = cases.load(reviewer, Authentication.csrf(ctx), customer.id(), true, null, null,
                claims.holder(customer.id()).orElse(""));
        // On record before a single unmasked byte leaves the server.
        audit.append(AuditEntry.reviewerAction(AuditKind.REVEAL, reviewer.login(), "reveal",
                "masked customer data shown in the console", customer.id(), customer.partnerId(), clock.millis()));
        pages.render(ctx, 200, "case", page);
    }

    private void decide(Context ctx) {
        String entityId = Objects.requireNonNullElse(ctx.formParam("entityId"), "");
        String outcome = Objects.requireNonNullElse(ctx.formParam("outcome"), "");
        String reason = Objects.requireNonNullElse(ctx.formParam("reason"), "").strip();
        String waiver = Objects.requireNonNullElse(ctx.formParam("identityDocumentsWaiver"), "").strip();
        String problem = null;
        if (!outcome.equals("approved") && !outcome.equals("denied")) problem = "Choose approve or deny.";
        else if (reason.isEmpty()) problem = "A decision needs a reason.";
        else if (reason.length() > DecisionRequest.MAX_REASON) problem = "The reason is longer than " + DecisionRequest.MAX_REASON + " characters.";
        else if (waiver.length() > DecisionRequest.MAX_REASON) problem = "The waiver is longer than " + DecisionRequest.MAX_REASON + " characters.";
        Reviewer reviewer = Authentication.reviewer(ctx);
        String customerId = ctx.pathParam("customerId");
        if (problem == null && !claims.freeFor(customerId, reviewer)) {
            problem = "This case is claimed by " + claims.holder(customerId).orElse("another reviewer")
                    + ": only they can decide it while they work on it.";
        }
        if (problem != null) {
            renderCase(ctx, problem.startsWith("This case is claimed") ? 409 : 400, false, null, problem);
            return;
        }
        EntityOutcome chosen = EntityOutcome.fromWire(outcome);
        if (fourEyes.requires(chosen)) {
            actions.propose(ctx, reviewer, customerId, entityId, chosen, reason, waiver);
            return;
        }
        try {
            kyc.review(customerId, entityId, chosen, reviewer.login(), reason, waiver);
        } catch (ApiException e) {
            // Someone else decided first, or the entity is gone: show the current state with the reason.
            renderCase(ctx, e.status(), false, null, e.apiMessage());
            return;
        }
        claims.release(customerId, reviewer);
        ctx.redirect("/review/applications/" + customerId + "?decided=" + entityId, HttpStatus.SEE_OTHER);
    }

    // ---- documents and assets -------------------------------------------------------------------------------------

    private void document(Context ctx) {
        String documentId = ctx.pathParam("documentId");
        CaseFiles.StoredFile file = cases.attachedFile(documentId).orElseThrow(() -> ReviewErrors.documentNotFound(documentId));
        InputStream in;
        try {
            in = store.open(file.partnerId(), documentId, file.storageKey());
        } catch (StoredDocumentMissing e) {
            throw ReviewErrors.documentNotFound(documentId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConsolePages.secure(ctx);
        ctx.header("Content-Disposition", "inline");
        ctx.contentType(file.contentType()).result(in);
    }

    /** The style sheet and the script (the document viewer): files of the build, no CDN, allowed by the CSP's 'self'. */
    private void asset(Context ctx, String name, String contentType) {
        InputStream in = ConsoleRoutes.class.getResourceAsStream("/review/" + name);
        if (in == null) throw new IllegalStateException("review/" + name + " is missing from the build");
        ctx.header("Cache-Control", "max-age=3600");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(contentType).result(in);
    }

    private static String oneOf(String value, List<String> allowed) {
        return value != null && allowed.contains(value) ? value : "";
    }

    static int pageNumber(String value) {
        try {
            return value == null ? 1 : Math.max(1, Math.min(10_000, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
