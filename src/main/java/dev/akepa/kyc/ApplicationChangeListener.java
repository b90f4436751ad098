package dev.akepa.kyc;

import org.jdbi.v3.core.Handle;

/**
 * Called inside the transaction that changes an application, so whatever a listener writes (webhook outbox,
 * audit trail) commits or rolls back with the change itself.
 *
 * <p><b>Lock order.</b> When {@code onChange} is called, the change's transaction already holds the application's
 * row lock ({@code SELECT … FOR UPDATE} on {@code application}, or the row's own insert), and holds it until
 * commit. A listener writes under that lock and must not take it again in another transaction, nor lock another
 * application's row, nor wait for anything that waits for an application row: every other writer (the webhook
 * recorder finishing a callback, a replay) takes the application row first and then its own tables, so a
 * listener that locked its tables first and then an application row would deadlock against them. Work that needs
 * other locks, or time, goes after commit ({@code transaction.afterCommit}). Listeners are given to
 * {@link KycService} at construction and called in that order.
 */
public interface ApplicationChangeListener {
    void onChange(Handle transaction, ApplicationChange change);
}
