package dev.akepa.audit;

import dev.akepa.auth.Partner;
import dev.akepa.auth.Authentication;
import dev.akepa.customer.CustomerRepository;
import dev.akepa.auth.Access;
import dev.akepa.http.ApiErrors;
import dev.akepa.json.Json;
import dev.akepa.http.Responses;
import dev.akepa.http.RouteGroup;
import dev.akepa.http.Times;
import dev.akepa.kyc.ApplicationView;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.time.Instant;
import java.util.List;

/**
 * GET /akepa/history/{customerId}: the partner's view of its customer's audit trail — application changes only,
 * and actors reduced to their role, so no reviewer is ever named to a partner.
 */
public final class HistoryRoutes implements RouteGroup {
    private final AuditTrail trail;
    private final CustomerRepository customers;

    public HistoryRoutes(AuditTrail trail, CustomerRepository customers) {
        this.trail = trail;
        this.customers = customers;
    }

    record History(String customerId, String applicationId, List<Event> events) {}

    record Event(String dtsCreatedAt, String actor, String trigger, String reason, Snapshot before, Snapshot after) {}

    record Snapshot(String status, String outcome, List<ApplicationView.EntityView> entityApplications) {}

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/akepa/history/{customerId}", this::history, Access.PARTNER);
    }

    private void history(Context ctx) {
        Partner partner = Authentication.partner(ctx);
        String customerId = ctx.pathParam("customerId");
        if (customers.find(partner.id(), customerId).isEmpty()) throw ApiErrors.customerNotFound(customerId);
        List<AuditRecord> rows = trail.ofCustomer(customerId).stream()
                .filter(r -> r.entry().kind() == AuditKind.APPLICATION)
                .toList();
        String applicationId = rows.isEmpty() ? null : rows.getFirst().entry().applicationId();
        List<Event> events = rows.stream().map(r -> r.entry()).map(e -> new Event(
                Times.format(Instant.ofEpochMilli(e.atMillis())), role(e.actor()), e.trigger(), e.reason(),
                snapshot(e.beforeJson()), snapshot(e.afterJson()))).toList();
        Responses.ok(ctx, new History(customerId, applicationId, events));
    }

    /** "partner:acme" → "partner", "reviewer:alice" → "reviewer", "system" → "system". */
    static String role(String actor) {
        int colon = actor.indexOf(':');
        return colon < 0 ? actor : actor.substring(0, colon);
    }

    private static Snapshot snapshot(String viewJson) {
        if (viewJson == null) return null;
        ApplicationView view = Json.MAPPER.readValue(viewJson, ApplicationView.class);
        return new Snapshot(view.status(), view.outcome(), view.entityApplications());
    }
}
