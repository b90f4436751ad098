package dev.akepa.client;

import java.time.Instant;
import java.util.List;

/** GET /akepa/history/{customerId}: every change of the application, actors by role only. */
public record History(String customerId, String applicationId, List<Event> events) {

    public record Event(Instant dtsCreatedAt, String actor, String trigger, String reason, Snapshot before,
                        Snapshot after) {}

    public record Snapshot(String status, String outcome, List<EntityApplication> entityApplications) {}
}
