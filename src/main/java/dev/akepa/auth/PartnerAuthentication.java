package dev.akepa.auth;

import dev.akepa.http.Access;
import dev.akepa.http.AccessLog;
import dev.akepa.http.ApiErrors;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** The before-matched filter for {@link Access#PARTNER} routes: x-connectfi-token → the calling partner. */
public final class PartnerAuthentication implements Handler {
    static final String HEADER = "x-connectfi-token";
    private static final String ATTRIBUTE = "akepa.partner";
    private final TokenService tokens;

    public PartnerAuthentication(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(Context ctx) {
        if (!ctx.routeRoles().contains(Access.PARTNER)) return;
        Partner partner = tokens.resolve(ctx.header(HEADER)).orElseThrow(ApiErrors::unauthorized);
        ctx.attribute(ATTRIBUTE, partner);
        AccessLog.caller(ctx, partner.login());
    }

    /** The authenticated partner of a {@link Access#PARTNER} route. */
    public static Partner of(Context ctx) {
        Partner partner = ctx.attribute(ATTRIBUTE);
        if (partner == null) throw new IllegalStateException("route is not marked Access.PARTNER: " + ctx.path());
        return partner;
    }
}
