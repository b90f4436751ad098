package dev.akepa.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.akepa.json.Json;
import dev.akepa.openapi.OpenApiDocument;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The contract test: {@link ApiClient} hands every answer it receives here, and it must be what the OpenAPI document
 * says for that route and status — a documented status, the documented media type, and a JSON body valid against
 * the response schema (whose objects allow no undocumented field). So every test of the suite that talks to the
 * server through the shared client also tests the document. Unknown paths must answer the notFound error, known
 * paths with another method the methodNotAllowed error.
 */
public final class Contract {
    private static final String DOCUMENT_URI = "urn:akepa:openapi";
    private static final Contract INSTANCE = new Contract(OpenApiDocument.generate());

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<PathTemplate> paths = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record PathTemplate(String template, Pattern pattern, boolean literal) {
        static PathTemplate of(String template) {
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            return new PathTemplate(template, Pattern.compile(regex), !template.contains("{"));
        }
    }

    /** "METHOD template" of the routes left out of the document on purpose (the HTML console): not checked. */
    private final List<String[]> leftOut = new ArrayList<>();

    private Contract(JsonNode document) {
        this.document = document;
        String text = Json.MAPPER.writeValueAsString(document);
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOCUMENT_URI, text)));
        for (String template : document.get("paths").propertyNames()) paths.add(PathTemplate.of(template));
        for (String route : OpenApiDocument.undocumentedRoutes()) leftOut.add(route.split(" ", 2));
        // a literal path wins over a template that also matches, as in the router
        paths.sort((a, b) -> Boolean.compare(b.literal(), a.literal()));
    }

    /** Fails (AssertionError) when the answer to {@code method path} is not what the document describes. */
    public static void check(String method, String rawPath, ApiResponse response) {
        INSTANCE.verify(method, rawPath, response);
    }

    private void verify(String method, String rawPath, ApiResponse response) {
        if (method.equals("HEAD") || method.equals("OPTIONS")) return;
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        String status = Integer.toString(response.status());
        String where = method + " " + rawPath + " → " + status;
        for (String[] route : leftOut) {
            if (route[0].equals(method) && PathTemplate.of(route[1]).pattern().matcher(path).matches()) return;
        }
        PathTemplate template = paths.stream().filter(p -> p.pattern().matcher(path).matches()).findFirst().orElse(null);
        if (template == null) {
            expectError(where, response, 404, "notFound");
            return;
        }
        JsonNode operation = document.get("paths").get(template.template()).get(method.toLowerCase());
        if (operation == null) {
            expectError(where, response, 405, "methodNotAllowed");
            return;
        }
        JsonNode documented = operation.get("responses").get(status);
        if (documented == null) {
            throw new AssertionError("contract: " + where + " is not documented in /openapi.json (documented: "
                    + operation.get("responses").propertyNames() + "): " + abbreviate(response.raw()));
        }
        String mediaType = documented.get("content").propertyNames().iterator().next();
        String contentType = response.headers().firstValue("content-type").orElse("");
        if (!contentType.startsWith(mediaType)) {
            throw new AssertionError("contract: " + where + " answered content-type '" + contentType
                    + "' where the document says " + mediaType);
        }
        if (!mediaType.equals("application/json")) return;
        String pointer = "/paths/" + escape(template.template()) + "/" + method.toLowerCase() + "/responses/" + status
                + "/content/application~1json/schema";
        validate(where, pointer, response);
    }

    /** The schema errors of {@code value} against the schema at {@code pointer} in the document (empty: valid). */
    public static List<String> problems(String pointer, JsonNode value) {
        return INSTANCE.schemaAt(pointer).validate(value).stream().map(Error::toString).toList();
    }

    private Schema schemaAt(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + p)));
    }

    private void expectError(String where, ApiResponse response, int status, String code) {
        if (response.status() != status) {
            throw new AssertionError("contract: " + where + " has no documented operation, so only " + status + " "
                    + code + " may answer: " + abbreviate(response.raw()));
        }
        validate(where, "/components/schemas/Error_" + code, response);
    }

    private void validate(String where, String pointer, ApiResponse response) {
        if (response.json() == null) {
            throw new AssertionError("contract: " + where + " should answer JSON: " + abbreviate(response.raw()));
        }
        List<Error> errors = schemaAt(pointer).validate(response.json());
        if (!errors.isEmpty()) {
            throw new AssertionError("contract: " + where + " does not match its schema in /openapi.json ("
                    + pointer + "): " + errors + "\nbody: " + abbreviate(response.raw()));
        }
    }

    /** JSON pointer escaping, then URI escaping of what a fragment cannot hold. */
    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }

    private static String abbreviate(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }
}
