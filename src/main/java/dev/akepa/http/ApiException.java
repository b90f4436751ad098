package dev.akepa.http;

import tools.jackson.databind.JsonNode;

/**
 * A documented error: HTTP status plus the envelope's code, and optionally subCode, context and message.
 * Thrown anywhere below a handler and rendered by {@link ErrorEnvelope}.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Integer subCode;
    private final JsonNode context;
    private final String apiMessage;

    public ApiException(int status, String code, Integer subCode, JsonNode context, String message) {
        super(code + (message == null ? "" : ": " + message), null, false, false);
        this.status = status;
        this.code = code;
        this.subCode = subCode;
        this.context = context;
        this.apiMessage = message;
    }

    public int status() { return status; }
    public String code() { return code; }
    public Integer subCode() { return subCode; }
    public JsonNode context() { return context; }
    public String apiMessage() { return apiMessage; }
}
