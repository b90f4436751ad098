package dev.akepa.kyc;

import org.jdbi.v3.core.Handle;

/**
 * Called inside the transaction that changes an application, so whatever a listener writes (webhook outbox,
 * audit trail) commits or rolls back with the change itself.
 */
public interface ApplicationChangeListener {
    void onChange(Handle transaction, ApplicationChange change);
}
