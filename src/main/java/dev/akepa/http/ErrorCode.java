package dev.akepa.http;

/**
 * Every error code Akepa sends, in one list: an {@link ApiException} can carry no other. The messages and
 * contexts are built by each capability's factory (ApiErrors for the contract's own codes, webhook's
 * WebhookErrors, review's ReviewErrors); docs/errors.md documents every code here, and ErrorCatalogueTest holds
 * the two to each other. A new code: a constant here, a factory in its capability, a row in docs/errors.md.
 */
public enum ErrorCode {
    // request handling (http)
    REQUEST_VALIDATE_ERROR("requestValidateError"),
    INVALID_JSON("invalidJson"),
    UNSUPPORTED_MEDIA_TYPE("unsupportedMediaType"),
    REQUEST_TOO_LARGE("requestTooLarge"),
    NOT_FOUND("notFound"),
    METHOD_NOT_ALLOWED("methodNotAllowed"),
    HTTP_ERROR("httpError"),
    // hardening: Jetty's own refusals, throttling, idempotency keys
    BAD_REQUEST("badRequest"),
    REQUEST_TIMEOUT("requestTimeout"),
    URI_TOO_LONG("uriTooLong"),
    HEADERS_TOO_LARGE("headersTooLarge"),
    HTTP_VERSION_NOT_SUPPORTED("httpVersionNotSupported"),
    TOO_MANY_REQUESTS("tooManyRequests"),
    IDEMPOTENCY_KEY_INVALID("idempotencyKeyInvalid"),
    IDEMPOTENCY_KEY_REUSED("idempotencyKeyReused"),
    IDEMPOTENCY_KEY_IN_PROGRESS("idempotencyKeyInProgress"),
    INTERNAL_ERROR("internalError"),
    SERVICE_UNAVAILABLE("serviceUnavailable"),
    // auth
    UNAUTHORIZED("unauthorized"),
    // customer and kyc
    CUSTOMER_NOT_FOUND("customerNotFound"),
    CUSTOMER_EXISTS("customerExists"),
    REFERENCE_EXISTS("referenceExists"),
    IDENTIFICATION_NOT_FOUND("identificationNotFound"),
    ENTITY_NOT_FOUND("entityNotFound"),
    STATUS_APPLICATION_ENTITY("statusApplicationEntity"),
    STATUS_APPLICATION("statusApplication"),
    /** The page's catch-all code; which case is told by the subCode (4091…). */
    EXT_AKEPA("extAkepa"),
    /** A reviewer approves a person without the identity-document step and without a waiver. */
    IDENTITY_DOCUMENTS_REQUIRED("identityDocumentsRequired"),
    // document
    DOCUMENT_NOT_FOUND("documentNotFound"),
    DOCUMENT_IN_USE("documentInUse"),
    FILE_NOT_FOUND("fileNotFound"),
    FILE_TYPE_MISMATCH("fileTypeMismatch"),
    FILE_TOO_LARGE("fileTooLarge"),
    INVALID_MULTIPART("invalidMultipart"),
    // webhook
    INVALID_WEBHOOK_URL("invalidWebhookUrl"),
    DELIVERY_NOT_FOUND("deliveryNotFound"),
    INVALID_PARAMETER("invalidParameter"),
    // sanctions
    SANCTIONS_LIST_UNAVAILABLE("sanctionsListUnavailable"),
    INVALID_DATE("invalidDate"),
    // review console
    CSRF_TOKEN_INVALID("csrfTokenInvalid"),
    CASE_CLAIMED("caseClaimed"),
    FOUR_EYES_REQUIRED("fourEyesRequired"),
    SUPERVISOR_REQUIRED("supervisorRequired");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    /** The envelope's {@code code}, exactly as the contract spells it. */
    public String wire() {
        return wire;
    }
}
