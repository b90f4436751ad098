package dev.akepa.customer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Identification document values leave the server masked to their last four characters. */
final class Masking {
    private Masking() {}

    static String lastFour(String value) {
        if (value == null) return null;
        int keep = Math.min(4, value.length());
        return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
    }

    /** A deep copy of the customer data with every identificationDocuments[].value masked. */
    static JsonNode maskedCopy(JsonNode customer) {
        JsonNode copy = customer.deepCopy();
        maskDocuments(copy);
        for (JsonNode rep : copy.path("businessRepresentatives")) maskDocuments(rep);
        return copy;
    }

    private static void maskDocuments(JsonNode holder) {
        for (JsonNode doc : holder.path("identificationDocuments")) {
            if (doc instanceof ObjectNode o && o.hasNonNull("value")) o.put("value", lastFour(o.get("value").asString()));
        }
    }
}
