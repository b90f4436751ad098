package dev.akepa.client;

import tools.jackson.databind.JsonNode;

import java.util.List;

/** 400 requestValidateError: the body broke its JSON Schema; {@link #errors()} are AJV 8's errors, typed. */
public final class ValidationException extends AkepaException {
    private final List<ValidationError> errors;

    ValidationException(int status, String code, Integer subCode, String message, JsonNode context, String requestId,
                        List<ValidationError> errors) {
        super(status, code, subCode, message, context, requestId);
        this.errors = List.copyOf(errors);
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
