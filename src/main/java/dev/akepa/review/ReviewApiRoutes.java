package dev.akepa.review;

import dev.akepa.http.Access;
import dev.akepa.http.ApiErrors;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.Responses;
import dev.akepa.http.RouteGroup;
import dev.akepa.http.Times;
import dev.akepa.kyc.KycService;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

/** The review API: POST /review/auth/get-token and POST /review/decisions (same rules as the console). */
final class ReviewApiRoutes implements RouteGroup {
    private final ReviewerLogins logins;
    private final ReviewerTokens tokens;
    private final KycService kyc;
    private final JsonBodies bodies;

    ReviewApiRoutes(ReviewerLogins logins, ReviewerTokens tokens, KycService kyc, JsonBodies bodies) {
        this.logins = logins;
        this.tokens = tokens;
        this.kyc = kyc;
        this.bodies = bodies;
    }

    record TokenData(String token, String dtsExpireAt) {}

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/review/auth/get-token", this::getToken);
        routes.post("/review/decisions", this::decide, Access.REVIEWER);
    }

    /** Same body and answer as /auth/get-token; the token goes in x-akepa-reviewer-token. */
    private void getToken(Context ctx) {
        JsonNode user = bodies.read(ctx, "auth-get-token").path("user");
        String login = user.path("login").isString() ? user.get("login").asString() : null;
        String password = user.path("password").isString() ? user.get("password").asString() : null;
        Reviewer reviewer = logins.authenticate(login, password, "api", ctx.req().getRemoteAddr()).orElseThrow(ApiErrors::unauthorized);
        ReviewerTokens.Issued issued = tokens.issue(reviewer);
        Responses.ok(ctx, new TokenData(issued.token(), Times.format(Instant.ofEpochMilli(issued.expiresAtMillis()))));
    }

    /** Answers like /akepa/status: the application after the decision. */
    private void decide(Context ctx) {
        DecisionRequest decision = DecisionRequest.from(bodies.read(ctx, "review-decision"));
        Responses.ok(ctx, kyc.review(decision.customerId(), decision.entityId(), decision.outcome(),
                ReviewerAuthentication.reviewer(ctx).login(), decision.reason()));
    }
}
