package dev.akepa;

import dev.akepa.audit.AuditTrail;
import dev.akepa.audit.HistoryRoutes;
import dev.akepa.auth.Auth;
import dev.akepa.auth.PasswordHasher;
import dev.akepa.http.HealthRoutes;
import dev.akepa.http.HttpServer;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.RegisteredRoute;
import dev.akepa.http.RouteGroup;
import dev.akepa.http.SchemaRoutes;
import dev.akepa.http.schema.SchemaValidator;
import dev.akepa.customer.CustomerDataChanges;
import dev.akepa.customer.CustomerRepository;
import dev.akepa.customer.CustomerRoutes;
import dev.akepa.customer.CustomerService;
import dev.akepa.document.DocumentRepository;
import dev.akepa.document.DocumentRoutes;
import dev.akepa.document.DocumentService;
import dev.akepa.document.DocumentStore;
import dev.akepa.document.DocumentStores;
import dev.akepa.document.DocumentVault;
import dev.akepa.kyc.ApplicationRepository;
import dev.akepa.kyc.CustomerStatusRoutes;
import dev.akepa.kyc.JobQueued;
import dev.akepa.kyc.KycRoutes;
import dev.akepa.kyc.KycService;
import dev.akepa.kyc.VerificationJobs;
import dev.akepa.kyc.VerificationWorker;
import dev.akepa.openapi.OpenApiRoutes;
import dev.akepa.review.ReviewModule;
import dev.akepa.sandbox.SandboxRoutes;
import dev.akepa.erasure.Erasures;
import dev.akepa.keys.KeyRing;
import dev.akepa.keys.PersonalData;
import dev.akepa.keys.StartRefused;
import dev.akepa.store.Database;
import dev.akepa.store.PrivateFiles;
import dev.akepa.store.UpgradePasses;
import dev.akepa.verification.VerificationProvider;
import dev.akepa.verification.VerificationProviders;
import dev.akepa.sanctions.SanctionsModule;
import dev.akepa.idempotency.IdempotencyKeys;
import dev.akepa.webhook.Webhooks;
import dev.akepa.kyc.VerificationQueueMetrics;
import dev.akepa.metrics.Metrics;
import dev.akepa.metrics.MetricsRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/** Wires Akepa: config → database → repositories → services → routes → server. Nothing else lives here. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Database database;
    private final Metrics metrics;
    private final DocumentStore documentStore;
    private final Webhooks webhooks;
    private final SanctionsModule sanctions;
    private final VerificationWorker verificationWorker;
    private final Erasures erasures;
    private final DocumentVault vault;
    private final CustomerRepository customers;
    private final HttpServer server;

    private App(Config config, Database database, DocumentStore documentStore) throws Exception {
        this.database = database;
        this.documentStore = documentStore;
        Clock clock = Clock.systemUTC();
        var jdbi = database.jdbi();
        // First, before anything is written: a wrong master key refuses to start here.
        KeyRing keys = KeyRing.open(jdbi, config.keys(), clock);
        PersonalData personalData = keys.personalData();
        this.metrics = Metrics.create();
        var registry = metrics.registry();
        database.bindMetrics(registry);

        SchemaValidator schemas = SchemaValidator.loadFromClasspath();
        JsonBodies bodies = new JsonBodies(schemas, config.http().maxJsonBytes());

        CustomerRepository customerRepository = new CustomerRepository(jdbi, personalData);
        this.customers = customerRepository;
        UpgradePasses upgrades = new UpgradePasses(jdbi, clock);
        upgrades.runOnce("seal-plaintext-customers", () -> {
            int sealed = customerRepository.sealLegacyRows();
            if (sealed > 0) log.info("Encrypted {} customers stored in plaintext by an earlier version", sealed);
        });
        // The installation key that also seals webhook secrets and stored answers: the associated data keeps them apart.
        DocumentRepository documentRepository = new DocumentRepository(jdbi, personalData.webhookSecrets());
        upgrades.runOnce("seal-plaintext-document-details", () -> {
            int sealed = documentRepository.sealPlaintextDetails();
            if (sealed > 0) log.info("Encrypted the details of {} documents stored in plaintext by an earlier version", sealed);
        });
        VerificationJobs jobs = new VerificationJobs(jdbi, config.verification().lease().toMillis());
        new VerificationQueueMetrics(jobs, registry, clock);
        ApplicationRepository applications = new ApplicationRepository();
        this.webhooks = new Webhooks(jdbi, registry, clock, config.webhook(), personalData);
        this.sanctions = new SanctionsModule(jdbi, config.sanctions(), customerRepository, applications, webhooks::notify,
                bodies, registry, clock);
        sanctions.load(!config.sandbox());
        VerificationProvider verification = VerificationProviders.forMode(config.sandbox(), sanctions.currentList(),
                config.sanctions().threshold(), clock);
        AuditTrail audit = new AuditTrail(jdbi);
        JobQueued jobQueued = new JobQueued();
        KycService kyc = new KycService(jdbi, customerRepository, applications, documentRepository,
                verification, sanctions.recorder(), jobs, webhooks.urlGuard(), List.of(webhooks.listener(), audit),
                jobQueued, clock);
        PasswordHasher hasher = new PasswordHasher();
        Auth auth = new Auth(jdbi, config.auth(), hasher, audit, bodies, clock);
        this.verificationWorker = config.verification().enabled()
                ? new VerificationWorker(kyc, jobs, jobQueued, clock, config.verification().poll().toMillis()) : null;

        CustomerDataChanges verifyChangedData = kyc::customerChanged;
        CustomerService customers = new CustomerService(jdbi, customerRepository, verifyChangedData, clock);
        this.vault = new DocumentVault(documentStore, personalData);
        upgrades.runOnce("seal-plaintext-documents", () -> {
            int sealedObjects = vault.sealLegacyObjects(documentRepository, config.http().multipartTempDir());
            if (sealedObjects > 0) log.info("Encrypted {} documents stored in plaintext by an earlier version", sealedObjects);
        });
        DocumentService documents = new DocumentService(documentRepository, vault,
                config.http().multipartTempDir(), config.http().maxUploadBytes(), clock);
        ReviewModule review = new ReviewModule(jdbi, auth.reviewerLogins(), auth.consoleSessions(), kyc,
                customerRepository, documentRepository, vault, audit, sanctions, bodies, config.review(),
                hasher, clock);
        this.erasures = new Erasures(jdbi, personalData, documentStore, config.retention(),
                config.http().multipartTempDir(), registry, clock);

        IdempotencyKeys idempotency = new IdempotencyKeys(jdbi, personalData, config.http().maxJsonBytes(), clock);
        // Filters run in this order after authentication: the rate limit before idempotency, so a refusal claims no key.
        List<RouteGroup> routes = List.of(
                auth.rateLimits(),
                idempotency,
                new HealthRoutes(() -> database.isReachable() && documentStore.isReachable()),
                new MetricsRoutes(registry, config.metrics().token()),
                new SchemaRoutes(schemas),
                new OpenApiRoutes(),
                auth.routes(),
                new CustomerRoutes(customers, bodies),
                new CustomerStatusRoutes(customers, kyc, bodies),
                erasures.routes(bodies),
                new KycRoutes(kyc, bodies, config.sandbox()),
                new DocumentRoutes(documents, bodies),
                webhooks.routes(),
                sanctions.routes(),
                new HistoryRoutes(audit, customerRepository),
                new SandboxRoutes(jdbi, documentStore, config.sandbox()),
                review);
        this.server = new HttpServer(config.http(), routes, auth.filter(), registry, this::stopBackground);
    }

    /** Opens storage, builds everything, then starts background work and the server; a failed start releases all. */
    public static App start(Config config) throws Exception {
        PrivateFiles.createDirectories(config.dataDir());
        PrivateFiles.createDirectories(config.http().multipartTempDir());
        Database database = Database.open(config.database());
        PrivateFiles.restrictTree(config.dataDir());
        DocumentStore documentStore = null;
        App app = null;
        try {
            documentStore = DocumentStores.open(config.storage());
            app = new App(config, database, documentStore);
            app.webhooks.start();
            app.sanctions.start();
            if (app.verificationWorker != null) app.verificationWorker.start();
            app.erasures.start();
            app.server.start();
            log.info("Akepa listening on http://{}:{} ({} mode)", config.http().host(), app.server.port(),
                    config.mode().name().toLowerCase());
            return app;
        } catch (Exception | Error e) {
            if (app != null) app.stopBackground();
            closeQuietly(documentStore);
            database.close();
            if (app != null) closeQuietly(app.metrics);
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    /** The routes the server registered (for the route table's test). */
    public List<RegisteredRoute> routes() {
        return server.routes();
    }

    public Database database() {
        return database;
    }

    /** Document bytes as the API serves them (decrypted); {@link #documentStore()} holds only ciphertext. */
    public DocumentVault documentVault() {
        return vault;
    }

    public DocumentStore documentStore() {
        return documentStore;
    }

    /** Customers as the API stores them, sealed under their own data keys (benchmarks load through it). */
    public CustomerRepository customers() {
        return customers;
    }

    /** Workers stop before what they use. */
    private void stopBackground() {
        closeQuietly(erasures);
        closeQuietly(verificationWorker);
        closeQuietly(sanctions);
        closeQuietly(webhooks);
    }

    @Override
    public void close() {
        server.stop();
        stopBackground();
        closeQuietly(documentStore);
        database.close();
        metrics.close();
    }

    private static void closeQuietly(Object resource) {
        if (!(resource instanceof AutoCloseable closeable)) return;
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed", resource, e);
        }
    }

    /** A failed command prints one line (what failed and why), never a stack trace; the exit code is 1. */
    public static void main(String[] args) {
        int code;
        try {
            code = Cli.run(args, System.getenv());
        } catch (StartRefused e) {
            System.err.println("akepa: " + e.getMessage());
            code = 1;
        } catch (Exception | Error e) {
            System.err.println("akepa: " + (args.length == 0 ? "serve" : args[0]) + " failed: " + causes(e));
            code = 1;
        }
        System.exit(code);
    }

    /** The messages of the cause chain, each once: the outermost says what, the innermost why. */
    static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            int newline = message.indexOf('\n');
            if (newline >= 0) message = message.substring(0, newline).strip();
            if (text.indexOf(message) >= 0) continue;
            if (!text.isEmpty()) text.append(": ");
            text.append(message);
        }
        return text.toString();
    }
}
