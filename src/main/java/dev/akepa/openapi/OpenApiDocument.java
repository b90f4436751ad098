package dev.akepa.openapi;

import dev.akepa.auth.Access;
import dev.akepa.http.ApiErrors;
import dev.akepa.http.ApiException;
import dev.akepa.json.Json;
import dev.akepa.http.Responses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document, generated at start from the route table ({@link ApiOperations}), the request schema
 * files under {@code schemas/} (the very files the request validator loads: never a second copy), the response
 * data schemas in {@code openapi/responses.json}, the page's examples in {@code openapi/page-examples.json}, and
 * the errors of the catalogue, whose instances give each error code its schema and its examples.
 */
public final class OpenApiDocument {
    private static final String EXAMPLE_REQUEST_ID = "64e9e590b78f11ed877e9cb46042ed12";
    private static final long DEFAULT_MAX_JSON_BYTES = 1024 * 1024;
    private static final String SANDBOX_ONLY = " Sandbox mode only: in production the route does not exist (404 notFound).";

    private final List<Operation> operations;
    private final Map<String, JsonNode> requestSchemas;
    private final JsonNode responseSchemas;
    private final JsonNode pageExamples;
    private final String version;

    private OpenApiDocument(List<Operation> operations, Map<String, JsonNode> requestSchemas, JsonNode responseSchemas,
                            JsonNode pageExamples, String version) {
        this.operations = operations;
        this.requestSchemas = requestSchemas;
        this.responseSchemas = responseSchemas;
        this.pageExamples = pageExamples;
        this.version = version;
    }

    /** The document as GET /openapi.json serves it. */
    public static ObjectNode generate() {
        Map<String, JsonNode> requests = new LinkedHashMap<>();
        for (JsonNode entry : resource("schemas/index.json")) {
            String name = entry.get("name").asString();
            requests.put(name, resource("schemas/" + name + ".json"));
        }
        return new OpenApiDocument(ApiOperations.all(), requests, resource("openapi/responses.json"),
                resource("openapi/page-examples.json"), version()).build();
    }

    /** "METHOD /path" of every documented route. */
    public static List<String> documentedRoutes() {
        return ApiOperations.all().stream().map(Operation::key).toList();
    }

    /** "METHOD /path" of the routes that are deliberately not part of the API description (the HTML console). */
    public static List<String> undocumentedRoutes() {
        return ApiOperations.NOT_DOCUMENTED;
    }

    private ObjectNode build() {
        ObjectNode doc = Json.object();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Akepa KYC/KYB API");
        info.put("version", version);
        info.put("summary", "The connectFi /akepa KYC/KYB API, self-hosted");
        info.put("description", """
                Every answer is an envelope: success {"code":"0","data":…,"requestId"}, error \
                {"requestId","code","subCode"?,"context"?,"message"?}. Every response carries the x-request-id header. \
                An unknown path answers 404 notFound, a known path with another method 405 methodNotAllowed. \
                Request bodies are validated against the JSON Schemas also served at /schemas; a failure answers \
                400 requestValidateError whose context is exactly what AJV 8 (default options) reports. \
                Requests that are not acceptable HTTP are refused in the same envelope before any route runs: \
                400 badRequest, 408 requestTimeout, 414 uriTooLong, 431 headersTooLarge, 505 httpVersionNotSupported. \
                Every POST of the partner API takes an Idempotency-Key header; partner routes may answer 429 \
                tooManyRequests with Retry-After when AKEPA_RATE_LIMIT is set.""");

        Map<String, List<ApiException>> errorsByCode = new LinkedHashMap<>();
        Set<String> tags = new LinkedHashSet<>();
        ObjectNode paths = doc.putObject("paths");
        for (Operation op : operations) {
            tags.add(op.tag());
            ObjectNode item = paths.has(op.path()) ? (ObjectNode) paths.get(op.path()) : paths.putObject(op.path());
            item.set(op.method().toLowerCase(), operation(op, errorsByCode));
        }
        // what a path without an operation answers (see info.description)
        errorsByCode.computeIfAbsent("notFound", c -> new ArrayList<>()).add(ApiErrors.notFound());
        errorsByCode.computeIfAbsent("methodNotAllowed", c -> new ArrayList<>()).add(ApiErrors.methodNotAllowed());
        ArrayNode tagList = doc.putArray("tags");
        tags.forEach(t -> tagList.addObject().put("name", t));
        doc.set("webhooks", webhooks());

        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        responseSchemas.properties().forEach(e -> {
            if (!e.getKey().startsWith("$")) schemas.set(e.getKey(), e.getValue());
        });
        requestSchemas.forEach((name, schema) -> schemas.set(name, asOpenApiSchema(schema)));
        errorsByCode.forEach((code, examples) -> schemas.set(errorComponent(code), ErrorSchemas.of(code, examples)));
        ObjectNode security = components.putObject("securitySchemes");
        security.putObject("partnerToken").put("type", "apiKey").put("in", "header").put("name", "x-connectfi-token")
                .put("description", "The token from POST /auth/get-token. Missing, unknown or expired: 401 unauthorized.");
        security.putObject("reviewerToken").put("type", "apiKey").put("in", "header").put("name", "x-akepa-reviewer-token")
                .put("description", "The token from POST /review/auth/get-token (review API).");
        components.putObject("headers").putObject("RequestId")
                .put("description", "The requestId of the answer (also in its body)")
                .putObject("schema").put("$ref", "#/components/schemas/RequestId");
        return doc;
    }

    private ObjectNode operation(Operation op, Map<String, List<ApiException>> errorsByCode) {
        ObjectNode o = Json.object();
        o.put("operationId", op.operationId());
        o.putArray("tags").add(op.tag());
        o.put("summary", op.summary());
        String description = (op.description() == null ? "" : op.description()) + (op.sandboxOnly() ? SANDBOX_ONLY : "");
        if (!description.isEmpty()) o.put("description", description.strip());
        ArrayNode parameters = Json.object().arrayNode();
        for (String name : op.pathParameters()) {
            parameters.addObject().put("name", name).put("in", "path").put("required", true)
                    .putObject("schema").put("type", "string");
        }
        for (Operation.QueryParameter q : op.query()) {
            parameters.addObject().put("name", q.name()).put("in", "query").put("required", false)
                    .put("description", q.description()).putObject("schema").put("type", q.type());
        }
        if (idempotent(op)) {
            parameters.addObject().put("name", "Idempotency-Key").put("in", "header").put("required", false)
                    .put("description", "1-255 visible ASCII characters. The same key, route and body from the same "
                            + "partner within 24 h answers the first answer again (status and body byte for byte, "
                            + "Idempotent-Replayed: true); another route or body: 400 idempotencyKeyReused; while "
                            + "the first runs: 409 idempotencyKeyInProgress at once. 5xx, 409 and 429 are not kept.")
                    .putObject("schema").put("type", "string").put("minLength", 1).put("maxLength", 255)
                    .put("pattern", "^[\\x20-\\x7E]+$");
        }
        if (!parameters.isEmpty()) o.set("parameters", parameters);
        ArrayNode security = o.putArray("security");
        if (op.access() == Access.PARTNER) security.addObject().putArray("partnerToken");
        if (op.access() == Access.REVIEWER) security.addObject().putArray("reviewerToken");
        switch (op.request()) {
            case Operation.Request.JsonBody json -> {
                ObjectNode media = o.putObject("requestBody").put("required", true)
                        .putObject("content").putObject("application/json");
                media.putObject("schema").put("$ref", "#/components/schemas/" + json.schemaName());
                JsonNode examples = pageExamples.path(op.key()).path("request");
                if (examples.isObject()) media.set("examples", examples);
            }
            case Operation.Request.Multipart ignored -> {
                ObjectNode schema = o.putObject("requestBody").put("required", true)
                        .putObject("content").putObject("multipart/form-data").putObject("schema");
                schema.put("type", "object").putArray("required").add("file");
                schema.putObject("properties").putObject("file")
                        .put("description", "The image; its bytes must be the document's declared extension (jpg or png)")
                        .put("type", "string").put("contentMediaType", "application/octet-stream");
            }
            case Operation.Request.None ignored -> { }
        }

        ObjectNode responses = o.putObject("responses");
        ObjectNode ok = success(op);
        if (idempotent(op)) {
            ((ObjectNode) ok.get("headers")).putObject("Idempotent-Replayed")
                    .put("description", "true when this is the stored answer to an earlier request with the same Idempotency-Key")
                    .putObject("schema").put("const", "true");
        }
        responses.set("200", ok);
        Map<Integer, List<ApiException>> byStatus = new TreeMap<>();
        for (ApiException e : allErrors(op)) {
            byStatus.computeIfAbsent(e.status(), s -> new ArrayList<>()).add(e);
            errorsByCode.computeIfAbsent(e.code(), c -> new ArrayList<>()).add(e);
        }
        byStatus.forEach((status, errors) -> responses.set(Integer.toString(status), errorResponse(op, status, errors)));
        return o;
    }

    /** The operation's own errors plus those every route of its kind can answer. */
    private static List<ApiException> allErrors(Operation op) {
        List<ApiException> all = new ArrayList<>();
        if (op.request() instanceof Operation.Request.JsonBody) {
            all.add(ApiErrors.validation(Json.object().arrayNode().add(Json.object()
                    .put("instancePath", "").put("schemaPath", "#/required").put("keyword", "required")
                    .<ObjectNode>set("params", Json.object().put("missingProperty", "customerId"))
                    .put("message", "must have required property 'customerId'"))));
            all.add(ApiErrors.invalidJson("Unexpected end-of-input"));
            all.add(ApiErrors.unsupportedContentType("application/json"));
            all.add(ApiErrors.bodyTooLarge(DEFAULT_MAX_JSON_BYTES));
        }
        if (op.access() != null) all.add(ApiErrors.unauthorized());
        if (op.access() == Access.PARTNER) all.add(ApiErrors.tooManyRequests(1)); // AKEPA_RATE_LIMIT
        if (idempotent(op)) {
            all.add(ApiErrors.idempotencyKeyInvalid());
            all.add(ApiErrors.idempotencyKeyReused());
            all.add(ApiErrors.idempotencyKeyInProgress());
        }
        if (op.sandboxOnly()) all.add(ApiErrors.notFound());
        for (ApiException e : op.errors()) {
            if (all.stream().noneMatch(known -> sameExample(known, e))) all.add(e);
        }
        // What any request can be refused with before a route runs (Jetty's and the router's refusals).
        all.add(ApiErrors.badRequest());
        if (!(op.request() instanceof Operation.Request.None)) all.add(ApiErrors.requestTimeout());
        all.add(ApiErrors.uriTooLong());
        all.add(ApiErrors.headersTooLarge());
        all.add(ApiErrors.internal());
        all.add(ApiErrors.httpVersionNotSupported());
        return all;
    }

    /** Every POST of the partner API takes an Idempotency-Key. */
    private static boolean idempotent(Operation op) {
        return op.access() == Access.PARTNER && op.method().equals("POST");
    }

    private static boolean sameExample(ApiException a, ApiException b) {
        return a.code().equals(b.code()) && a.status() == b.status() && String.valueOf(a.apiMessage()).equals(String.valueOf(b.apiMessage()));
    }

    private ObjectNode success(Operation op) {
        ObjectNode r = Json.object();
        r.put("description", "Success");
        r.putObject("headers").putObject("x-request-id").put("$ref", "#/components/headers/RequestId");
        ObjectNode content = r.putObject("content");
        switch (op.success()) {
            case Operation.Success.Envelope envelope -> {
                ObjectNode media = content.putObject("application/json");
                ObjectNode schema = media.putObject("schema");
                schema.put("type", "object").put("additionalProperties", false);
                schema.putArray("required").add("code").add("data").add("requestId");
                ObjectNode properties = schema.putObject("properties");
                properties.putObject("code").put("const", "0");
                properties.putObject("data").put("$ref", "#/components/schemas/" + envelope.dataComponent());
                properties.putObject("requestId").put("$ref", "#/components/schemas/RequestId");
                JsonNode examples = pageExamples.path(op.key()).path("200");
                if (examples.isObject()) media.set("examples", examples);
            }
            case Operation.Success.Raw raw -> {
                r.put("description", raw.description());
                content.putObject(raw.mediaType()).putObject("schema").put("type", raw.mediaType().equals("application/json")
                        || raw.mediaType().equals("application/schema+json") ? "object" : "string");
            }
        }
        return r;
    }

    private ObjectNode errorResponse(Operation op, int status, List<ApiException> errors) {
        ObjectNode r = Json.object();
        Set<String> codes = new LinkedHashSet<>();
        errors.forEach(e -> codes.add(e.code()));
        r.put("description", String.join(", ", codes));
        ObjectNode headers = r.putObject("headers");
        headers.putObject("x-request-id").put("$ref", "#/components/headers/RequestId");
        if (status == 429) {
            headers.putObject("Retry-After").put("description", "Seconds to wait (also context.retryAfter)")
                    .putObject("schema").put("type", "integer").put("minimum", 1);
        }
        ObjectNode media = r.putObject("content").putObject("application/json");
        if (codes.size() == 1) {
            media.putObject("schema").put("$ref", "#/components/schemas/" + errorComponent(codes.iterator().next()));
        } else {
            ArrayNode oneOf = media.putObject("schema").putArray("oneOf");
            codes.forEach(code -> oneOf.addObject().put("$ref", "#/components/schemas/" + errorComponent(code)));
        }
        ObjectNode examples = media.putObject("examples");
        JsonNode page = pageExamples.path(op.key()).path(Integer.toString(status));
        if (page.isObject()) examples.setAll((ObjectNode) page);
        for (ApiException e : errors) {
            String name = e.code();
            for (int i = 2; examples.has(name); i++) name = e.code() + i;
            examples.putObject(name).put("summary", e.apiMessage() == null ? e.code() : e.apiMessage())
                    .set("value", Responses.errorBody(EXAMPLE_REQUEST_ID, e));
        }
        return r;
    }

    private static ObjectNode webhooks() {
        ObjectNode webhooks = Json.object();
        ObjectNode post = webhooks.putObject("applicationStatusChanged").putObject("post");
        post.put("operationId", "applicationStatusChanged");
        post.put("summary", "A KYC/KYB status change, sent to the application's webhookURL");
        post.put("description", """
                Sent on every change of the application (journey or entity status or outcome), in order per \
                application, at least once: ignore a webhook-id you have seen. Signed per Standard Webhooks: \
                base64 HMAC-SHA256 over webhook-id + "." + webhook-timestamp + "." + raw body, keyed with the \
                base64-decoded part of the whsec_ secret from GET /webhooks/secret.""");
        ArrayNode parameters = post.putArray("parameters");
        parameters.addObject().put("name", "webhook-id").put("in", "header").put("required", true)
                .put("description", "msg_ + 22 base62 characters; the same for every retry and replay")
                .putObject("schema").put("type", "string");
        parameters.addObject().put("name", "webhook-timestamp").put("in", "header").put("required", true)
                .put("description", "Unix seconds of this attempt; refuse values far from your clock")
                .putObject("schema").put("type", "string").put("pattern", "^[0-9]+$");
        parameters.addObject().put("name", "webhook-signature").put("in", "header").put("required", true)
                .put("description", "Space-separated v1,<base64 signature> entries (two during a secret rotation)")
                .putObject("schema").put("type", "string");
        post.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .putObject("schema").put("$ref", "#/components/schemas/Callback");
        ObjectNode responses = post.putObject("responses");
        responses.putObject("2XX").put("description", "Delivered");
        responses.putObject("410").put("description", "Gone: no more callbacks to this URL for this application");
        responses.putObject("default").put("description", "Any other answer, or none within the timeout: retried with backoff");
        return webhooks;
    }

    static String errorComponent(String code) {
        return "Error_" + code;
    }

    /** A draft-07 request schema as an OpenAPI 3.1 schema object: the keywords used mean the same in 2020-12. */
    private static JsonNode asOpenApiSchema(JsonNode schema) {
        ObjectNode copy = (ObjectNode) schema.deepCopy();
        copy.remove("$schema");
        return copy;
    }

    private static String version() {
        Properties p = new Properties();
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream("openapi/version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String v = p.getProperty("version", "");
        return v.isEmpty() || v.startsWith("$") ? "development" : v;
    }

    private static JsonNode resource(String name) {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
