package dev.akepa.client;

import java.time.Instant;
import java.util.List;

/** The answer to POST /customer/init. {@code businessRepresentatives} is null for an individual. */
public record CustomerCreated(String customerId, String reference, String customerType, String kycStatus,
                              Instant dtsCreatedAt, List<RepresentativeId> businessRepresentatives) {

    /** A representative's id as the server knows it (yours, or generated). */
    public record RepresentativeId(String id, String firstName, String lastName) {}
}
