package dev.akepa.review;

import dev.akepa.http.Access;
import dev.akepa.http.ApiErrors;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * The before-matched filter for reviewer routes. {@link Access#REVIEWER} (review API) needs a reviewer token in
 * {@code x-akepa-reviewer-token}; {@link ConsoleAccess#SESSION} (console) needs the session cookie, and a POST also
 * the session's CSRF token in the form. A partner token satisfies neither: partner and reviewer credentials live
 * in different tables and travel in different headers.
 */
final class ReviewerAuthentication implements Handler {
    static final String TOKEN_HEADER = "x-akepa-reviewer-token";
    static final String SESSION_COOKIE = "akepa_console";
    private static final String REVIEWER = "akepa.reviewer";
    private static final String SESSION = "akepa.consoleSession";

    private final ReviewerTokens tokens;
    private final ReviewerSessions sessions;

    ReviewerAuthentication(ReviewerTokens tokens, ReviewerSessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @Override
    public void handle(Context ctx) {
        var roles = ctx.routeRoles();
        if (roles.contains(Access.REVIEWER)) {
            ctx.attribute(REVIEWER, tokens.resolve(ctx.header(TOKEN_HEADER)).orElseThrow(ApiErrors::unauthorized));
        } else if (roles.contains(ConsoleAccess.SESSION)) {
            String session = ctx.cookie(SESSION_COOKIE);
            Reviewer reviewer = sessions.resolve(session).orElse(null);
            if (reviewer == null) {
                if (ctx.method() == HandlerType.GET && acceptsHtml(ctx)) throw new ConsoleRedirect(ConsoleRoutes.LOGIN);
                throw ApiErrors.unauthorized();
            }
            if (ctx.method() != HandlerType.GET && !Csrf.matches(session, ctx.formParam(Csrf.FIELD))) throw ReviewErrors.csrf();
            ctx.attribute(REVIEWER, reviewer);
            ctx.attribute(SESSION, session);
        }
    }

    private static boolean acceptsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }

    /** The authenticated reviewer of a reviewer or console route. */
    static Reviewer reviewer(Context ctx) {
        Reviewer reviewer = ctx.attribute(REVIEWER);
        if (reviewer == null) throw new IllegalStateException("route is not a reviewer route: " + ctx.path());
        return reviewer;
    }

    static String sessionToken(Context ctx) {
        return ctx.attribute(SESSION);
    }

    static String csrf(Context ctx) {
        return Csrf.forSession(sessionToken(ctx));
    }
}
