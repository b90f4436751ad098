package dev.akepa.client;

import tools.jackson.databind.JsonNode;

/**
 * Something does not exist for this partner: customerNotFound, identificationNotFound, documentNotFound,
 * entityNotFound, deliveryNotFound, or 404 notFound (a route missing, e.g. sandbox routes in production).
 */
public final class NotFoundException extends AkepaException {
    NotFoundException(int status, String code, Integer subCode, String message, JsonNode context, String requestId) {
        super(status, code, subCode, message, context, requestId);
    }
}
