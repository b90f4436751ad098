package dev.akepa.webhook;

import dev.akepa.auth.Partner;
import dev.akepa.auth.Authentication;
import dev.akepa.auth.Access;
import dev.akepa.http.ApiErrors;
import dev.akepa.http.Responses;
import dev.akepa.http.RouteGroup;
import dev.akepa.http.Times;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The partner's view of its callbacks: signing secret, rotation, delivery attempts, replay. */
final class WebhookRoutes implements RouteGroup {
    private static final int DEFAULT_PAGE_SIZE = 20;
    private static final int MAX_PAGE_SIZE = 100;

    private final SigningSecrets secrets;
    private final OutboxStore store;
    private final DeliveryLog log;
    private final Clock clock;
    private final Runnable wake;

    WebhookRoutes(SigningSecrets secrets, OutboxStore store, DeliveryLog log, Clock clock, Runnable wake) {
        this.secrets = secrets;
        this.store = store;
        this.log = log;
        this.clock = clock;
        this.wake = wake;
    }

    record DeliveryAttempt(String deliveryId, String applicationId, String customerId, String webhookURL,
                           String deliveryStatus, int series, int attempt, String dtsAttemptedAt, Integer httpStatus,
                           long latencyMs, String result, String error) {}

    record DeliveryPage(List<DeliveryAttempt> deliveries, int page, int pageSize, long total) {}

    record Replayed(String deliveryId, String deliveryStatus) {}

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/webhooks/secret", this::secret, Access.PARTNER);
        routes.post("/webhooks/secret/rotate", this::rotate, Access.PARTNER);
        routes.get("/webhooks/deliveries", this::deliveries, Access.PARTNER);
        routes.post("/webhooks/deliveries/{deliveryId}/replay", this::replay, Access.PARTNER);
    }

    private void secret(Context ctx) {
        Responses.ok(ctx, secretData(secrets.secrets(Authentication.partner(ctx).id())));
    }

    private void rotate(Context ctx) {
        Responses.ok(ctx, secretData(secrets.rotate(Authentication.partner(ctx).id())));
    }

    /** previousSecret and previousValidUntil appear only while a rotated-out secret still signs. */
    private static Map<String, Object> secretData(SigningSecrets.Secrets s) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("secret", s.current());
        if (s.previous() != null) {
            data.put("previousSecret", s.previous());
            data.put("previousValidUntil", Times.format(Instant.ofEpochMilli(s.previousValidUntil())));
        }
        return data;
    }

    private void deliveries(Context ctx) {
        Partner partner = Authentication.partner(ctx);
        String customerId = ctx.queryParam("customerId");
        if (customerId != null && !log.customerBelongsTo(partner.id(), customerId)) {
            throw ApiErrors.customerNotFound(customerId);
        }
        int page = intParam(ctx, "page", 1, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = intParam(ctx, "pageSize", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        DeliveryLog.AttemptPage result = log.attempts(partner.id(), customerId, page, pageSize);
        List<DeliveryAttempt> items = result.rows().stream().map(r -> new DeliveryAttempt(r.deliveryId(),
                r.applicationId(), r.customerId(), r.url(), r.deliveryState(), r.series(), r.attempt(),
                Times.format(Instant.ofEpochMilli(r.attemptedAt())), r.httpStatus(), r.latencyMs(), r.result(),
                r.error())).toList();
        Responses.ok(ctx, new DeliveryPage(items, page, pageSize, result.total()));
    }

    private void replay(Context ctx) {
        String deliveryId = ctx.pathParam("deliveryId");
        if (!store.replay(Authentication.partner(ctx).id(), deliveryId, clock.millis())) {
            throw WebhookErrors.deliveryNotFound(deliveryId);
        }
        wake.run();
        Responses.ok(ctx, new Replayed(deliveryId, "pending"));
    }

    private static int intParam(Context ctx, String name, int fallback, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) return fallback;
        if (!raw.matches("\\d{1,9}")) throw WebhookErrors.invalidParameter(name, "must be a whole number from 1 to " + max);
        int value = Integer.parseInt(raw);
        if (value < 1 || value > max) throw WebhookErrors.invalidParameter(name, "must be from 1 to " + max);
        return value;
    }
}
