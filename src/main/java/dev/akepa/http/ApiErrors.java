package dev.akepa.http;

import dev.akepa.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The errors of the contract and of request handling, so wording and context shape cannot drift. Codes are listed
 * in {@link ErrorCode}; the webhook and review capabilities build their own errors beside their code.
 */
public final class ApiErrors {
    private ApiErrors() {}

    public static ApiException validation(JsonNode ajvErrors) {
        return new ApiException(400, ErrorCode.REQUEST_VALIDATE_ERROR, null, ajvErrors, null);
    }

    public static ApiException invalidJson(String detail) {
        return new ApiException(400, ErrorCode.INVALID_JSON, null, null, "Request body is not valid JSON: " + detail);
    }

    public static ApiException unsupportedContentType(String expected) {
        return new ApiException(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, null, null, "Content-Type must be " + expected);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, ErrorCode.UNAUTHORIZED, null, null, "Authentication error");
    }

    public static ApiException notFound() {
        return new ApiException(404, ErrorCode.NOT_FOUND, null, null, "Route not found");
    }

    public static ApiException methodNotAllowed() {
        return new ApiException(405, ErrorCode.METHOD_NOT_ALLOWED, null, null, "Method not allowed");
    }

    public static ApiException bodyTooLarge(long limit) {
        return new ApiException(413, ErrorCode.REQUEST_TOO_LARGE, null, null, "Request body exceeds " + limit + " bytes");
    }

    /** Any other status Javalin or Jetty raises before a handler runs, with their own message. */
    public static ApiException httpError(int status, String message) {
        return new ApiException(status, ErrorCode.HTTP_ERROR, null, null, message);
    }

    public static ApiException internal() {
        return new ApiException(500, ErrorCode.INTERNAL_ERROR, null, null, "Internal server error");
    }

    public static ApiException unavailable() {
        return new ApiException(503, ErrorCode.SERVICE_UNAVAILABLE, null, null, "Service temporarily unavailable");
    }

    /** A request Jetty or the router could not take as HTTP (bad escapes, framing, compliance): nothing was run. */
    public static ApiException badRequest() {
        return new ApiException(400, ErrorCode.BAD_REQUEST, null, null, "Malformed HTTP request");
    }

    public static ApiException requestTimeout() {
        return new ApiException(408, ErrorCode.REQUEST_TIMEOUT, null, null, "Request not received in time");
    }

    public static ApiException uriTooLong() {
        return new ApiException(414, ErrorCode.URI_TOO_LONG, null, null, "Request URI too long");
    }

    public static ApiException headersTooLarge() {
        return new ApiException(431, ErrorCode.HEADERS_TOO_LARGE, null, null, "Request headers too large");
    }

    public static ApiException httpVersionNotSupported() {
        return new ApiException(505, ErrorCode.HTTP_VERSION_NOT_SUPPORTED, null, null, "HTTP version not supported");
    }

    /** Login throttling and per-partner rate limits; the response carries Retry-After with the same seconds. */
    public static ApiException tooManyRequests(long retryAfterSeconds) {
        return new ApiException(429, ErrorCode.TOO_MANY_REQUESTS, null, Json.object().put("retryAfter", retryAfterSeconds),
                "Too many requests; retry after " + retryAfterSeconds + " s");
    }

    public static ApiException idempotencyKeyInvalid() {
        return new ApiException(400, ErrorCode.IDEMPOTENCY_KEY_INVALID, null, null,
                "Idempotency-Key must be 1-255 printable ASCII characters");
    }

    public static ApiException idempotencyKeyReused() {
        return new ApiException(400, ErrorCode.IDEMPOTENCY_KEY_REUSED, null, null,
                "Idempotency-Key was already used with a different request");
    }

    public static ApiException idempotencyKeyInProgress() {
        return new ApiException(409, ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS, null, null,
                "A request with this Idempotency-Key is still in progress");
    }

    public static ApiException customerNotFound(String customerId) {
        return new ApiException(400, ErrorCode.CUSTOMER_NOT_FOUND, null, context("customerId", customerId), "Customer not found.");
    }

    public static ApiException customerExists(String aggregatorId, String customerId) {
        ObjectNode ctx = Json.object().put("cFiAggregatorId", aggregatorId).put("customerId", customerId);
        return new ApiException(400, ErrorCode.CUSTOMER_EXISTS, null, ctx, "Customer exists.");
    }

    public static ApiException referenceExists(String reference, String entityId) {
        ObjectNode ctx = Json.object().put("reference", reference).put("entityId", entityId);
        return new ApiException(400, ErrorCode.REFERENCE_EXISTS, null, ctx, "Reference exists.");
    }

    public static ApiException identificationNotFound(String customerId) {
        return new ApiException(400, ErrorCode.IDENTIFICATION_NOT_FOUND, null, context("customerId", customerId),
                "Identification not found");
    }

    public static ApiException duplicateEntityIds() {
        return new ApiException(400, ErrorCode.EXT_AKEPA, 4091, null, "Multiple entities cannot have the same external_entity_id.");
    }

    public static ApiException documentAlreadyUploaded() {
        return new ApiException(400, ErrorCode.EXT_AKEPA, 4091, null, "The specified document has already been uploaded.");
    }

    public static ApiException documentNotFound(String documentId) {
        return new ApiException(400, ErrorCode.DOCUMENT_NOT_FOUND, null, context("documentId", documentId),
                "Document " + documentId + " not found");
    }

    public static ApiException fileNotFound(String documentId) {
        return new ApiException(400, ErrorCode.FILE_NOT_FOUND, null, documentId == null ? null : context("documentId", documentId),
                documentId == null ? "No file in the multipart/form-data body" : "Document " + documentId + " has no uploaded file");
    }

    public static ApiException fileTypeMismatch(String extension) {
        return new ApiException(400, ErrorCode.FILE_TYPE_MISMATCH, null, context("extension", extension),
                "File content is not a " + extension + " image");
    }

    public static ApiException fileTooLarge(long limit) {
        return new ApiException(413, ErrorCode.FILE_TOO_LARGE, null, Json.object().put("maxBytes", limit),
                "File exceeds the limit of " + limit + " bytes");
    }

    public static ApiException invalidMultipart() {
        return new ApiException(400, ErrorCode.INVALID_MULTIPART, null, null, "The multipart/form-data body could not be read");
    }

    public static ApiException documentInUse(String documentId) {
        return new ApiException(400, ErrorCode.DOCUMENT_IN_USE, null, context("documentId", documentId),
                "Document " + documentId + " is already attached");
    }

    public static ApiException entityNotFound(String entityId) {
        return new ApiException(400, ErrorCode.ENTITY_NOT_FOUND, null, context("entityId", entityId),
                "Entity " + entityId + " not found");
    }

    public static ApiException entityStatus(String entityId, String status) {
        return new ApiException(400, ErrorCode.STATUS_APPLICATION_ENTITY, null, null,
                "Entity " + entityId + " has status " + status);
    }

    public static ApiException applicationStatus(String applicationId, String status) {
        return new ApiException(400, ErrorCode.STATUS_APPLICATION, null, null,
                "Application " + applicationId + " has status " + status);
    }

    /** A reviewer approves a person who has not shown an identity document and records no waiver. */
    public static ApiException identityDocumentsRequired(String entityId) {
        return new ApiException(400, ErrorCode.IDENTITY_DOCUMENTS_REQUIRED, null, context("entityId", entityId),
                "Entity " + entityId + " has not shown an identity document (a passport front, or the front and back of"
                        + " one two-sided document): attach one, or record why it is waived");
    }

    private static ObjectNode context(String key, String value) {
        return Json.object().put(key, value);
    }
}
