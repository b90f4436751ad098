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
import dev.akepa.customer.CustomerRepository;
import dev.akepa.customer.CustomerRoutes;
import dev.akepa.customer.CustomerService;
import dev.akepa.document.DocumentRepository;
import dev.akepa.document.DocumentRoutes;
import dev.akepa.document.DocumentService;
import dev.akepa.document.DocumentStore;
import dev.akepa.document.DocumentStores;
import dev.akepa.kyc.Kyc;
import dev.akepa.review.ReviewModule;
import dev.akepa.store.Database;
import dev.akepa.verification.VerificationProvider;
import dev.akepa.verification.VerificationProviders;
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
    private final Kyc kyc;
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
        VerificationProvider verification = VerificationProviders.forMode(config.sandbox(), config.sanctions(), clock);
        this.webhooks = new Webhooks(jdbi, metrics, clock, config.webhook());
        AuditTrail audit = new AuditTrail(jdbi);
        CustomerService customers = new CustomerService(jdbi, customerRepository, clock);
        this.kyc = new Kyc(jdbi, customerRepository, documentRepository, verification, webhooks.urlGuard(),
                List.of(webhooks.listener(), audit), config.verification(), customers, bodies, config.sandbox(), clock);
        Auth auth = new Auth(jdbi, config.auth(), new PasswordHasher(), audit, bodies, clock);

        DocumentService documents = new DocumentService(documentRepository, documentStore,
                config.http().multipartTempDir(), config.http().maxUploadBytes(), clock);
        ReviewModule review = new ReviewModule(jdbi, auth.reviewerLogins(), auth.consoleSessions(), kyc.service(),
                customerRepository, documentRepository, documentStore, audit, bodies, clock);

        List<RouteGroup> routes = List.of(
                new HealthRoutes(() -> database.isReachable() && documentStore.isReachable()),
                new SchemaRoutes(schemas),
                auth.routes(),
                new CustomerRoutes(customers, bodies),
                kyc.routes(),
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
            app.kyc.start();
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

    /** The routes the server registered (for the route table's test). */
    public List<RegisteredRoute> routes() {
        return server.routes();
    }

    public Database database() {
        return database;
    }

    public DocumentStore documentStore() {
        return documentStore;
    }

    /** Workers stop before what they use. */
    private void stopBackground() {
        closeQuietly(kyc);
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
