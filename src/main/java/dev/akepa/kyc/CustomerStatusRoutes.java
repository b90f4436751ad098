package dev.akepa.kyc;

import dev.akepa.auth.Access;
import dev.akepa.auth.Authentication;
import dev.akepa.customer.Customer;
import dev.akepa.customer.CustomerService;
import dev.akepa.auth.Partner;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.Responses;
import dev.akepa.http.RouteGroup;
import dev.akepa.http.Times;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

import static dev.akepa.json.Json.object;

/**
 * GET /customer/status/{customerId} and POST /customer/update: the customer (customer/) with its kycStatus (derived
 * from the application, which is kyc's). Served here because kyc depends on customer, not the other way round.
 */
public final class CustomerStatusRoutes implements RouteGroup {
    private final CustomerService customers;
    private final KycService kyc;
    private final JsonBodies bodies;

    public CustomerStatusRoutes(CustomerService customers, KycService kyc, JsonBodies bodies) {
        this.customers = customers;
        this.kyc = kyc;
        this.bodies = bodies;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/customer/status/{customerId}", this::status, Access.PARTNER);
        routes.post("/customer/update", this::update, Access.PARTNER);
    }

    private void status(Context ctx) {
        Responses.ok(ctx, statusData(customers.find(Authentication.partner(ctx), ctx.pathParam("customerId"))));
    }

    /**
     * Checked in the rulings' order: the body's shape (customer-update), the customer, then the fields against the
     * schema of the customer's type — which the body cannot say, so it is known only once the customer is.
     */
    private void update(Context ctx) {
        Partner partner = Authentication.partner(ctx);
        JsonNode body = bodies.read(ctx, "customer-update");
        Customer stored = customers.find(partner, body.get("customerId").asString());
        bodies.validate(stored.type() == Customer.CustomerType.BUSINESS
                ? "customer-update-business" : "customer-update-individual", body);
        Responses.ok(ctx, statusData(customers.update(partner, body)));
    }

    private ObjectNode statusData(Customer customer) {
        ObjectNode data = object()
                .put("reference", customer.reference())
                .put("customerId", customer.id())
                .put("customerType", customer.type().wire())
                .put("kycStatus", kyc.kycStatus(customer.id()));
        data.set("customer", customers.maskedData(customer));
        data.put("dtsCreatedAt", Times.format(Instant.ofEpochMilli(customer.createdAtMillis())));
        return data;
    }
}
