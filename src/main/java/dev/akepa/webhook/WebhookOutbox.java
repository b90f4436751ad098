package dev.akepa.webhook;

import dev.akepa.kyc.ApplicationChange;
import dev.akepa.kyc.ApplicationChangeListener;
import dev.akepa.store.Ids;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Queues one callback per application change, in the change's own transaction: committed together or not at
 * all. A callback that heads its application's queue is claimed by this process in that transaction and handed to
 * {@link ClaimedWork} right after the commit; otherwise the poller is woken, so delivery never waits for the next poll.
 */
final class WebhookOutbox implements ApplicationChangeListener {
    /** webhook-id: stable across the retries and replays of one callback. */
    static final String MESSAGE_ID_PREFIX = "msg_";
    private final OutboxStore store;
    private final Clock clock;
    private final ClaimedWork work;
    private final Wakeup poller;

    WebhookOutbox(OutboxStore store, Clock clock, ClaimedWork work, Wakeup poller) {
        this.store = store;
        this.clock = clock;
        this.work = work;
        this.poller = poller;
    }

    @Override
    public void onChange(Handle transaction, ApplicationChange change) {
        String url = change.webhookUrl();
        if (url == null || url.isBlank()) return;
        // A change of customer data that left every status as it was is audited, but there is no news to call back.
        if (change.after().equals(change.before())) return;
        enqueue(transaction, change.partnerId(), change.after().applicationId(), change.after().customerId(), url,
                CallbackBody.of(change), change.atMillis());
    }

    /** Any callback about an application (a status change, a sanctions alert), queued in the caller's transaction. */
    void enqueue(Handle transaction, long partnerId, String applicationId, String customerId, String url, String body,
                 long atMillis) {
        var message = new OutboxStore.NewMessage(Ids.next(MESSAGE_ID_PREFIX), partnerId, applicationId, customerId, url,
                body, atMillis, clock.millis());
        Optional<OutboxStore.Claimed> claimed = store.enqueue(transaction, message, work.leaseForNewHead());
        Runnable afterCommit = () -> claimed.ifPresentOrElse(c -> work.sendClaimed(List.of(c)), poller::signal);
        if (transaction.isInTransaction()) {
            transaction.afterCommit(afterCommit);
        } else {
            afterCommit.run();
        }
    }
}
