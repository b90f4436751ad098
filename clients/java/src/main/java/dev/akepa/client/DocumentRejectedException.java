package dev.akepa.client;

import tools.jackson.databind.JsonNode;

/** An upload was refused: fileNotFound, fileTypeMismatch, fileTooLarge, invalidMultipart. */
public final class DocumentRejectedException extends AkepaException {
    DocumentRejectedException(int status, String code, Integer subCode, String message, JsonNode context, String requestId) {
        super(status, code, subCode, message, context, requestId);
    }
}
