package dev.akepa.auth;

import dev.akepa.http.ApiErrors;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * The one before-matched filter: checks the route's {@link Access} role and puts the caller on the context.
 * {@link Access#PARTNER} needs x-connectfi-token; {@link Access#REVIEWER} needs x-akepa-reviewer-token;
 * {@link Access#CONSOLE} needs the session cookie, and a POST also the session's CSRF token in the form. A partner
 * token satisfies no reviewer role: the credentials live in different tables and travel in different headers.
 */
public final class Authentication implements Handler {
    static final String PARTNER_HEADER = "x-connectfi-token";
    static final String REVIEWER_HEADER = "x-akepa-reviewer-token";
    public static final String SESSION_COOKIE = "akepa_console";
    /** Where a browser without a session is sent. */
    public static final String CONSOLE_LOGIN = "/review/login";
    private static final String PARTNER = "akepa.partner";
    private static final String REVIEWER = "akepa.reviewer";
    private static final String SESSION = "akepa.consoleSession";

    private final TokenService partnerTokens;
    private final ReviewerTokens reviewerTokens;
    private final ConsoleSessions sessions;

    Authentication(TokenService partnerTokens, ReviewerTokens reviewerTokens, ConsoleSessions sessions) {
        this.partnerTokens = partnerTokens;
        this.reviewerTokens = reviewerTokens;
        this.sessions = sessions;
    }

    @Override
    public void handle(Context ctx) {
        var roles = ctx.routeRoles();
        if (roles.contains(Access.PARTNER)) {
            ctx.attribute(PARTNER, partnerTokens.resolve(ctx.header(PARTNER_HEADER)).orElseThrow(ApiErrors::unauthorized));
        } else if (roles.contains(Access.REVIEWER)) {
            ctx.attribute(REVIEWER, reviewerTokens.resolve(ctx.header(REVIEWER_HEADER)).orElseThrow(ApiErrors::unauthorized));
        } else if (roles.contains(Access.CONSOLE)) {
            String session = ctx.cookie(SESSION_COOKIE);
            Reviewer reviewer = sessions.resolve(session).orElse(null);
            if (reviewer == null) {
                if (ctx.method() == HandlerType.GET && acceptsHtml(ctx)) throw new ConsoleRedirect(CONSOLE_LOGIN);
                throw ApiErrors.unauthorized();
            }
            if (ctx.method() != HandlerType.GET && !Csrf.matches(session, ctx.formParam(Csrf.FIELD))) throw AuthErrors.csrf();
            ctx.attribute(REVIEWER, reviewer);
            ctx.attribute(SESSION, session);
        }
    }

    private static boolean acceptsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }

    /** The authenticated partner of a {@link Access#PARTNER} route. */
    public static Partner partner(Context ctx) {
        Partner partner = ctx.attribute(PARTNER);
        if (partner == null) throw new IllegalStateException("route is not marked Access.PARTNER: " + ctx.path());
        return partner;
    }

    /** The authenticated reviewer of a {@link Access#REVIEWER} or {@link Access#CONSOLE} route. */
    public static Reviewer reviewer(Context ctx) {
        Reviewer reviewer = ctx.attribute(REVIEWER);
        if (reviewer == null) throw new IllegalStateException("route is not a reviewer route: " + ctx.path());
        return reviewer;
    }

    /** The console session's cookie value of a {@link Access#CONSOLE} route. */
    public static String sessionToken(Context ctx) {
        return ctx.attribute(SESSION);
    }

    /** The CSRF token the console's forms must carry. */
    public static String csrf(Context ctx) {
        return Csrf.forSession(sessionToken(ctx));
    }
}
