package dev.akepa.webhook;

import dev.akepa.webhook.OutboxStore.Claimed;
import dev.akepa.webhook.OutboxStore.Finished;
import dev.akepa.webhook.OutboxStore.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a batch of finished attempts in one transaction ({@link ClaimedWork} gathers the batches and acts on
 * the outcome). A batch never waits for an application row another transaction holds: that attempt is deferred
 * to a later batch instead (see {@link OutboxStore#record}).
 */
final class AttemptRecorder {
    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);

    /**
     * What became of a batch: the attempts recorded, those deferred (their applications are being changed), how
     * many were lost (their leases run out and they are sent again), and the new heads claimed with the lease.
     */
    record Outcome(List<Finished> recorded, List<Finished> deferred, int lost, List<Claimed> promoted) {}

    private final OutboxStore store;
    private final Clock clock;

    AttemptRecorder(OutboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The whole batch in one transaction; if that fails, each attempt alone, so one bad row loses only itself.
     * @param promotedLease the claim for heads the batch promotes, or null to leave them to the poller
     */
    Outcome record(List<Finished> batch, Lease promotedLease) {
        try {
            OutboxStore.Recorded done = store.record(batch, clock.millis(), promotedLease);
            return new Outcome(done.recorded(), done.deferred(), 0, done.promoted());
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                log.error("Recording webhook attempt for {} failed; its lease will run out and it is sent again",
                        batch.getFirst().claimed().id(), batchFailure);
                return new Outcome(List.of(), List.of(), 1, List.of());
            }
            log.warn("Recording {} webhook attempts together failed; recording them one by one", batch.size(), batchFailure);
            List<Finished> recorded = new ArrayList<>();
            List<Finished> deferred = new ArrayList<>();
            List<Claimed> promoted = new ArrayList<>();
            int lost = 0;
            for (Finished f : batch) {
                Outcome one = record(List.of(f), promotedLease);
                recorded.addAll(one.recorded());
                deferred.addAll(one.deferred());
                promoted.addAll(one.promoted());
                lost += one.lost();
            }
            return new Outcome(recorded, deferred, lost, promoted);
        }
    }
}
