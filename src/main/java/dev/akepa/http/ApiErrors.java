package dev.akepa.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every error code of the contract in one place, so wording and context shape cannot drift. */
public final class ApiErrors {
    private ApiErrors() {}

    public static ApiException validation(JsonNode ajvErrors) {
        return new ApiException(400, "requestValidateError", null, ajvErrors, null);
    }

    public static ApiException invalidJson(String detail) {
        return new ApiException(400, "invalidJson", null, null, "Request body is not valid JSON: " + detail);
    }

    public static ApiException unsupportedContentType(String expected) {
        return new ApiException(415, "unsupportedMediaType", null, null, "Content-Type must be " + expected);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "unauthorized", null, null, "Authentication error");
    }

    public static ApiException notFound() {
        return new ApiException(404, "notFound", null, null, "Route not found");
    }

    public static ApiException methodNotAllowed() {
        return new ApiException(405, "methodNotAllowed", null, null, "Method not allowed");
    }

    public static ApiException bodyTooLarge(long limit) {
        return new ApiException(413, "requestTooLarge", null, null, "Request body exceeds " + limit + " bytes");
    }

    public static ApiException internal() {
        return new ApiException(500, "internalError", null, null, "Internal server error");
    }

    public static ApiException unavailable() {
        return new ApiException(503, "serviceUnavailable", null, null, "Service temporarily unavailable");
    }

    /** A request Jetty or the router could not take as HTTP (bad escapes, framing, compliance): nothing was run. */
    public static ApiException badRequest() {
        return new ApiException(400, "badRequest", null, null, "Malformed HTTP request");
    }

    public static ApiException requestTimeout() {
        return new ApiException(408, "requestTimeout", null, null, "Request not received in time");
    }

    public static ApiException uriTooLong() {
        return new ApiException(414, "uriTooLong", null, null, "Request URI too long");
    }

    public static ApiException headersTooLarge() {
        return new ApiException(431, "headersTooLarge", null, null, "Request headers too large");
    }

    public static ApiException httpVersionNotSupported() {
        return new ApiException(505, "httpVersionNotSupported", null, null, "HTTP version not supported");
    }

    /** Login throttling and per-partner rate limits; the response carries Retry-After with the same seconds. */
    public static ApiException tooManyRequests(long retryAfterSeconds) {
        return new ApiException(429, "tooManyRequests", null, Json.object().put("retryAfter", retryAfterSeconds),
                "Too many requests; retry after " + retryAfterSeconds + " s");
    }

    public static ApiException idempotencyKeyInvalid() {
        return new ApiException(400, "idempotencyKeyInvalid", null, null,
                "Idempotency-Key must be 1-255 printable ASCII characters");
    }

    public static ApiException idempotencyKeyReused() {
        return new ApiException(400, "idempotencyKeyReused", null, null,
                "Idempotency-Key was already used with a different request");
    }

    public static ApiException idempotencyKeyInProgress() {
        return new ApiException(409, "idempotencyKeyInProgress", null, null,
                "A request with this Idempotency-Key is still in progress");
    }

    public static ApiException customerNotFound(String customerId) {
        return new ApiException(400, "customerNotFound", null, context("customerId", customerId), "Customer not found.");
    }

    public static ApiException customerExists(String aggregatorId, String customerId) {
        ObjectNode ctx = Json.object().put("cFiAggregatorId", aggregatorId).put("customerId", customerId);
        return new ApiException(400, "customerExists", null, ctx, "Customer exists.");
    }

    public static ApiException referenceExists(String reference, String entityId) {
        ObjectNode ctx = Json.object().put("reference", reference).put("entityId", entityId);
        return new ApiException(400, "referenceExists", null, ctx, "Reference exists.");
    }

    public static ApiException identificationNotFound(String customerId) {
        return new ApiException(400, "identificationNotFound", null, context("customerId", customerId),
                "Identification not found");
    }

    public static ApiException duplicateEntityIds() {
        return new ApiException(400, "extAkepa", 4091, null, "Multiple entities cannot have the same external_entity_id.");
    }

    public static ApiException documentAlreadyUploaded() {
        return new ApiException(400, "extAkepa", 4091, null, "The specified document has already been uploaded.");
    }

    public static ApiException documentNotFound(String documentId) {
        return new ApiException(400, "documentNotFound", null, context("documentId", documentId),
                "Document " + documentId + " not found");
    }

    public static ApiException fileNotFound(String documentId) {
        return new ApiException(400, "fileNotFound", null, documentId == null ? null : context("documentId", documentId),
                documentId == null ? "No file in the multipart/form-data body" : "Document " + documentId + " has no uploaded file");
    }

    public static ApiException fileTypeMismatch(String extension) {
        return new ApiException(400, "fileTypeMismatch", null, context("extension", extension),
                "File content is not a " + extension + " image");
    }

    public static ApiException fileTooLarge(long limit) {
        return new ApiException(413, "fileTooLarge", null, Json.object().put("maxBytes", limit),
                "File exceeds the limit of " + limit + " bytes");
    }

    public static ApiException documentInUse(String documentId) {
        return new ApiException(400, "documentInUse", null, context("documentId", documentId),
                "Document " + documentId + " is already attached");
    }

    public static ApiException entityNotFound(String entityId) {
        return new ApiException(400, "entityNotFound", null, context("entityId", entityId),
                "Entity " + entityId + " not found");
    }

    public static ApiException entityStatus(String entityId, String status) {
        return new ApiException(400, "statusApplicationEntity", null, null,
                "Entity " + entityId + " has status " + status);
    }

    public static ApiException applicationStatus(String applicationId, String status) {
        return new ApiException(400, "statusApplication", null, null,
                "Application " + applicationId + " has status " + status);
    }

    private static ObjectNode context(String key, String value) {
        return Json.object().put(key, value);
    }
}
