package dev.akepa.review;

import dev.akepa.auth.Access;
import dev.akepa.auth.Authentication;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.Responses;
import dev.akepa.http.RouteGroup;
import dev.akepa.kyc.KycService;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/** The review API: POST /review/decisions (same rules as the console; its token is auth's /review/auth/get-token). */
final class ReviewApiRoutes implements RouteGroup {
    private final KycService kyc;
    private final JsonBodies bodies;
    private final ReviewConfig.FourEyes fourEyes;

    ReviewApiRoutes(KycService kyc, JsonBodies bodies, ReviewConfig.FourEyes fourEyes) {
        this.kyc = kyc;
        this.bodies = bodies;
        this.fourEyes = fourEyes;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/review/decisions", this::decide, Access.REVIEWER);
    }

    /** Answers like /akepa/status: the application after the decision. */
    private void decide(Context ctx) {
        DecisionRequest decision = DecisionRequest.from(bodies.read(ctx, "review-decision"));
        if (fourEyes.requires(decision.outcome())) {
            throw ReviewErrors.fourEyesRequired(decision.entityId(), decision.outcome().wire());
        }
        Responses.ok(ctx, kyc.review(decision.customerId(), decision.entityId(), decision.outcome(),
                Authentication.reviewer(ctx).login(), decision.reason(), decision.identityDocumentsWaiver()));
    }
}
