package dev.akepa.verification;

import dev.akepa.verification.screening.Screening;
import org.jdbi.v3.core.Handle;

/** Stores a screening as evidence, in the transaction of the change it was made for. */
public interface ScreeningRecorder {

    void record(Handle transaction, String customerId, long partnerId, String entityId, String trigger, Screening screening);

    ScreeningRecorder NONE = (h, customerId, partnerId, entityId, trigger, screening) -> { };
}
