package dev.akepa.review;

import dev.akepa.audit.AuditEntry;
import dev.akepa.audit.AuditExport;
import dev.akepa.audit.AuditKind;
import dev.akepa.audit.AuditTrail;
import dev.akepa.auth.Access;
import dev.akepa.auth.Authentication;
import dev.akepa.auth.Reviewer;
import dev.akepa.http.RouteGroup;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A supervisor's audit export for an examiner: a customer's rows or a date range (UTC days, both included), as
 * JSON lines with the chain's seal, checked offline by `./akepa audit verify --file`. Each export is itself on the
 * audit trail (kind export), before a byte is sent.
 */
final class AuditExportRoutes implements RouteGroup {
    private final AuditExport export;
    private final AuditTrail audit;
    private final CaseFiles cases;
    private final ConsolePages pages;
    private final Clock clock;

    AuditExportRoutes(AuditExport export, AuditTrail audit, CaseFiles cases, ConsolePages pages, Clock clock) {
        this.export = export;
        this.audit = audit;
        this.cases = cases;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/review/audit", this::form, Access.CONSOLE);
        routes.get("/review/audit/export", this::export, Access.CONSOLE);
    }

    private static Reviewer supervisor(Context ctx) {
        Reviewer reviewer = Authentication.reviewer(ctx);
        if (!reviewer.supervisor()) throw ReviewErrors.supervisorRequired();
        return reviewer;
    }

    private void form(Context ctx) {
        Reviewer reviewer = supervisor(ctx);
        pages.render(ctx, 200, "audit", new AuditExportPage(reviewer.login(), Authentication.csrf(ctx), null));
    }

    private void export(Context ctx) throws IOException {
        Reviewer reviewer = supervisor(ctx);
        String customerId = Objects.requireNonNullElse(ctx.queryParam("customerId"), "").strip();
        AuditExport.Filter filter;
        String what;
        Long partnerId = null;
        if (!customerId.isEmpty()) {
            var customer = cases.customer(customerId);
            partnerId = customer.partnerId();
            filter = AuditExport.Filter.customer(customer.id());
            what = "customer " + customer.id();
        } else {
            LocalDate from, to;
            try {
                from = LocalDate.parse(Objects.requireNonNullElse(ctx.queryParam("from"), ""));
                to = LocalDate.parse(Objects.requireNonNullElse(ctx.queryParam("to"), ""));
            } catch (DateTimeParseException e) {
                pages.render(ctx, 400, "audit", new AuditExportPage(reviewer.login(), Authentication.csrf(ctx),
                        "Give a customer id, or both dates (YYYY-MM-DD)."));
                return;
            }
            if (to.isBefore(from)) {
                pages.render(ctx, 400, "audit", new AuditExportPage(reviewer.login(), Authentication.csrf(ctx),
                        "The range ends before it starts."));
                return;
            }
            filter = AuditExport.Filter.range(from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                    to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            what = "from " + from + " to " + to;
        }
        long now = clock.millis();
        audit.append(new AuditEntry(AuditKind.EXPORT, filter.customerId(), null, partnerId, "reviewer:" + reviewer.login(),
                "audit-export", "audit trail exported: " + what, null, null, now));
        ConsolePages.secure(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"akepa-audit-" + now + ".jsonl\"");
        ctx.contentType("application/x-ndjson; charset=utf-8");
        export.write(filter, "reviewer:" + reviewer.login(), now, ctx.outputStream());
    }
}
