package dev.akepa.review;

import dev.akepa.audit.AuditExport;
import dev.akepa.audit.AuditTrail;
import dev.akepa.auth.ConsoleSessions;
import dev.akepa.auth.PasswordHasher;
import dev.akepa.auth.ReviewerLogins;
import dev.akepa.auth.ReviewerRepository;
import dev.akepa.customer.CustomerRepository;
import dev.akepa.document.DocumentRepository;
import dev.akepa.document.DocumentVault;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.RouteGroup;
import dev.akepa.kyc.KycService;
import dev.akepa.sanctions.SanctionsModule;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/**
 * The review feature as one route group: the console and the review API (reviewer accounts, sessions and tokens
 * are auth's).
 * Decisions go through {@link KycService#review}, so they follow the same rules, recompute the journey and reach
 * every change listener (webhook outbox, audit trail) in the decision's transaction.
 */
public final class ReviewModule implements RouteGroup {
    private final ConsoleRoutes console;
    private final ReviewApiRoutes api;
    private final CaseWorkRoutes work;
    private final CaseActions actions;
    private final AuditExportRoutes exports;
    private final ReviewerAccountRoutes accounts;

    public ReviewModule(Jdbi jdbi, ReviewerLogins logins, ConsoleSessions sessions, KycService kyc,
                        CustomerRepository customers, DocumentRepository documents, DocumentVault store,
                        AuditTrail audit, SanctionsModule sanctions, JsonBodies bodies, ReviewConfig config,
                        PasswordHasher hasher, Clock clock) {
        Proposals proposals = new Proposals(jdbi, audit, clock);
        CaseFiles cases = new CaseFiles(jdbi, customers, kyc, documents, audit, new CaseReasons(sanctions), proposals);
        ReviewQueue queue = new ReviewQueue(jdbi, customers, clock);
        CaseClaims claims = new CaseClaims(jdbi, clock, config);
        ConsolePages pages = new ConsolePages();
        CaseView view = new CaseView(cases, claims, pages);
        this.actions = new CaseActions(cases, claims, proposals, kyc, view);
        this.console = new ConsoleRoutes(logins, sessions, queue, cases, kyc, store, audit, pages, claims, view, actions,
                config.fourEyes(), clock);
        this.work = new CaseWorkRoutes(new CaseLists(jdbi, customers), claims, queue, cases, pages);
        this.exports = new AuditExportRoutes(new AuditExport(jdbi), audit, cases, pages, clock);
        this.accounts = new ReviewerAccountRoutes(new ReviewerRepository(jdbi), hasher, audit, pages, clock);
        this.api = new ReviewApiRoutes(kyc, bodies, config.fourEyes());
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        console.register(routes);
        api.register(routes);
        work.register(routes);
        actions.register(routes);
        exports.register(routes);
        accounts.register(routes);
    }
}
