package dev.akepa.review;

import dev.akepa.auth.Access;
import dev.akepa.auth.Authentication;
import dev.akepa.auth.Reviewer;
import dev.akepa.http.ApiException;
import dev.akepa.http.RouteGroup;
import dev.akepa.kyc.EntityOutcome;
import dev.akepa.kyc.EntityStatus;
import dev.akepa.kyc.KycService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.util.Objects;

/** What a reviewer does to a case besides deciding it: request new documents; four eyes' propose, confirm, reject. */
final class CaseActions implements RouteGroup {
    private final CaseFiles cases;
    private final CaseClaims claims;
    private final Proposals proposals;
    private final KycService kyc;
    private final CaseView view;

    CaseActions(CaseFiles cases, CaseClaims claims, Proposals proposals, KycService kyc, CaseView view) {
        this.cases = cases;
        this.claims = claims;
        this.proposals = proposals;
        this.kyc = kyc;
        this.view = view;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/review/applications/{customerId}/request-documents", this::requestDocuments, Access.CONSOLE);
        routes.post("/review/applications/{customerId}/confirm", this::confirm, Access.CONSOLE);
        routes.post("/review/applications/{customerId}/reject", this::reject, Access.CONSOLE);
    }

    /** Back to the customer: new identity documents (pending_step_up) or corrected data (data_request). */
    private void requestDocuments(Context ctx) {
        Reviewer reviewer = Authentication.reviewer(ctx);
        String customerId = ctx.pathParam("customerId");
        String entityId = Objects.requireNonNullElse(ctx.formParam("entityId"), "");
        String reason = Objects.requireNonNullElse(ctx.formParam("reason"), "").strip();
        String to = Objects.requireNonNullElse(ctx.formParam("to"), "");
        EntityStatus target = to.equals("pending_step_up") ? EntityStatus.PENDING_STEP_UP
                : to.equals("data_request") ? EntityStatus.DATA_REQUEST : null;
        String problem = target == null ? "Choose new identity documents or corrected data."
                : reason.isEmpty() ? "Tell the customer what is needed: the reason is required."
                : reason.length() > DecisionRequest.MAX_REASON ? "The reason is longer than " + DecisionRequest.MAX_REASON + " characters."
                : !claims.freeFor(customerId, reviewer) ? "This case is claimed by " + claims.holder(customerId).orElse("another reviewer") + "."
                : null;
        if (problem != null) {
            view.render(ctx, 400, false, null, problem);
            return;
        }
        try {
            kyc.requestDocuments(customerId, entityId, target, reviewer.login(), "new documents requested: " + reason);
        } catch (ApiException e) {
            view.render(ctx, e.status(), false, null, e.apiMessage());
            return;
        }
        // A decision proposed for the entity was about the documents it had: it does not wait for the new ones.
        proposals.of(customerId, entityId).ifPresent(p -> proposals.remove(p, reviewer, cases.customer(customerId).partnerId()));
        claims.release(customerId, reviewer);
        ctx.redirect("/review/applications/" + customerId + "?requested=" + entityId, HttpStatus.SEE_OTHER);
    }

    void propose(Context ctx, Reviewer reviewer, String customerId, String entityId, EntityOutcome outcome,
                         String reason, String waiver) {
        CasePage page = cases.load(reviewer, "", customerId, false, null, null, "");
        boolean waiting = page.entities().stream().anyMatch(e -> e.entityId().equals(entityId) && e.decidable());
        if (!waiting) {
            view.render(ctx, 400, false, null, "Entity " + entityId + " is not waiting for review.");
            return;
        }
        if (!proposals.propose(reviewer, customerId, cases.customer(customerId).partnerId(), entityId, outcome, reason, waiver)) {
            view.render(ctx, 409, false, null, "A decision for " + entityId + " already waits for a supervisor.");
            return;
        }
        claims.release(customerId, reviewer);
        ctx.redirect("/review/applications/" + customerId + "?proposed=" + entityId, HttpStatus.SEE_OTHER);
    }

    /** A supervisor other than the proposer confirms: the decision takes effect, both names in its reason. */
    private void confirm(Context ctx) {
        Reviewer reviewer = Authentication.reviewer(ctx);
        if (!reviewer.supervisor()) throw ReviewErrors.supervisorRequired();
        String customerId = ctx.pathParam("customerId");
        String entityId = Objects.requireNonNullElse(ctx.formParam("entityId"), "");
        var proposal = proposals.of(customerId, entityId);
        if (proposal.isEmpty()) {
            view.render(ctx, 404, false, null, "No decision for " + entityId + " waits for confirmation.");
            return;
        }
        var p = proposal.get();
        if (p.proposedById() == reviewer.id()) {
            view.render(ctx, 409, false, null, "Four eyes: a second reviewer must confirm your own proposal.");
            return;
        }
        try {
            kyc.review(customerId, entityId, p.outcome(), reviewer.login(), p.reason() + "; four eyes: proposed by reviewer:"
                    + p.proposedBy() + ", confirmed by reviewer:" + reviewer.login(), p.waiver());
        } catch (ApiException e) {
            view.render(ctx, e.status(), false, null, e.apiMessage());
            return;
        }
        proposals.remove(p, null, null);
        ctx.redirect("/review/applications/" + customerId + "?decided=" + entityId, HttpStatus.SEE_OTHER);
    }

    /** A supervisor turns a proposal down (or its proposer withdraws it); the entity waits for a decision again. */
    private void reject(Context ctx) {
        Reviewer reviewer = Authentication.reviewer(ctx);
        String customerId = ctx.pathParam("customerId");
        String entityId = Objects.requireNonNullElse(ctx.formParam("entityId"), "");
        var proposal = proposals.of(customerId, entityId);
        if (proposal.isPresent()) {
            if (!reviewer.supervisor() && proposal.get().proposedById() != reviewer.id()) throw ReviewErrors.supervisorRequired();
            proposals.remove(proposal.get(), reviewer, cases.customer(customerId).partnerId());
        }
        ctx.redirect("/review/applications/" + customerId, HttpStatus.SEE_OTHER);
    }
}
