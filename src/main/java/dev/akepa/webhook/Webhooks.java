package dev.akepa.webhook;

import dev.akepa.http.RouteGroup;
import dev.akepa.keys.PersonalData;
import dev.akepa.kyc.ApplicationChangeListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/**
 * The webhook feature in one object: the outbox listener for the kyc service, the partner routes, the URL guard
 * for /akepa/identification, and background delivery ({@link #start()} / {@link #close()}): built in a straight line,
 * claims owned by {@link ClaimedWork}, which the outbox, its own record batches and the {@link ClaimPoller} feed.
 */
public final class Webhooks implements AutoCloseable {
    private final WebhookOutbox outbox;
    private final WebhookRoutes routes;
    private final UrlGuard urlGuard;
    private final ClaimedWork work;
    private final ClaimPoller poller;
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
        Wakeup moreWork = new Wakeup();
        this.work = new ClaimedWork(attempts, new AttemptRecorder(store, clock), store, meters, clock, config, moreWork);
        this.poller = new ClaimPoller(store, work, moreWork, clock, config.pollInterval());
        this.outbox = new WebhookOutbox(store, clock, work, moreWork);
        this.routes = new WebhookRoutes(secrets, store, new DeliveryLog(jdbi), clock, moreWork::signal);
    }

    /** Register with the kyc service: queues a callback inside every application change's transaction. */
    public ApplicationChangeListener listener() {
        return outbox;
    }

    /**
     * Queues a callback that is not a status change (a sanctions alert) in the caller's transaction, on the
     * application's ordered queue, signed and retried like every other.
     */
    public void notify(Handle transaction, long partnerId, String applicationId, String customerId, String url,
                       String body, long atMillis) {
        if (url == null || url.isBlank()) return;
        outbox.enqueue(transaction, partnerId, applicationId, customerId, url, body, atMillis);
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
        work.start();
        poller.start();
    }

    /** Stops claiming, waits for deliveries in flight (bounded by the send timeout), closes the HTTP client. */
    @Override
    public void close() {
        poller.close();
        work.close();
        sender.close();
    }
}
