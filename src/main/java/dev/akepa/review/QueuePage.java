package dev.akepa.review;

import java.util.List;

/** The review queue: applications with an entity in waiting_review, oldest wait first. Public for JTE. */
public record QueuePage(String reviewer, String csrf, Filter filter, List<String> partners, List<Row> rows,
                        int page, String previousUrl, String nextUrl, boolean empty) {

    /**
     * Empty strings mean "any". {@code minAge}: one of {@link #AGES} ("" = any). {@code mine}: only cases claimed by
     * the reviewer. {@code newestFirst}: the age column sorted the other way (the default is the longest wait first).
     */
    public record Filter(String partner, String status, String minAge, boolean mine, boolean newestFirst) {
        public static final List<String> STATUSES = List.of("waiting_review", "completed");
        public static final List<String> AGES = List.of("1h", "24h", "7d");

        /** The query string of this filter, with the sort given. */
        public String query(boolean newest) {
            return "partner=" + partner + "&status=" + status + "&age=" + minAge + (mine ? "&mine=1" : "")
                    + (newest ? "&sort=newest" : "");
        }
    }

    /** {@code claimedBy}: the login holding a live claim, or "". */
    public record Row(String customerId, String name, String customerType, String reference, String partner,
                      String journeyStatus, String waitingSince, String waitingFor, int entitiesWaiting, String url,
                      String claimedBy) {}
}
