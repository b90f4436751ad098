package dev.akepa.customer;

import tools.jackson.databind.JsonNode;

/**
 * A stored customer. {@code data} is the validated {@code customer} object of /customer/init, with generated
 * business representative ids filled in.
 */
public record Customer(String id, long partnerId, String reference, CustomerType type, JsonNode data, long createdAtMillis) {
    /** kycStatus of a customer with no identification yet: the page's first step is still to come. */
    public static final String KYC_STATUS_BEFORE_IDENTIFICATION = "WAITING_DATA";

    public enum CustomerType {
        INDIVIDUAL("individual"), BUSINESS("business");

        private final String wire;

        CustomerType(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static CustomerType fromWire(String wire) {
            return wire.equals("business") ? BUSINESS : INDIVIDUAL;
        }
    }
}
