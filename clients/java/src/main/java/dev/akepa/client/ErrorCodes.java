package dev.akepa.client;

/** The documented error codes ({@link AkepaException#code()}). */
public final class ErrorCodes {
    private ErrorCodes() {}

    public static final String REQUEST_VALIDATE_ERROR = "requestValidateError";
    public static final String INVALID_JSON = "invalidJson";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupportedMediaType";
    public static final String REQUEST_TOO_LARGE = "requestTooLarge";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String NOT_FOUND = "notFound";
    public static final String METHOD_NOT_ALLOWED = "methodNotAllowed";
    public static final String CUSTOMER_NOT_FOUND = "customerNotFound";
    public static final String CUSTOMER_EXISTS = "customerExists";
    public static final String REFERENCE_EXISTS = "referenceExists";
    public static final String IDENTIFICATION_NOT_FOUND = "identificationNotFound";
    /** With subCode 4091: duplicate entity ids, or a document uploaded twice. */
    public static final String EXT_AKEPA = "extAkepa";
    public static final String DOCUMENT_NOT_FOUND = "documentNotFound";
    public static final String FILE_NOT_FOUND = "fileNotFound";
    public static final String FILE_TYPE_MISMATCH = "fileTypeMismatch";
    public static final String FILE_TOO_LARGE = "fileTooLarge";
    public static final String INVALID_MULTIPART = "invalidMultipart";
    public static final String DOCUMENT_IN_USE = "documentInUse";
    public static final String ENTITY_NOT_FOUND = "entityNotFound";
    public static final String STATUS_APPLICATION_ENTITY = "statusApplicationEntity";
    public static final String STATUS_APPLICATION = "statusApplication";
    public static final String INVALID_WEBHOOK_URL = "invalidWebhookUrl";
    public static final String DELIVERY_NOT_FOUND = "deliveryNotFound";
    public static final String INVALID_PARAMETER = "invalidParameter";
    public static final String INTERNAL_ERROR = "internalError";
    public static final String SERVICE_UNAVAILABLE = "serviceUnavailable";
}
