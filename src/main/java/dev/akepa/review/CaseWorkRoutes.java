package dev.akepa.review;

import dev.akepa.auth.Access;
import dev.akepa.auth.Authentication;
import dev.akepa.auth.Reviewer;
import dev.akepa.http.RouteGroup;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.util.List;
import java.util.Objects;

/** Sharing the work: search, closed cases, claiming and releasing a case, "next case". */
final class CaseWorkRoutes implements RouteGroup {
    static final int PAGE_SIZE = 20;

    private final CaseLists lists;
    private final CaseClaims claims;
    private final ReviewQueue queue;
    private final CaseFiles cases;
    private final ConsolePages pages;

    CaseWorkRoutes(CaseLists lists, CaseClaims claims, ReviewQueue queue, CaseFiles cases, ConsolePages pages) {
        this.lists = lists;
        this.claims = claims;
        this.queue = queue;
        this.cases = cases;
        this.pages = pages;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/review/search", this::search, Access.CONSOLE);
        routes.get("/review/closed", this::closed, Access.CONSOLE);
        routes.post("/review/next", this::next, Access.CONSOLE);
        routes.post("/review/applications/{customerId}/claim", this::claim, Access.CONSOLE);
        routes.post("/review/applications/{customerId}/release", this::release, Access.CONSOLE);
    }

    private void search(Context ctx) {
        String q = Objects.requireNonNullElse(ctx.queryParam("q"), "");
        if (q.length() > 200) q = q.substring(0, 200);
        pages.render(ctx, 200, "cases", new CaseListPage(Authentication.reviewer(ctx).login(), Authentication.csrf(ctx),
                "search", q, lists.search(q), 1, null, null));
    }

    private void closed(Context ctx) {
        int page = ConsoleRoutes.pageNumber(ctx.queryParam("page"));
        List<CaseListPage.Row> rows = lists.closed(page, PAGE_SIZE);
        boolean hasNext = rows.size() > PAGE_SIZE;
        pages.render(ctx, 200, "cases", new CaseListPage(Authentication.reviewer(ctx).login(), Authentication.csrf(ctx),
                "closed", "", hasNext ? rows.subList(0, PAGE_SIZE) : rows, page,
                page > 1 ? "/review/closed?page=" + (page - 1) : null, hasNext ? "/review/closed?page=" + (page + 1) : null));
    }

    /** Claims the longest-waiting case nobody else works on and opens it; the queue when none is left. */
    private void next(Context ctx) {
        Reviewer reviewer = Authentication.reviewer(ctx);
        for (int attempt = 0; attempt < 5; attempt++) {
            var found = queue.next(reviewer.id(), claims.liveSince());
            if (found.isEmpty()) break;
            // Two reviewers asking at once may pick the same case: the loser picks again.
            if (claims.claim(found.get(), reviewer).equals(reviewer.login())) {
                ctx.redirect("/review/applications/" + found.get(), HttpStatus.SEE_OTHER);
                return;
            }
        }
        ctx.redirect(ConsoleRoutes.QUEUE + "?empty=1", HttpStatus.SEE_OTHER);
    }

    private void claim(Context ctx) {
        String customerId = cases.customer(ctx.pathParam("customerId")).id();
        Reviewer reviewer = Authentication.reviewer(ctx);
        String holder = claims.claim(customerId, reviewer);
        if (!holder.equals(reviewer.login())) {
            throw ReviewErrors.claimedByOther(customerId, holder);
        }
        ctx.redirect("/review/applications/" + customerId, HttpStatus.SEE_OTHER);
    }

    private void release(Context ctx) {
        String customerId = cases.customer(ctx.pathParam("customerId")).id();
        claims.release(customerId, Authentication.reviewer(ctx));
        ctx.redirect(ConsoleRoutes.QUEUE, HttpStatus.SEE_OTHER);
    }
}
