package dev.akepa.client;

import tools.jackson.databind.JsonNode;

/** 5xx: internalError or serviceUnavailable. Safe to retry with the same Idempotency-Key. */
public final class ServerException extends AkepaException {
    ServerException(int status, String code, Integer subCode, String message, JsonNode context, String requestId) {
        super(status, code, subCode, message, context, requestId);
    }
}
