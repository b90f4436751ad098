package dev.akepa.review;

import java.util.List;

/** The review queue: applications with an entity in waiting_review, oldest wait first. Public for JTE. */
public record QueuePage(String reviewer, String csrf, Filter filter, List<String> partners, List<Row> rows,
                        int page, String previousUrl, String nextUrl) {

    /** Empty strings mean "any". {@code minAge}: one of {@link #AGES} ("" = any). */
    public record Filter(String partner, String status, String minAge) {
        public static final List<String> STATUSES = List.of("waiting_review", "completed");
        public static final List<String> AGES = List.of("1h", "24h", "7d");
    }

    public record Row(String customerId, String name, String customerType, String reference, String partner,
                      String journeyStatus, String waitingSince, String waitingFor, int entitiesWaiting, String url) {}
}
