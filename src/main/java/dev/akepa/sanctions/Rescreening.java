package dev.akepa.sanctions;

import dev.akepa.customer.Customer;
import dev.akepa.customer.CustomerRepository;
import dev.akepa.json.Json;
import dev.akepa.http.Times;
import dev.akepa.kyc.Application;
import dev.akepa.kyc.ApplicationRepository;
import dev.akepa.kyc.CustomerEntities;
import dev.akepa.verification.ScreeningQueries;
import dev.akepa.verification.Subject;
import dev.akepa.verification.screening.CurrentList;
import dev.akepa.verification.screening.ScreeningQuery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Screens every customer and representative (all statuses) against each new list version this node switches to,
 * batch by batch as {@link RescreenRuns} hands them out. Each entity's screening is stored as evidence; a
 * candidate no earlier screening of that entity had opens an alert and queues a callback to the partner.
 */
final class Rescreening implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Rescreening.class);
    private static final long IDLE_MILLIS = 1_000;

    /** Queues a partner callback in the caller's transaction (the webhook outbox). */
    public interface Callbacks {
        void enqueue(Handle h, long partnerId, String applicationId, String customerId, String url, String body, long atMillis);
    }

    private final Jdbi jdbi;
    private final CurrentList list;
    private final RescreenRuns runs;
    private final CustomerRepository customers;
    private final ApplicationRepository applications;
    private final EvidenceLog evidence;
    private final SanctionsAlerts alerts;
    private final Callbacks callbacks;
    private final double threshold;
    private final Clock clock;
    private final Counter namesScreened;
    private final Counter alertsOpened;
    /** Screening is CPU only: one thread per core, beside the batch's own thread that waits on them. */
    private static final int SCREENING_THREADS = Runtime.getRuntime().availableProcessors();
    private final ExecutorService screeners = Executors.newFixedThreadPool(SCREENING_THREADS,
            Thread.ofPlatform().daemon().name("sanctions-screen-", 0).factory());
    private volatile boolean running;
    /**
     * Batches one node works on at once: while one batch waits on the database (its reads, its evidence rows, its
     * commit), the other is screened. Claims within the node are taken one at a time ({@link #claimLock}).
     */
    static final int BATCHES_IN_FLIGHT = 2;
    private final Object claimLock = new Object();
    private final List<Thread> workers = new ArrayList<>();

    public Rescreening(Jdbi jdbi, CurrentList list, RescreenRuns runs, CustomerRepository customers,
                       ApplicationRepository applications, EvidenceLog evidence, SanctionsAlerts alerts,
                       Callbacks callbacks, double threshold, Clock clock, MeterRegistry metrics) {
        this.jdbi = jdbi;
        this.list = list;
        this.runs = runs;
        this.customers = customers;
        this.applications = applications;
        this.evidence = evidence;
        this.alerts = alerts;
        this.callbacks = callbacks;
        this.threshold = threshold;
        this.clock = clock;
        this.namesScreened = Counter.builder("akepa_rescreen_names").description("Entities re-screened").register(metrics);
        this.alertsOpened = Counter.builder("akepa_rescreen_alerts").description("Sanctions alerts opened by re-screening").register(metrics);
    }

    public void start() {
        running = true;
        for (int i = 0; i < BATCHES_IN_FLIGHT; i++) {
            workers.add(Thread.ofPlatform().daemon().name("sanctions-rescreen-" + i).start(this::loop));
        }
    }

    private void loop() {
        while (running) {
            try {
                if (!runOnce()) Thread.sleep(IDLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Re-screening batch failed; it is claimed again when its lease ends", e);
                try {
                    Thread.sleep(IDLE_MILLIS);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Runs one batch of the current version's re-screening; false when there was none to run. */
    public boolean runOnce() {
        Optional<CurrentList.ListIndex> index = list.current();
        if (index.isEmpty()) return false;
        long version = index.get().version();
        Optional<RescreenRuns.Batch> batch;
        synchronized (claimLock) {
            runs.ensureRun(version, clock.millis());
            batch = runs.claim(version, clock.millis());
        }
        if (batch.isEmpty()) return false;
        screen(index.get(), batch.get());
        return true;
    }

    /** One entity of a batch to screen, and what it matched. */
    private record Item(Customer customer, Subject subject, ScreeningQuery query) {}

    private void screen(CurrentList.ListIndex index, RescreenRuns.Batch batch) {
        jdbi.useTransaction(h -> {
            long now = clock.millis();
            Map<String, Set<String>> seen = evidence.seenEntries(h, batch.firstCustomer(), batch.lastCustomer());
            List<Item> items = new ArrayList<>();
            for (Customer customer : customers.findRange(h, batch.firstCustomer(), batch.lastCustomer())) {
                for (Subject subject : CustomerEntities.subjects(customer).values()) {
                    ScreeningQueries.of(subject).ifPresent(query -> items.add(new Item(customer, subject, query)));
                }
            }
            List<List<EvidenceMatch>> results = screenAll(index, items);
            int opened = 0;
            List<EvidenceLog.NewEvidence> unremarkable = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Customer customer = items.get(i).customer();
                String entityId = items.get(i).subject().entityId();
                List<EvidenceMatch> matches = results.get(i);
                Set<String> known = seen.getOrDefault(entityId, Set.of());
                List<EvidenceMatch> candidates = matches.stream().filter(m -> !known.contains(m.entryId())).toList();
                if (candidates.isEmpty()) {
                    unremarkable.add(new EvidenceLog.NewEvidence(customer.id(), customer.partnerId(), entityId, matches));
                    continue;
                }
                long evidenceId = evidence.insert(h, customer.id(), customer.partnerId(), entityId,
                        "rescreening", index.version(), now, matches);
                for (EvidenceMatch match : candidates) {
                    Optional<String> alertId = alerts.openIfNew(h, customer.id(), customer.partnerId(), entityId,
                            match.entryId(), index.version(), evidenceId, match.score(), now);
                    if (alertId.isPresent()) {
                        opened++;
                        notifyPartner(h, customer, entityId, alertId.get(), index.version(), match, now);
                    }
                }
            }
            evidence.insertAll(h, "rescreening", index.version(), now, unremarkable);
            runs.complete(h, batch, items.size(), opened, now);
            namesScreened.increment(items.size());
            alertsOpened.increment(opened);
        });
    }

    /**
     * The batch's screenings, in its order, spread over the screening threads: the index is immutable and the
     * database work stays on the batch's transaction, so only the pure part runs in parallel.
     */
    private List<List<EvidenceMatch>> screenAll(CurrentList.ListIndex index, List<Item> items) {
        int parts = Math.min(SCREENING_THREADS, Math.max(1, items.size() / 50));
        List<Future<List<List<EvidenceMatch>>>> futures = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            List<Item> slice = items.subList(items.size() * p / parts, items.size() * (p + 1) / parts);
            futures.add(screeners.submit(() -> slice.stream()
                    .map(item -> index.list().screen(item.query(), threshold).stream().map(EvidenceMatch::of).toList())
                    .toList()));
        }
        List<List<EvidenceMatch>> results = new ArrayList<>(items.size());
        try {
            for (Future<List<List<EvidenceMatch>>> future : futures) results.addAll(future.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("re-screening interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("re-screening a batch failed", e.getCause());
        }
        return results;
    }

    /** The callback's body is written in docs/rulings.md. */
    private void notifyPartner(Handle h, Customer customer, String entityId, String alertId, long version,
                               EvidenceMatch match, long now) {
        Optional<Application> application = applications.findByCustomer(h, customer.partnerId(), customer.id(), false);
        if (application.isEmpty() || application.get().webhookUrl() == null) return;
        ObjectNode body = Json.object();
        body.put("event", "sanctionsAlert");
        body.put("alertId", alertId);
        body.put("applicationId", application.get().id());
        body.put("customerId", customer.id());
        body.put("entityId", entityId);
        body.put("listVersion", version);
        body.set("match", Json.MAPPER.valueToTree(match.brief()));
        body.put("dtsCreatedAt", Times.format(Instant.ofEpochMilli(now)));
        callbacks.enqueue(h, customer.partnerId(), application.get().id(), customer.id(), application.get().webhookUrl(),
                Json.MAPPER.writeValueAsString(body), now);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        screeners.shutdownNow();
        for (Thread worker : workers) worker.interrupt();
        for (Thread worker : workers) {
            worker.join(10_000);
        }
    }
}
