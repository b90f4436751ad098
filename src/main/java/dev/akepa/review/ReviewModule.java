package dev.akepa.review;

import dev.akepa.audit.AuditTrail;
import dev.akepa.auth.LoginThrottle;
import dev.akepa.auth.PasswordHasher;
import dev.akepa.customer.CustomerRepository;
import dev.akepa.document.DocumentRepository;
import dev.akepa.document.DocumentStore;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.RouteGroup;
import dev.akepa.kyc.ApplicationRepository;
import dev.akepa.kyc.KycService;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/**
 * The review feature as one route group: the reviewer authentication filter, the console and the review API.
 * Decisions go through {@link KycService#review}, so they follow the same rules, recompute the journey and reach
 * every change listener (webhook outbox, audit trail) in the decision's transaction.
 */
public final class ReviewModule implements RouteGroup {
    private final ReviewerAuthentication authentication;
    private final ConsoleRoutes console;
    private final ReviewApiRoutes api;

    public ReviewModule(Jdbi jdbi, ReviewConfig config, KycService kyc, CustomerRepository customers,
                        DocumentRepository documents, DocumentStore store, AuditTrail audit, PasswordHasher hasher,
                        LoginThrottle throttle, JsonBodies bodies, Clock clock) {
        ReviewerRepository reviewers = new ReviewerRepository(jdbi);
        ReviewerLogins logins = new ReviewerLogins(reviewers, hasher, audit, config, throttle, clock);
        ReviewerSessions sessions = new ReviewerSessions(reviewers, config, clock);
        ReviewerTokens tokens = new ReviewerTokens(reviewers, config, clock);
        this.authentication = new ReviewerAuthentication(tokens, sessions);
        CaseFiles cases = new CaseFiles(jdbi, customers, new ApplicationRepository(), documents, audit);
        this.console = new ConsoleRoutes(logins, sessions, new ReviewQueue(jdbi, clock), cases, kyc, store, audit,
                new ConsolePages(), clock);
        this.api = new ReviewApiRoutes(logins, tokens, kyc, bodies);
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.beforeMatched(authentication);
        routes.exception(ConsoleRedirect.class, (e, ctx) -> ctx.redirect(e.location(), HttpStatus.SEE_OTHER));
        console.register(routes);
        api.register(routes);
    }
}
