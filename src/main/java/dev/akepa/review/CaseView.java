package dev.akepa.review;

import dev.akepa.auth.Authentication;
import io.javalin.http.Context;

/** Renders the case page of the request's path, for the reviewer asking, with its claim. */
final class CaseView {
    private final CaseFiles cases;
    private final CaseClaims claims;
    private final ConsolePages pages;

    CaseView(CaseFiles cases, CaseClaims claims, ConsolePages pages) {
        this.cases = cases;
        this.claims = claims;
        this.pages = pages;
    }

    void render(Context ctx, int status, boolean revealed, String notice, String error) {
        String customerId = ctx.pathParam("customerId");
        pages.render(ctx, status, "case", cases.load(Authentication.reviewer(ctx), Authentication.csrf(ctx),
                customerId, revealed, notice, error, claims.holder(customerId).orElse("")));
    }
}
