package dev.akepa.sanctions;

import dev.akepa.http.ApiException;
import dev.akepa.http.ErrorCode;
import dev.akepa.json.Json;

/** The sanctions feature's documented errors (docs/errors.md). */
public final class SanctionsErrors {
    private SanctionsErrors() {}

    public static ApiException listUnavailable() {
        return new ApiException(503, ErrorCode.SANCTIONS_LIST_UNAVAILABLE, null, null, "No sanctions list has been imported yet");
    }

    public static ApiException invalidDate(String field, String value) {
        return new ApiException(400, ErrorCode.INVALID_DATE, null, Json.object().put(field, value),
                field + " is not a calendar date");
    }
}
