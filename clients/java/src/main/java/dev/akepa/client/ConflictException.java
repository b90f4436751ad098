package dev.akepa.client;

import tools.jackson.databind.JsonNode;

/**
 * The request clashes with what exists: customerExists, referenceExists, extAkepa (4091), documentInUse,
 * statusApplication, statusApplicationEntity.
 */
public final class ConflictException extends AkepaException {
    ConflictException(int status, String code, Integer subCode, String message, JsonNode context, String requestId) {
        super(status, code, subCode, message, context, requestId);
    }
}
