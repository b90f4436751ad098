package dev.akepa;

import dev.akepa.audit.AuditTrail;
import dev.akepa.audit.HistoryRoutes;
import dev.akepa.auth.AuthRoutes;
import dev.akepa.auth.PartnerAuthentication;
import dev.akepa.auth.PartnerRepository;
import dev.akepa.auth.PasswordHasher;
import dev.akepa.auth.TokenService;
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
import dev.akepa.document.LocalDocumentStore;
import dev.akepa.document.S3Config;
import dev.akepa.document.S3DocumentStore;
import dev.akepa.kyc.ApplicationRepository;
import dev.akepa.kyc.KycRoutes;
import dev.akepa.kyc.KycService;
import dev.akepa.kyc.VerificationJobs;
import dev.akepa.kyc.VerificationWorker;
import dev.akepa.review.ReviewConfig;
import dev.akepa.review.ReviewModule;
import dev.akepa.store.Database;
import dev.akepa.verification.ProductionVerification;
import dev.akepa.verification.SandboxVerification;
import dev.akepa.verification.VerificationProvider;
import dev.akepa.verification.screening.SanctionsList;
import dev.akepa.webhook.WebhookConfig;
import dev.akepa.webhook.Webhooks;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Wires Akepa: config → database → repositories → services → routes → server. Nothing else lives here. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Database database;
    private final DocumentStore documentStore;
    private final HttpServer server;
    private final List<AutoCloseable> background = new ArrayList<>();

    private App(Config config) throws Exception {
        Files.createDirectories(config.dataDir());
        Files.createDirectories(config.http().multipartTempDir());
        Clock clock = Clock.systemUTC();
        this.database = Database.open(config.database());
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        PasswordHasher hasher = new PasswordHasher();
        PartnerRepository partners = new PartnerRepository(database.jdbi());
        config.partners().forEach((login, password) -> {
            if (partners.createIfAbsent(login, hasher.hash(password), clock.millis())) {
                log.info("Created partner '{}' from configuration", login);
            }
        });
        TokenService tokens = new TokenService(partners, hasher, config.tokenLifetime(), clock);
        SchemaValidator schemas = SchemaValidator.loadFromClasspath();
        JsonBodies bodies = new JsonBodies(schemas, config.http().maxJsonBytes());

        var jdbi = database.jdbi();
        CustomerRepository customerRepository = new CustomerRepository(jdbi);
        DocumentRepository documentRepository = new DocumentRepository(jdbi);
        VerificationJobs jobs = new VerificationJobs(jdbi, config.verificationLease().toMillis());
        Webhooks webhooks = new Webhooks(jdbi, metrics, clock,
                WebhookConfig.fromEnv(config.env(), config.sandbox(), config.dataDir()));
        KycService kyc = new KycService(jdbi, customerRepository, new ApplicationRepository(), documentRepository,
                verificationProvider(config, clock), jobs, webhooks.urlGuard(), clock);
        kyc.addListener(webhooks.listener());
        webhooks.start();
        background.add(webhooks);
        CustomerService customers = new CustomerService(jdbi, customerRepository, kyc::kycStatus, clock);
        this.documentStore = switch (config.get("AKEPA_STORAGE", "local")) {
            case "local" -> new LocalDocumentStore(config.dataDir());
            case "s3" -> {
                S3DocumentStore s3 = S3DocumentStore.connect(S3Config.fromEnv(config.env()));
                background.add(s3);
                yield s3;
            }
            default -> throw new IllegalArgumentException("AKEPA_STORAGE must be local or s3");
        };
        DocumentService documents = new DocumentService(documentRepository, documentStore,
                config.http().multipartTempDir(), config.http().maxUploadBytes(), clock);
        AuditTrail audit = new AuditTrail(jdbi);
        kyc.addListener(audit);
        ReviewModule review = new ReviewModule(jdbi, ReviewConfig.from(config::get), kyc, customerRepository,
                documentRepository, documentStore, audit, hasher, bodies, clock);
        if (config.verificationWorkers()) {
            background.add(new VerificationWorker(kyc, jobs, clock, config.verificationPoll().toMillis()).start());
        }

        List<RouteGroup> routes = List.of(
                new HealthRoutes(() -> database.isReachable() && documentStore.isReachable()),
                new SchemaRoutes(schemas),
                new AuthRoutes(tokens, bodies),
                new CustomerRoutes(customers, bodies),
                new KycRoutes(kyc, bodies, config.sandbox()),
                new DocumentRoutes(documents, bodies),
                webhooks.routes(),
                new HistoryRoutes(audit, customerRepository),
                review);
        this.server = new HttpServer(config.http(), routes, new PartnerAuthentication(tokens), metrics, this::stopBackground);
    }

    /** Sandbox triggers by default; production mode verifies data and screens names against the sanctions list. */
    private static VerificationProvider verificationProvider(Config config, Clock clock) throws IOException {
        if (config.sandbox()) return new SandboxVerification();
        Path dir = Path.of(config.get("AKEPA_SANCTIONS_DIR", config.dataDir().resolve("ofac").toString()));
        long started = System.nanoTime();
        SanctionsList sanctions = SanctionsList.load(dir);
        log.info("Loaded {} sanctions list entries from {} in {} ms", sanctions.size(), dir,
                (System.nanoTime() - started) / 1_000_000);
        double threshold = Double.parseDouble(config.get("AKEPA_SCREENING_THRESHOLD",
                Double.toString(SanctionsList.DEFAULT_THRESHOLD)));
        return new ProductionVerification(sanctions, clock, threshold);
    }

    public static App start(Config config) throws Exception {
        App app = new App(config);
        app.server.start();
        log.info("Akepa listening on http://{}:{} ({} mode)", config.http().host(), app.server.port(),
                config.mode().name().toLowerCase());
        return app;
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

    private void stopBackground() {
        // Reverse start order: workers stop before what they use.
        for (AutoCloseable c : background.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed", c, e);
            }
        }
        background.clear();
    }

    @Override
    public void close() {
        server.stop();
        stopBackground();
        database.close();
    }

    public static void main(String[] args) throws Exception {
        System.exit(Cli.run(args, System.getenv()));
    }

    static Map<String, String> env() {
        return System.getenv();
    }
}
