package dev.akepa.erasure;

import dev.akepa.document.DocumentStore;
import dev.akepa.http.ApiErrors;
import dev.akepa.http.RouteGroup;
import dev.akepa.keys.PersonalData;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Retention and erasure: POST /customer/erase records the partner's request; the purge (any node, in the background)
 * erases customers whose retention ended — their data key destroyed (crypto-shredding), their document keys and
 * objects deleted — and purges expired documents' bytes. Every step is its own transaction, claimed by locking the
 * row it changes, so a crash resumes at the next pass and two nodes never erase one customer twice.
 */
public final class Erasures implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Erasures.class);
    private static final int BATCH = 100;
    /** Upload temp files older than this belong to no upload in flight (the longest allowed upload is far shorter). */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final ErasureStore store;
    private final PersonalData keys;
    private final DocumentStore documents;
    private final RetentionConfig config;
    private final Path tempDir;
    private final Clock clock;
    private final Counter erased;
    private final Counter documentsErased;
    private final Counter documentsExpired;
    private final Counter orphansRemoved;
    private final Object wake = new Object();
    private volatile boolean running;
    private Thread worker;

    public Erasures(Jdbi jdbi, PersonalData keys, DocumentStore documents, RetentionConfig config, Path tempDir,
                    MeterRegistry metrics, Clock clock) {
        this.jdbi = jdbi;
        this.store = new ErasureStore(jdbi);
        this.keys = keys;
        this.documents = documents;
        this.config = config;
        this.tempDir = tempDir;
        this.clock = clock;
        this.erased = Counter.builder("akepa.erasure.customers").description("Customers erased").register(metrics);
        this.documentsErased = Counter.builder("akepa.erasure.documents").tag("reason", "erased")
                .description("Document bytes purged").register(metrics);
        this.documentsExpired = Counter.builder("akepa.erasure.documents").tag("reason", "expired")
                .description("Document bytes purged").register(metrics);
        this.orphansRemoved = Counter.builder("akepa.erasure.orphan.temp.files")
                .description("Upload temp files left by a crash, removed").register(metrics);
        Gauge.builder("akepa.erasure.pending", store, ErasureStore::pendingErasures)
                .description("Erase requests whose retention has not ended yet").register(metrics);
    }

    public RouteGroup routes(dev.akepa.http.JsonBodies bodies) {
        return new ErasureRoutes(this, bodies);
    }

    /** The answer of POST /customer/erase. */
    record Status(String customerId, boolean erasedNow, long eraseAfterMillis) {}

    Status request(long partnerId, String customerId) {
        long now = clock.millis();
        ErasureStore.Erasure erasure = jdbi.inTransaction(h -> {
            ErasureStore.Subject subject = store.subject(h, partnerId, customerId)
                    .orElseThrow(() -> ApiErrors.customerNotFound(customerId));
            long from = subject.completedAt() == null ? now : Math.max(now, subject.completedAt());
            store.insert(h, partnerId, customerId, "partner-request", now, from + config.retention().toMillis());
            return store.find(h, customerId, false).orElseThrow();
        });
        if (erasure.erasedAt() == null && erasure.eraseAfter() <= now) {
            eraseCustomer(customerId);
            erasure = jdbi.withHandle(h -> store.find(h, customerId, false)).orElseThrow();
        }
        return new Status(customerId, erasure.erasedAt() != null, erasure.eraseAfter());
    }

    /** One customer, one transaction: keys destroyed, personal columns emptied, documents marked; then the objects. */
    void eraseCustomer(String customerId) {
        long now = clock.millis();
        java.util.Optional<List<ErasureStore.StoredObject>> objects = jdbi.inTransaction(h -> {
            var erasure = store.find(h, customerId, true);
            if (erasure.isEmpty() || erasure.get().erasedAt() != null) return java.util.Optional.empty();
            List<ErasureStore.StoredObject> stored = store.customerObjects(h, customerId);
            List<String> owners = new ArrayList<>();
            owners.add(customerId);
            stored.forEach(o -> owners.add(o.storageKey()));
            keys.destroyKeys(h, owners);
            store.eraseCustomerRow(h, customerId, now);
            store.markPurged(h, stored.stream().map(ErasureStore.StoredObject::documentId).toList(), "erased", now);
            return java.util.Optional.of(stored);
        });
        if (objects.isEmpty()) return; // erased already, by this node or another
        erased.increment();
        log.info("Erased customer {}: data key destroyed, {} document objects to delete", customerId, objects.get().size());
        deleteObjects(objects.get(), documentsErased);
    }

    private void deleteObjects(List<ErasureStore.StoredObject> objects, Counter counter) {
        for (ErasureStore.StoredObject o : objects) {
            try {
                documents.delete(o.storageKey());
                store.objectDeleted(o.documentId(), o.storageKey());
                counter.increment();
            } catch (IOException e) {
                log.warn("Could not delete document object {} (its key is destroyed; retried next pass): {}",
                        o.storageKey(), e.getMessage());
            }
        }
    }

    /** One pass: due erasures, expired documents, objects left by an interrupted pass, orphaned temp files. */
    void purgeOnce() {
        long now = clock.millis();
        for (String customerId : store.dueErasures(now, BATCH)) eraseCustomer(customerId);
        if (config.documentRetention() != null) {
            for (ErasureStore.StoredObject o : store.expiredDocuments(now - config.documentRetention().toMillis(), BATCH)) {
                boolean purged = jdbi.inTransaction(h -> {
                    if (!store.lockUnpurged(h, o.documentId())) return false;
                    keys.destroyKeys(h, List.of(o.storageKey()));
                    store.markPurged(h, List.of(o.documentId()), "expired", now);
                    return true;
                });
                if (purged) {
                    log.info("Purged the bytes of document {} (AKEPA_DOCUMENT_RETENTION passed)", o.documentId());
                    deleteObjects(List.of(o), documentsExpired);
                }
            }
        }
        deleteObjects(store.objectsToDelete(BATCH), documentsErased);
        removeOrphanedTempFiles(now);
    }

    /** Upload temp files (already ciphertext) a killed process left behind. */
    void removeOrphanedTempFiles(long now) {
        if (!Files.isDirectory(tempDir)) return;
        try (Stream<Path> files = Files.list(tempDir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".part")).toList()) {
                try {
                    if (Files.getLastModifiedTime(file).toMillis() < now - ORPHAN_AGE.toMillis() && Files.deleteIfExists(file)) {
                        orphansRemoved.increment();
                        log.info("Removed orphaned upload temp file {}", file.getFileName());
                    }
                } catch (IOException e) {
                    log.warn("Could not remove temp file {}: {}", file.getFileName(), e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("Could not list {}: {}", tempDir, e.getMessage());
        }
    }

    /** Starts the background purge: a pass at once (orphans of a crash go at start), then every purge interval. */
    public void start() {
        running = true;
        worker = Thread.ofVirtual().name("akepa-purge").start(() -> {
            while (running) {
                try {
                    purgeOnce();
                } catch (RuntimeException e) {
                    log.warn("Purge pass failed (retried next pass)", e);
                }
                synchronized (wake) {
                    if (!running) return;
                    try {
                        wake.wait(config.purgeInterval().toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
    }

    @Override
    public void close() {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
