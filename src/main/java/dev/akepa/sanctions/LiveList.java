package dev.akepa.sanctions;

import dev.akepa.verification.screening.CurrentList;
import dev.akepa.verification.screening.SanctionsList;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The list version this node screens against. A background thread looks for a newer version every poll interval
 * and builds its index there, off the request path; requests keep the previous index until the new one is ready,
 * then switch in one reference swap.
 */
final class LiveList implements CurrentList, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveList.class);

    private final ListVersions versions;
    private final Duration poll;
    private final AtomicReference<Optional<ListIndex>> current = new AtomicReference<>(Optional.empty());
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sanctions-list-poll");
        t.setDaemon(true);
        return t;
    });

    public LiveList(ListVersions versions, Duration poll, MeterRegistry metrics) {
        this.versions = versions;
        this.poll = poll;
        Gauge.builder("akepa_sanctions_list_version", () -> current.get().map(ListIndex::version).orElse(0L))
                .description("Sanctions list version this node screens against (0: none)").register(metrics);
    }

    @Override
    public Optional<ListIndex> current() {
        return current.get();
    }

    /** Loads the newest version if it is not the current one; true when it switched. */
    public boolean refresh() {
        Optional<Long> newest = versions.newestId();
        if (newest.isEmpty() || current.get().map(ListIndex::version).equals(newest)) return false;
        long started = System.nanoTime();
        try {
            SanctionsList list = SanctionsList.of(versions.files(newest.get()));
            current.set(Optional.of(new ListIndex(newest.get(), list)));
            log.info("Screening against sanctions list version {} ({} entries, indexed in {} ms)", newest.get(),
                    list.size(), (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (java.io.IOException e) {
            // Validated at import, so this means a damaged row: keep screening against the version we have.
            log.error("Sanctions list version {} does not load; keeping version {}", newest.get(),
                    current.get().map(ListIndex::version).orElse(0L), e);
            return false;
        }
    }

    public void start() {
        long millis = Math.max(1, poll.toMillis());
        poller.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                log.warn("Looking for a new sanctions list version failed; trying again in {} ms", millis, e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
