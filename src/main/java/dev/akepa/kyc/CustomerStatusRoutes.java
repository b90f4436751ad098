package dev.akepa.kyc;

import dev.akepa.auth.Access;
import dev.akepa.auth.Authentication;
import dev.akepa.customer.Customer;
import dev.akepa.customer.CustomerService;
import dev.akepa.http.Responses;
import dev.akepa.http.RouteGroup;
import dev.akepa.http.Times;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

import static dev.akepa.json.Json.object;

/**
 * GET /customer/status/{customerId}: the customer (customer/) with its kycStatus (derived from the application,
 * which is kyc's). Served here because kyc depends on customer, not the other way round.
 */
final class CustomerStatusRoutes implements RouteGroup {
    private final CustomerService customers;
    private final KycService kyc;

    public CustomerStatusRoutes(CustomerService customers, KycService kyc) {
        this.customers = customers;
        this.kyc = kyc;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/customer/status/{customerId}", this::status, Access.PARTNER);
    }

    private void status(Context ctx) {
        Customer customer = customers.find(Authentication.partner(ctx), ctx.pathParam("customerId"));
        ObjectNode data = object()
                .put("reference", customer.reference())
                .put("customerId", customer.id())
                .put("customerType", customer.type().wire())
                .put("kycStatus", kyc.kycStatus(customer.id()));
        data.set("customer", customers.maskedData(customer));
        data.put("dtsCreatedAt", Times.format(Instant.ofEpochMilli(customer.createdAtMillis())));
        Responses.ok(ctx, data);
    }
}
