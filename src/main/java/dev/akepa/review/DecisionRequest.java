package dev.akepa.review;

import dev.akepa.http.ApiErrors;
import dev.akepa.http.Json;
import dev.akepa.kyc.EntityOutcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A decision of the review API, after schemas/review-decision.json. The schema validates first; these checks
 * repeat the ones the code relies on, in AJV's order and wording, so the handler never sees a body it cannot use.
 */
record DecisionRequest(String customerId, String entityId, EntityOutcome outcome, String reason) {
    static final int MAX_REASON = 2000;
    private static final List<String> REQUIRED = List.of("customerId", "entityId", "outcome", "reason");

    static DecisionRequest from(JsonNode body) {
        for (String field : REQUIRED) {
            if (!body.has(field)) {
                throw invalid("", "#/required", "required", Json.object().put("missingProperty", field),
                        "must have required property '" + field + "'");
            }
        }
        for (String field : REQUIRED) {
            if (!body.get(field).isString()) {
                throw invalid("/" + field, "#/properties/" + field + "/type", "type", Json.object().put("type", "string"),
                        "must be string");
            }
        }
        String outcome = body.get("outcome").asString();
        if (!outcome.equals("approved") && !outcome.equals("denied")) {
            ObjectNode params = Json.object();
            params.putArray("allowedValues").add("approved").add("denied");
            throw invalid("/outcome", "#/properties/outcome/enum", "enum", params, "must be equal to one of the allowed values");
        }
        String reason = body.get("reason").asString();
        if (reason.length() > MAX_REASON) {
            throw invalid("/reason", "#/properties/reason/maxLength", "maxLength", Json.object().put("limit", MAX_REASON),
                    "must NOT have more than " + MAX_REASON + " characters");
        }
        if (reason.isBlank()) {
            throw invalid("/reason", "#/properties/reason/pattern", "pattern", Json.object().put("pattern", "\\S"),
                    "must match pattern \"\\S\"");
        }
        return new DecisionRequest(body.get("customerId").asString(), body.get("entityId").asString(),
                EntityOutcome.fromWire(outcome), reason.strip());
    }

    private static RuntimeException invalid(String instancePath, String schemaPath, String keyword, ObjectNode params,
                                            String message) {
        ObjectNode error = Json.object();
        error.put("instancePath", instancePath).put("schemaPath", schemaPath).put("keyword", keyword);
        error.set("params", params);
        error.put("message", message);
        return ApiErrors.validation(Json.MAPPER.createArrayNode().add(error));
    }
}
