package dev.akepa.review;

import dev.akepa.http.ApiException;
import dev.akepa.http.ErrorCode;
import dev.akepa.json.Json;

/** Errors of the console and the review API that the partner API does not have. */
final class ReviewErrors {
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
}
