package dev.akepa.webhook;

import dev.akepa.kyc.ApplicationChange;
import dev.akepa.kyc.ApplicationChangeListener;
import dev.akepa.store.Ids;
import org.jdbi.v3.core.Handle;

import java.time.Clock;

/**
 * Queues one callback per application change, in the change's own transaction: committed together or not at
 * all. After the commit the dispatcher of this process is woken, so delivery does not wait for the next poll.
 */
final class WebhookOutbox implements ApplicationChangeListener {
    /** webhook-id: stable across the retries and replays of one callback. */
    static final String MESSAGE_ID_PREFIX = "msg_";
    private final OutboxStore store;
    private final Clock clock;
    private final Runnable afterCommit;

    WebhookOutbox(OutboxStore store, Clock clock, Runnable afterCommit) {
        this.store = store;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    @Override
    public void onChange(Handle transaction, ApplicationChange change) {
        String url = change.webhookUrl();
        if (url == null || url.isBlank()) return;
        var message = new OutboxStore.NewMessage(Ids.next(MESSAGE_ID_PREFIX), change.partnerId(), change.after().applicationId(),
                change.after().customerId(), url, CallbackBody.of(change), change.atMillis(), clock.millis());
        if (!store.enqueue(transaction, message)) return;
        if (transaction.isInTransaction()) {
            transaction.afterCommit(afterCommit);
        } else {
            afterCommit.run();
        }
    }
}
