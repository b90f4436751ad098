package dev.akepa.kyc;

import dev.akepa.auth.Partner;
import dev.akepa.auth.Authentication;
import dev.akepa.auth.Access;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.Responses;
import dev.akepa.http.RouteGroup;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import dev.akepa.json.Json;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** /akepa/identification, /akepa/status/{customerId}, /akepa/update and (sandbox mode) /akepa/sandbox/review. */
final class KycRoutes implements RouteGroup {
    private final KycService kyc;
    private final JsonBodies bodies;
    private final boolean sandbox;

    KycRoutes(KycService kyc, JsonBodies bodies, boolean sandbox) {
        this.kyc = kyc;
        this.bodies = bodies;
        this.sandbox = sandbox;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/akepa/identification", this::identification, Access.PARTNER);
        routes.get("/akepa/status/{customerId}", this::status, Access.PARTNER);
        routes.post("/akepa/update", this::update, Access.PARTNER);
        if (sandbox) routes.post("/akepa/sandbox/review", this::sandboxReview, Access.PARTNER);
    }

    private void identification(Context ctx) {
        Partner partner = Authentication.partner(ctx);
        JsonNode body = bodies.read(ctx, "akepa-identification");
        // The page: "syncMode: true if asynchronous".
        boolean async = body.path("syncMode").asBoolean(false);
        String webhookUrl = Json.textOrNull(body, "webhookURL");
        if (webhookUrl == null) webhookUrl = Json.textOrNull(body, "webhookUrl");
        Responses.ok(ctx, kyc.identify(partner, body.get("customerId").asString(), async, webhookUrl));
    }

    private void status(Context ctx) {
        Responses.ok(ctx, kyc.status(Authentication.partner(ctx), ctx.pathParam("customerId")));
    }

    private void update(Context ctx) {
        Partner partner = Authentication.partner(ctx);
        JsonNode body = bodies.read(ctx, "akepa-update");
        List<DocumentLink> links = new ArrayList<>();
        for (JsonNode d : body.path("documents")) {
            links.add(new DocumentLink(d.get("entityId").asString(), d.get("documentId").asString(), d.get("view").asString()));
        }
        Responses.ok(ctx, kyc.update(partner, body.get("customerId").asString(), links));
    }

    private void sandboxReview(Context ctx) {
        Partner partner = Authentication.partner(ctx);
        JsonNode body = bodies.read(ctx, "akepa-sandbox-review");
        Responses.ok(ctx, kyc.sandboxReview(partner, body.get("customerId").asString(), body.get("entityId").asString(),
                EntityOutcome.fromWire(body.get("outcome").asString())));
    }

}
