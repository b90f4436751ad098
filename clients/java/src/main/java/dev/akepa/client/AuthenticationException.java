package dev.akepa.client;

import tools.jackson.databind.JsonNode;

/** 401 unauthorized: wrong login or password, or a token the server no longer accepts even after renewal. */
public final class AuthenticationException extends AkepaException {
    AuthenticationException(int status, String code, Integer subCode, String message, JsonNode context, String requestId) {
        super(status, code, subCode, message, context, requestId);
    }
}
