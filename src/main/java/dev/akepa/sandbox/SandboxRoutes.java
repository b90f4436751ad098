package dev.akepa.sandbox;

import dev.akepa.auth.Authentication;
import dev.akepa.document.DocumentStore;
import dev.akepa.auth.Access;
import dev.akepa.http.Responses;
import dev.akepa.http.RouteGroup;
import dev.akepa.idempotency.IdempotencyKeys;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.jdbi.v3.core.Jdbi;

/** POST /akepa/sandbox/reset, registered in sandbox mode only (production answers 404 notFound). */
public final class SandboxRoutes implements RouteGroup {
    private final SandboxReset reset;
    private final boolean sandbox;

    public SandboxRoutes(Jdbi jdbi, DocumentStore documents, boolean sandbox) {
        this.reset = new SandboxReset(jdbi, documents);
        this.sandbox = sandbox;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        if (!sandbox) return;
        // The reset's own Idempotency-Key stays, so a retried reset answers what the first one did.
        routes.post("/akepa/sandbox/reset", ctx -> Responses.ok(ctx,
                        reset.reset(Authentication.partner(ctx).id(), ctx.header(IdempotencyKeys.HEADER))),
                Access.PARTNER);
    }
}
