package dev.akepa.review;

import dev.akepa.http.ApiException;
import dev.akepa.http.ErrorCode;
import dev.akepa.json.Json;

/** Errors of the console and the review API that the partner API does not have. */
public final class ReviewErrors {
    private ReviewErrors() {}

    static ApiException documentNotFound(String documentId) {
        return new ApiException(404, ErrorCode.DOCUMENT_NOT_FOUND, null, Json.object().put("documentId", documentId),
                "Document " + documentId + " not found");
    }

    static ApiException claimedByOther(String customerId, String holder) {
        return new ApiException(409, ErrorCode.CASE_CLAIMED, null,
                Json.object().put("customerId", customerId).put("claimedBy", holder),
                "Case " + customerId + " is claimed by " + holder);
    }

    /** The review API cannot decide what four eyes holds for a supervisor's confirmation in the console. */
    public static ApiException fourEyesRequired(String entityId, String outcome) {
        return new ApiException(409, ErrorCode.FOUR_EYES_REQUIRED, null,
                Json.object().put("entityId", entityId).put("outcome", outcome),
                "Four eyes is on for " + outcome + " decisions: propose it in the console, where a supervisor confirms it");
    }

    static ApiException supervisorRequired() {
        return new ApiException(403, ErrorCode.SUPERVISOR_REQUIRED, null, Json.object(),
                "Only a supervisor may do this");
    }
}
