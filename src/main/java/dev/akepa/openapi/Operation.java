package dev.akepa.openapi;

import dev.akepa.auth.Access;
import dev.akepa.http.ApiException;

import java.util.ArrayList;
import java.util.List;

/**
 * One route of the API as the OpenAPI document describes it: a row of {@link ApiOperations}. The generic answers
 * (401 for a token route, the JSON body errors, 500) are added by {@link OpenApiDocument}, so a row lists only
 * what is particular to its route: the request body, the success data, and the errors its handler throws — as
 * instances made by the error catalogue, which become both the error schemas and their examples.
 */
record Operation(String method, String path, String tag, String summary, String description, Access access,
                 Request request, Success success, List<QueryParameter> query, List<ApiException> errors,
                 boolean sandboxOnly) {

    /** What the request carries. */
    sealed interface Request {
        /** No body. */
        record None() implements Request {}

        /** A JSON body validated by the schema file {@code schemas/<name>.json}. */
        record JsonBody(String schemaName) implements Request {}

        /** multipart/form-data with one file part. */
        record Multipart() implements Request {}
    }

    /** What a 200 carries. */
    sealed interface Success {
        /** {"code":"0","data":<component>,"requestId"}. */
        record Envelope(String dataComponent) implements Success {}

        /** A body that is not an envelope (metrics, schema files, this document, the docs page). */
        record Raw(String mediaType, String description) implements Success {}
    }

    record QueryParameter(String name, String type, String description) {}

    static Operation get(String path) {
        return new Operation("GET", path, null, null, null, null, new Request.None(), null, List.of(), List.of(), false);
    }

    static Operation post(String path) {
        return new Operation("POST", path, null, null, null, null, new Request.None(), null, List.of(), List.of(), false);
    }

    Operation tag(String newTag) {
        return new Operation(method, path, newTag, summary, description, access, request, success, query, errors, sandboxOnly);
    }

    Operation summary(String newSummary, String newDescription) {
        return new Operation(method, path, tag, newSummary, newDescription, access, request, success, query, errors, sandboxOnly);
    }

    Operation access(Access newAccess) {
        return new Operation(method, path, tag, summary, description, newAccess, request, success, query, errors, sandboxOnly);
    }

    Operation json(String schemaName) {
        return new Operation(method, path, tag, summary, description, access, new Request.JsonBody(schemaName), success,
                query, errors, sandboxOnly);
    }

    Operation multipart() {
        return new Operation(method, path, tag, summary, description, access, new Request.Multipart(), success, query,
                errors, sandboxOnly);
    }

    Operation ok(String dataComponent) {
        return new Operation(method, path, tag, summary, description, access, request,
                new Success.Envelope(dataComponent), query, errors, sandboxOnly);
    }

    Operation raw(String mediaType, String whatItIs) {
        return new Operation(method, path, tag, summary, description, access, request,
                new Success.Raw(mediaType, whatItIs), query, errors, sandboxOnly);
    }

    Operation query(String name, String type, String about) {
        List<QueryParameter> more = new ArrayList<>(query);
        more.add(new QueryParameter(name, type, about));
        return new Operation(method, path, tag, summary, description, access, request, success, List.copyOf(more),
                errors, sandboxOnly);
    }

    Operation errors(ApiException... examples) {
        List<ApiException> more = new ArrayList<>(errors);
        more.addAll(List.of(examples));
        return new Operation(method, path, tag, summary, description, access, request, success, query,
                List.copyOf(more), sandboxOnly);
    }

    Operation onlyInSandbox() {
        return new Operation(method, path, tag, summary, description, access, request, success, query, errors, true);
    }

    /** "POST /akepa/update": how the route table, the contract test and the docs page name an operation. */
    String key() {
        return method + " " + path;
    }

    /** postAkepaDocumentUploadDocumentId: unique and stable, for code generators. */
    String operationId() {
        StringBuilder id = new StringBuilder(method.toLowerCase());
        for (String part : path.split("[/{}_-]+")) {
            if (part.isEmpty()) continue;
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }

    /** The {name} parts of the path, in order. */
    List<String> pathParameters() {
        List<String> names = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (m.find()) names.add(m.group(1));
        return names;
    }
}
