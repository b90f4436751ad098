package dev.akepa.sanctions;

import dev.akepa.auth.Partner;
import dev.akepa.auth.Authentication;
import dev.akepa.customer.CustomerRepository;
import dev.akepa.auth.Access;
import dev.akepa.http.ApiErrors;
import dev.akepa.json.Json;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.Responses;
import dev.akepa.http.RouteGroup;
import dev.akepa.http.Times;
import dev.akepa.verification.screening.CurrentList;
import dev.akepa.verification.screening.SanctionsMatch;
import dev.akepa.verification.screening.ScreeningQuery;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import tools.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Partner routes: GET /sanctions/lists (the versions), POST /screening/search (the list, searched directly) and
 * GET /akepa/screening/{customerId} (the evidence of a customer's screenings; another partner's customer does not
 * exist).
 */
public final class SanctionsRoutes implements RouteGroup {
    static final int MAX_SEARCH_RESULTS = 10;

    private final CurrentList list;
    private final ListVersions versions;
    private final RescreenRuns runs;
    private final EvidenceLog evidence;
    private final SanctionsAlerts alerts;
    private final CustomerRepository customers;
    private final JsonBodies bodies;
    private final double threshold;

    public SanctionsRoutes(CurrentList list, ListVersions versions, RescreenRuns runs, EvidenceLog evidence,
                           SanctionsAlerts alerts, CustomerRepository customers, JsonBodies bodies, double threshold) {
        this.list = list;
        this.versions = versions;
        this.runs = runs;
        this.evidence = evidence;
        this.alerts = alerts;
        this.customers = customers;
        this.bodies = bodies;
        this.threshold = threshold;
    }

    record Lists(Long current, List<VersionView> versions) {}

    record VersionView(long listVersion, String dtsImportedAt, List<FileView> files, int entries, int aliases,
                       int weakAliases, int consolidatedEntries, RescreeningView rescreening) {}

    record FileView(String name, String sha256) {}

    record RescreeningView(int batches, int batchesDone, long names, long alerts) {}

    record SearchResult(long listVersion, List<EvidenceMatch.Brief> matches) {}

    record CustomerScreening(String customerId, List<EntityView> entities, List<AlertView> alerts) {}

    public record EntityView(String entityId, long listVersion, String dtsScreenedAt, String trigger, List<EvidenceMatch> matches) {}

    record AlertView(String alertId, String entityId, String entryId, long listVersion, double score, String status,
                     String dtsCreatedAt) {}

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/sanctions/lists", this::lists, Access.PARTNER);
        routes.post("/screening/search", this::search, Access.PARTNER);
        routes.get("/akepa/screening/{customerId}", this::customerScreening, Access.PARTNER);
    }

    private void lists(Context ctx) {
        List<VersionView> views = new ArrayList<>();
        for (ListVersions.Version v : versions.all()) {
            RescreeningView rescreening = runs.progress(v.id())
                    .map(p -> new RescreeningView(p.batches(), p.batchesDone(), p.names(), p.alerts())).orElse(null);
            views.add(new VersionView(v.id(), time(v.importedAtMillis()),
                    v.files().entrySet().stream().map(e -> new FileView(e.getKey(), e.getValue())).toList(),
                    v.entries(), v.aliases(), v.weakAliases(), v.consolidatedEntries(), rescreening));
        }
        Responses.ok(ctx, new Lists(list.current().map(CurrentList.ListIndex::version).orElse(null), views));
    }

    private void search(Context ctx) {
        JsonNode body = bodies.read(ctx, "screening-search");
        CurrentList.ListIndex index = list.current().orElseThrow(SanctionsErrors::listUnavailable);
        String name = body.get("name").asString();
        String type = Json.textOrNull(body, "type");
        LocalDate dateOfBirth = date(Json.textOrNull(body, "dateOfBirth"));
        String country = Json.textOrNull(body, "countryCodeA3");
        Set<String> countries = country == null ? Set.of() : Set.of(country);
        double minScore = body.has("minScore") ? body.get("minScore").asDouble() : threshold;
        List<SanctionsMatch> matches = new ArrayList<>();
        if (type == null || type.equals("individual")) {
            matches.addAll(index.list().screen(new ScreeningQuery(ScreeningQuery.Party.PERSON, List.of(name), dateOfBirth, countries), minScore));
        }
        if (type == null || type.equals("business")) {
            matches.addAll(index.list().screen(ScreeningQuery.business(List.of(name), countries), minScore));
        }
        matches.sort(Comparator.comparingDouble(SanctionsMatch::score).reversed().thenComparing(m -> m.entry().entryId()));
        List<EvidenceMatch.Brief> best = matches.stream().limit(MAX_SEARCH_RESULTS).map(m -> EvidenceMatch.of(m).brief()).toList();
        Responses.ok(ctx, new SearchResult(index.version(), best));
    }

    private void customerScreening(Context ctx) {
        Partner partner = Authentication.partner(ctx);
        String customerId = ctx.pathParam("customerId");
        if (customers.find(partner.id(), customerId).isEmpty()) throw ApiErrors.customerNotFound(customerId);
        Responses.ok(ctx, new CustomerScreening(customerId, entities(customerId), alerts.ofCustomer(customerId).stream()
                .map(a -> new AlertView(a.alertId(), a.entityId(), a.entryId(), a.listVersion(), a.score(),
                        a.status().name().toLowerCase(java.util.Locale.ROOT), time(a.createdAtMillis())))
                .toList()));
    }

    /** What issue 15's case page shows beside the application: the latest screening of each entity. */
    List<EntityView> entities(String customerId) {
        return evidence.latestOf(customerId).stream().map(e -> new EntityView(e.entityId(), e.listVersion(),
                time(e.screenedAtMillis()), e.trigger(), e.matches())).toList();
    }

    private static LocalDate date(String text) {
        if (text == null) return null;
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw SanctionsErrors.invalidDate("dateOfBirth", text);
        }
    }

    private static String time(long millis) {
        return Times.format(Instant.ofEpochMilli(millis));
    }
}
