package dev.akepa.client;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

import java.util.Set;

/** Turns an error answer into the exception of its kind. */
final class ErrorEnvelopes {
    private static final Set<String> NOT_FOUND = Set.of(ErrorCodes.NOT_FOUND, ErrorCodes.CUSTOMER_NOT_FOUND,
            ErrorCodes.IDENTIFICATION_NOT_FOUND, ErrorCodes.DOCUMENT_NOT_FOUND, ErrorCodes.ENTITY_NOT_FOUND,
            ErrorCodes.DELIVERY_NOT_FOUND);
    private static final Set<String> CONFLICT = Set.of(ErrorCodes.CUSTOMER_EXISTS, ErrorCodes.REFERENCE_EXISTS,
            ErrorCodes.EXT_AKEPA, ErrorCodes.DOCUMENT_IN_USE, ErrorCodes.STATUS_APPLICATION,
            ErrorCodes.STATUS_APPLICATION_ENTITY);
    private static final Set<String> DOCUMENT = Set.of(ErrorCodes.FILE_NOT_FOUND, ErrorCodes.FILE_TYPE_MISMATCH,
            ErrorCodes.FILE_TOO_LARGE, ErrorCodes.INVALID_MULTIPART);

    private ErrorEnvelopes() {}

    static AkepaException toException(int status, JsonNode body, String rawBody, ObjectMapper mapper) {
        if (body == null || !body.isObject() || !body.has("code")) {
            return new AkepaException(status, "http" + status, null, abbreviate(rawBody), null, null);
        }
        String code = body.get("code").asString();
        Integer subCode = body.hasNonNull("subCode") ? body.get("subCode").asInt() : null;
        String message = body.hasNonNull("message") ? body.get("message").asString() : null;
        JsonNode context = body.get("context");
        String requestId = body.hasNonNull("requestId") ? body.get("requestId").asString() : null;
        if (code.equals(ErrorCodes.REQUEST_VALIDATE_ERROR)) {
            List<ValidationError> errors = new ArrayList<>();
            if (context != null && context.isArray()) {
                for (JsonNode e : context) errors.add(mapper.treeToValue(e, ValidationError.class));
            }
            return new ValidationException(status, code, subCode, message, context, requestId, errors);
        }
        if (status == 401) return new AuthenticationException(status, code, subCode, message, context, requestId);
        if (status >= 500) return new ServerException(status, code, subCode, message, context, requestId);
        if (NOT_FOUND.contains(code)) return new NotFoundException(status, code, subCode, message, context, requestId);
        if (CONFLICT.contains(code)) return new ConflictException(status, code, subCode, message, context, requestId);
        if (DOCUMENT.contains(code)) return new DocumentRejectedException(status, code, subCode, message, context, requestId);
        return new AkepaException(status, code, subCode, message, context, requestId);
    }

    private static String abbreviate(String body) {
        if (body == null) return null;
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

}
