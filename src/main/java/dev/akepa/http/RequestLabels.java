package dev.akepa.http;

import io.javalin.http.Context;

import java.util.Set;

/**
 * What metrics and the access log say about a request, from closed sets only: the method and path are chosen by
 * whoever connects, so their raw values would let anyone add series (issue 11) or write into the log.
 */
record RequestLabels(String method, String route, String status) {
    static final String OTHER_METHOD = "other";
    static final String UNMATCHED_ROUTE = "unmatched";
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "QUERY");

    static RequestLabels of(Context ctx) {
        String method = ctx.req().getMethod();
        var matched = ctx.endpoints().matchedHttpEndpoint();
        int status = ctx.statusCode();
        return new RequestLabels(
                METHODS.contains(method) ? method : OTHER_METHOD,
                // the template ("/akepa/status/{customerId}"), never the path: ids stay out, probes share one value
                matched == null ? UNMATCHED_ROUTE : matched.path,
                status >= 100 && status <= 599 ? Integer.toString(status) : "other");
    }
}
