package dev.akepa;

import dev.akepa.audit.AuditTrail;
import dev.akepa.audit.HistoryRoutes;
import dev.akepa.auth.Auth;
import dev.akepa.auth.PasswordHasher;
import dev.akepa.http.HealthRoutes;
import dev.akepa.http.HttpServer;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.RouteGroup;
import dev.akepa.http.SchemaRoutes;
import dev.akepa.http.schema.SchemaValidator;
import dev.akepa.customer.CustomerRepository;
import dev.akepa.customer.CustomerRoutes;
import dev.akepa.customer.CustomerService;
import dev.akepa.document.DocumentRepository;
import dev.akepa.document.DocumentRoutes;
import dev.akepa.document.DocumentService;
import dev.akepa.document.DocumentStore;
import dev.akepa.document.DocumentStores;
import dev.akepa.kyc.ApplicationRepository;
import dev.akepa.kyc.KycRoutes;
import dev.akepa.kyc.KycService;
import dev.akepa.kyc.VerificationJobs;
import dev.akepa.kyc.VerificationWorker;
import dev.akepa.review.ReviewModule;
import dev.akepa.store.Database;
import dev.akepa.verification.VerificationProvider;
import dev.akepa.verification.VerificationProviders;
import dev.akepa.idempotency.IdempotencyKeys;
import dev.akepa.webhook.MasterKey;
import dev.akepa.webhook.Webhooks;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.time.Clock;
import java.util.List;

/** Wires Akepa: config → database → repositories → services → routes → server. Nothing else lives here. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Database database;
    private final DocumentStore documentStore;
    private final Webhooks webhooks;
    private final VerificationWorker verificationWorker;
    private final HttpServer server;

    private App(Config config, Database database, DocumentStore documentStore) throws Exception {
        this.database = database;
        this.documentStore = documentStore;
        Clock clock = Clock.systemUTC();
        var jdbi = database.jdbi();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        SchemaValidator schemas = SchemaValidator.loadFromClasspath();
        JsonBodies bodies = new JsonBodies(schemas, config.http().maxJsonBytes());

        CustomerRepository customerRepository = new CustomerRepository(jdbi);
        DocumentRepository documentRepository = new DocumentRepository(jdbi);
        VerificationJobs jobs = new VerificationJobs(jdbi, config.verification().lease().toMillis());
        VerificationProvider verification = VerificationProviders.forMode(config.sandbox(), config.sanctions(), clock);
        this.webhooks = new Webhooks(jdbi, metrics, clock, config.webhook());
        KycService kyc = new KycService(jdbi, customerRepository, new ApplicationRepository(), documentRepository,
                verification, jobs, webhooks.urlGuard(), clock);
        AuditTrail audit = new AuditTrail(jdbi);
        Auth auth = new Auth(jdbi, config.auth(), new PasswordHasher(), audit, bodies, clock);
        kyc.addListener(webhooks.listener());
        kyc.addListener(audit);
        this.verificationWorker = config.verification().enabled()
                ? new VerificationWorker(kyc, jobs, clock, config.verification().poll().toMillis()) : null;

        CustomerService customers = new CustomerService(jdbi, customerRepository, kyc::kycStatus, clock);
        DocumentService documents = new DocumentService(documentRepository, documentStore,
                config.http().multipartTempDir(), config.http().maxUploadBytes(), clock);
        ReviewModule review = new ReviewModule(jdbi, auth.reviewerLogins(), auth.consoleSessions(), kyc,
                customerRepository, documentRepository, documentStore, audit, bodies, clock);

        IdempotencyKeys idempotency = new IdempotencyKeys(jdbi, MasterKey.load(config.webhook()),
                config.http().maxJsonBytes(), clock);
        // Filters run in this order after authentication: the rate limit before idempotency, so a refusal claims no key.
        List<RouteGroup> routes = List.of(
                auth.rateLimits(),
                idempotency,
                new HealthRoutes(() -> database.isReachable() && documentStore.isReachable()),
                new SchemaRoutes(schemas),
                auth.routes(),
                new CustomerRoutes(customers, bodies),
                new KycRoutes(kyc, bodies, config.sandbox()),
                new DocumentRoutes(documents, bodies),
                webhooks.routes(),
                new HistoryRoutes(audit, customerRepository),
                review);
        this.server = new HttpServer(config.http(), routes, auth.filter(), metrics, this::stopBackground);
    }

    /** Opens storage, builds everything, then starts background work and the server; a failed start releases all. */
    public static App start(Config config) throws Exception {
        Files.createDirectories(config.dataDir());
        Files.createDirectories(config.http().multipartTempDir());
        Database database = Database.open(config.database());
        DocumentStore documentStore = null;
        App app = null;
        try {
            documentStore = DocumentStores.open(config.storage());
            app = new App(config, database, documentStore);
            app.webhooks.start();
            if (app.verificationWorker != null) app.verificationWorker.start();
            app.server.start();
            log.info("Akepa listening on http://{}:{} ({} mode)", config.http().host(), app.server.port(),
                    config.mode().name().toLowerCase());
            return app;
        } catch (Exception | Error e) {
            if (app != null) app.stopBackground();
            closeQuietly(documentStore);
            database.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    public Database database() {
        return database;
    }

    public DocumentStore documentStore() {
        return documentStore;
    }

    /** Workers stop before what they use. */
    private void stopBackground() {
        closeQuietly(verificationWorker);
        closeQuietly(webhooks);
    }

    @Override
    public void close() {
        server.stop();
        stopBackground();
        closeQuietly(documentStore);
        database.close();
    }

    private static void closeQuietly(Object resource) {
        if (!(resource instanceof AutoCloseable closeable)) return;
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed", resource, e);
        }
    }

    public static void main(String[] args) throws Exception {
        System.exit(Cli.run(args, System.getenv()));
    }
}
