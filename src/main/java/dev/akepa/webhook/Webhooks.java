package dev.akepa.webhook;

import dev.akepa.http.RouteGroup;
import dev.akepa.keys.PersonalData;
import dev.akepa.kyc.ApplicationChangeListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/**
 * The webhook feature in one object: the outbox listener for the kyc service, the partner routes, the URL guard
 * for /akepa/identification, and the background dispatcher ({@link #start()} / {@link #close()}).
 */
public final class Webhooks implements AutoCloseable {
    private final WebhookOutbox outbox;
    private final WebhookRoutes routes;
    private final UrlGuard urlGuard;
    private final Dispatcher dispatcher;
    private final Sender sender;

    public Webhooks(Jdbi jdbi, MeterRegistry metrics, Clock clock, WebhookConfig config, PersonalData keys) {
        OutboxStore store = new OutboxStore(jdbi);
        SigningSecrets secrets = new SigningSecrets(jdbi, new SecretCipher(keys), clock, config.secretOverlap());
        secrets.upgradeLegacy();
        this.urlGuard = new UrlGuard(config.allowPrivate());
        this.sender = new Sender(config.timeout());
        WebhookMetrics meters = new WebhookMetrics(metrics, store::pendingCount);
        AttemptMaker attempts = new AttemptMaker(secrets, urlGuard, sender,
                new RetryPolicy(config.retrySchedule(), clock), meters, clock);
        this.dispatcher = new Dispatcher(store, attempts, meters, clock, config);
        this.outbox = new WebhookOutbox(store, clock, dispatcher);
        this.routes = new WebhookRoutes(secrets, store, new DeliveryLog(jdbi), clock, dispatcher::wake);
    }

    /** Register with the kyc service: queues a callback inside every application change's transaction. */
    public ApplicationChangeListener listener() {
        return outbox;
    }

    public RouteGroup routes() {
        return routes;
    }

    /** For /akepa/identification: {@code urlGuard().check(webhookURL)} throws 400 invalidWebhookUrl. */
    public UrlGuard urlGuard() {
        return urlGuard;
    }

    /** Starts delivering (callbacks queued while stopped, or by a process that died, are picked up). */
    public void start() {
        dispatcher.start();
    }

    /** Stops claiming, waits for deliveries in flight (bounded by the send timeout), closes the HTTP client. */
    @Override
    public void close() {
        dispatcher.close();
        sender.close();
    }
}
