package dev.akepa.sanctions;

import dev.akepa.customer.CustomerRepository;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.RouteGroup;
import dev.akepa.kyc.ApplicationRepository;
import dev.akepa.verification.ScreeningRecorder;
import dev.akepa.verification.screening.CurrentList;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;

/**
 * The sanctions feature in one object: versioned lists (import at start, polling), the list this node screens
 * against, evidence, alerts, background re-screening and the partner routes.
 */
public final class SanctionsModule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SanctionsModule.class);

    private final SanctionsConfig config;
    private final ListImporter importer;
    private final LiveList live;
    private final EvidenceLog evidence;
    private final SanctionsAlerts alerts;
    private final RescreenRuns runs;
    private final Rescreening rescreening;
    private final SanctionsRoutes routes;

    public SanctionsModule(Jdbi jdbi, SanctionsConfig config, CustomerRepository customers,
                           ApplicationRepository applications, Rescreening.Callbacks callbacks, JsonBodies bodies,
                           MeterRegistry metrics, Clock clock) {
        this.config = config;
        ListVersions versions = new ListVersions(jdbi);
        this.importer = new ListImporter(versions, clock);
        this.live = new LiveList(versions, config.poll(), metrics);
        this.evidence = new EvidenceLog(jdbi);
        this.alerts = new SanctionsAlerts(jdbi);
        this.runs = new RescreenRuns(jdbi, customers, config.batchSize(), config.lease().toMillis());
        this.rescreening = config.rescreening() ? new Rescreening(jdbi, live, runs, customers, applications, evidence,
                alerts, callbacks, config.threshold(), clock, metrics) : null;
        this.routes = new SanctionsRoutes(live, versions, runs, evidence, alerts, customers, bodies, config.threshold());
        Gauge.builder("akepa_sanctions_alerts_open", alerts::openCount).description("Open sanctions alerts").register(metrics);
    }

    /**
     * Imports AKEPA_SANCTIONS_DIR when its files differ from the newest version, then loads the newest version.
     *
     * @param required production: refuse to start without a list rather than approve unscreened
     */
    public void load(boolean required) throws IOException {
        if (config.importDir() != null) importer.importDirectory(config.importDir());
        live.refresh();
        if (required && live.current().isEmpty()) {
            throw new IllegalStateException("production mode needs a sanctions list: set AKEPA_SANCTIONS_DIR to OFAC's"
                    + " files or run ./akepa sanctions import DIR");
        }
        live.current().ifPresent(index -> log.info("Sanctions list version {} loaded", index.version()));
    }

    public void start() {
        live.start();
        if (rescreening != null) rescreening.start();
    }

    public CurrentList currentList() {
        return live;
    }

    public ScreeningRecorder recorder() {
        return evidence;
    }

    public RouteGroup routes() {
        return routes;
    }

    /** For the review console (issue 15): open alerts, rulings, and a customer's evidence. */
    public SanctionsAlerts alerts() {
        return alerts;
    }

    public java.util.List<SanctionsRoutes.EntityView> evidenceOf(String customerId) {
        return routes.entities(customerId);
    }

    public RescreenRuns rescreenRuns() {
        return runs;
    }

    @Override
    public void close() throws Exception {
        if (rescreening != null) rescreening.close();
        live.close();
    }
}
