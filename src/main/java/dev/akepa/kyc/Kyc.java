package dev.akepa.kyc;

import dev.akepa.customer.CustomerRepository;
import dev.akepa.customer.CustomerService;
import dev.akepa.document.DocumentRepository;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.RouteGroup;
import dev.akepa.verification.VerificationProvider;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.List;

/**
 * The KYC feature in one object, built in a straight line: the job queue and its after-commit wake-up, the
 * service (every change of an application), the background worker when enabled, and the routes
 * ({@link #start()} / {@link #close()} for the worker).
 */
public final class Kyc implements AutoCloseable {
    private final KycService service;
    private final VerificationWorker worker;
    private final RouteGroup routes;

    /** @param listeners called in every change's transaction, in this order (see {@link ApplicationChangeListener}) */
    public Kyc(Jdbi jdbi, CustomerRepository customerRepository, DocumentRepository documents,
               VerificationProvider verification, WebhookUrlPolicy webhookUrls,
               List<ApplicationChangeListener> listeners, VerificationWorkerConfig config, CustomerService customers,
               JsonBodies bodies, boolean sandbox, Clock clock) {
        VerificationJobs jobs = new VerificationJobs(jdbi, config.lease().toMillis());
        JobQueued jobQueued = new JobQueued();
        this.service = new KycService(jdbi, customerRepository, new ApplicationRepository(), documents, verification,
                jobs, webhookUrls, listeners, jobQueued, clock);
        this.worker = config.enabled()
                ? new VerificationWorker(service, jobs, jobQueued, clock, config.poll().toMillis()) : null;
        KycRoutes kycRoutes = new KycRoutes(service, bodies, sandbox);
        CustomerStatusRoutes statusRoutes = new CustomerStatusRoutes(customers, service);
        this.routes = r -> {
            statusRoutes.register(r);
            kycRoutes.register(r);
        };
    }

    /** For features that act on applications through kyc's rules (review decisions, case files). */
    public KycService service() {
        return service;
    }

    public RouteGroup routes() {
        return routes;
    }

    /** Starts the background verification worker, when enabled (queued jobs are picked up). */
    public void start() {
        if (worker != null) worker.start();
    }

    @Override
    public void close() throws InterruptedException {
        if (worker != null) worker.close();
    }
}
