package dev.akepa.customer;

import dev.akepa.auth.Partner;
import dev.akepa.auth.Authentication;
import dev.akepa.auth.Access;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.Responses;
import dev.akepa.http.RouteGroup;
import dev.akepa.http.Times;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

import static dev.akepa.json.Json.object;

/** POST /customer/init, GET /customer/status/{customerId}. */
public final class CustomerRoutes implements RouteGroup {
    private final CustomerService customers;
    private final JsonBodies bodies;

    public CustomerRoutes(CustomerService customers, JsonBodies bodies) {
        this.customers = customers;
        this.bodies = bodies;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/customer/init", this::init, Access.PARTNER);
        routes.get("/customer/status/{customerId}", this::status, Access.PARTNER);
    }

    private void init(Context ctx) {
        Partner partner = Authentication.partner(ctx);
        Customer customer = customers.init(partner, bodies.read(ctx, "customer-init"));
        ObjectNode data = object()
                .put("customerId", customer.id())
                .put("reference", customer.reference())
                .put("customerType", customer.type().wire())
                // Just created, so not identified yet: no need to ask the database.
                .put("kycStatus", KycStatusLookup.BEFORE_IDENTIFICATION)
                .put("dtsCreatedAt", Times.format(Instant.ofEpochMilli(customer.createdAtMillis())));
        if (customer.type() == Customer.CustomerType.BUSINESS) {
            ArrayNode reps = data.putArray("businessRepresentatives");
            for (JsonNode rep : customer.data().path("businessRepresentatives")) {
                reps.addObject()
                        .put("id", rep.path("id").asString())
                        .put("firstName", rep.path("firstName").asString())
                        .put("lastName", rep.path("lastName").asString());
            }
        }
        Responses.ok(ctx, data);
    }

    private void status(Context ctx) {
        Customer customer = customers.find(Authentication.partner(ctx), ctx.pathParam("customerId"));
        ObjectNode data = object()
                .put("reference", customer.reference())
                .put("customerId", customer.id())
                .put("customerType", customer.type().wire())
                .put("kycStatus", customers.kycStatus(customer.id()));
        data.set("customer", customers.maskedData(customer));
        data.put("dtsCreatedAt", Times.format(Instant.ofEpochMilli(customer.createdAtMillis())));
        Responses.ok(ctx, data);
    }
}
