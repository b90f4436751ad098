package dev.akepa.review;

import java.util.List;

/**
 * A list of cases that is not the queue: search results or closed cases. Public for JTE.
 *
 * @param kind "search" or "closed"
 */
public record CaseListPage(String reviewer, String csrf, String kind, String query, List<Row> rows, int page,
                           String previousUrl, String nextUrl) {

    /** {@code decision}: the outcome and who decided when (closed cases), else "". */
    public record Row(String customerId, String name, String customerType, String reference, String partner,
                      String applicationId, String journey, String at, String decidedBy, String url) {}

    public String title() {
        return kind.equals("search") ? "Search" : "Closed cases";
    }
}
