package dev.akepa.review;

import dev.akepa.http.ApiErrors;
import dev.akepa.json.Json;
import dev.akepa.kyc.EntityOutcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A decision of the review API, read from a body that schemas/review-decision.json has already accepted. */
record DecisionRequest(String customerId, String entityId, EntityOutcome outcome, String reason) {
    static final int MAX_REASON = 2000;

    /**
     * A reason of only spaces is no reason: it is refused as an empty one, with the error AJV gives for "".
     * (The schema cannot say "not blank" portably: \S means different things in JavaScript and Java.)
     */
    static DecisionRequest from(JsonNode body) {
        String reason = body.get("reason").asString().strip();
        if (reason.isEmpty()) {
            ObjectNode error = Json.object();
            error.put("instancePath", "/reason").put("schemaPath", "#/properties/reason/minLength").put("keyword", "minLength");
            error.set("params", Json.object().put("limit", 1));
            error.put("message", "must NOT have fewer than 1 characters");
            throw ApiErrors.validation(Json.MAPPER.createArrayNode().add(error));
        }
        return new DecisionRequest(body.get("customerId").asString(), body.get("entityId").asString(),
                EntityOutcome.fromWire(body.get("outcome").asString()), reason);
    }
}
