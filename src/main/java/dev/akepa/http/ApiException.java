package dev.akepa.http;

import tools.jackson.databind.JsonNode;

/**
 * A documented error: HTTP status plus the envelope's code (one of {@link ErrorCode}), and optionally subCode, context and message.
 * Thrown anywhere below a handler and rendered by {@link ErrorEnvelope}.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final ErrorCode code;
    private final Integer subCode;
    private final JsonNode context;
    private final String apiMessage;

    public ApiException(int status, ErrorCode code, Integer subCode, JsonNode context, String message) {
        super(code.wire() + (message == null ? "" : ": " + message), null, false, false);
        this.status = status;
        this.code = code;
        this.subCode = subCode;
        this.context = context;
        this.apiMessage = message;
    }

    public int status() { return status; }
    public String code() { return code.wire(); }
    public Integer subCode() { return subCode; }
    public JsonNode context() { return context; }
    public String apiMessage() { return apiMessage; }
}
