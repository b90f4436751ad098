package dev.akepa.client;

import tools.jackson.databind.JsonNode;

/**
 * An error answer of the API, in its envelope: {@code {"requestId","code","subCode"?,"context"?,"message"?}}.
 * The subclass says what kind of problem it is; {@link #code()} says exactly which ({@link ErrorCodes}).
 */
public class AkepaException extends RuntimeException {
    private final int status;
    private final String code;
    private final Integer subCode;
    private final String apiMessage;
    private final JsonNode context;
    private final String requestId;

    public AkepaException(int status, String code, Integer subCode, String apiMessage, JsonNode context, String requestId) {
        super("HTTP " + status + " " + code + (subCode == null ? "" : " " + subCode)
                + (apiMessage == null ? "" : ": " + apiMessage) + " (requestId " + requestId + ")");
        this.status = status;
        this.code = code;
        this.subCode = subCode;
        this.apiMessage = apiMessage;
        this.context = context;
        this.requestId = requestId;
    }

    /** The HTTP status. */
    public int status() { return status; }

    /** The envelope's code, e.g. customerNotFound. */
    public String code() { return code; }

    /** The envelope's subCode (4091 for extAkepa), or null. */
    public Integer subCode() { return subCode; }

    /** The envelope's message, or null. */
    public String apiMessage() { return apiMessage; }

    /** The envelope's context (an object such as {"customerId":…}, or AJV's error array), or null. */
    public JsonNode context() { return context; }

    /** The requestId of the answer: quote it when asking the operator about a request. */
    public String requestId() { return requestId; }
}
