package dev.akepa.auth;

import dev.akepa.http.ApiException;
import dev.akepa.http.ErrorCode;

/** Errors of reviewer sessions that the partner API does not have (unauthorized is the contract's: ApiErrors). */
public final class AuthErrors {
    private AuthErrors() {}

    public static ApiException csrf() {
        return new ApiException(403, ErrorCode.CSRF_TOKEN_INVALID, null, null,
                "The form's CSRF token is missing or wrong: reload the page and try again");
    }
}
