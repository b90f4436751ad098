package dev.akepa.openapi;

import dev.akepa.http.ApiException;
import dev.akepa.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The schema of one error code, read off the catalogue's instances of it: the fields they carry, the subCode they
 * fix, the shape of their context. So the document cannot describe an error differently from how it is thrown.
 */
final class ErrorSchemas {
    private ErrorSchemas() {}

    static ObjectNode of(String code, List<ApiException> examples) {
        ObjectNode schema = Json.object();
        schema.put("type", "object").put("additionalProperties", false);
        var required = schema.putArray("required").add("requestId").add("code");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("requestId").put("$ref", "#/components/schemas/RequestId");
        properties.putObject("code").put("const", code);
        Set<Integer> subCodes = new LinkedHashSet<>();
        examples.forEach(e -> { if (e.subCode() != null) subCodes.add(e.subCode()); });
        if (subCodes.size() == 1) properties.putObject("subCode").put("const", subCodes.iterator().next());
        else if (!subCodes.isEmpty()) properties.putObject("subCode").put("type", "integer");
        JsonNode context = examples.stream().map(ApiException::context).filter(c -> c != null).findFirst().orElse(null);
        if (context != null) properties.set("context", contextSchema(context, examples));
        if (examples.stream().anyMatch(e -> e.apiMessage() != null)) {
            properties.putObject("message").put("type", "string");
            if (examples.stream().allMatch(e -> e.apiMessage() != null)) required.add("message");
        }
        return schema;
    }

    private static ObjectNode contextSchema(JsonNode sample, List<ApiException> examples) {
        ObjectNode schema = Json.object();
        if (sample.isArray()) {
            schema.put("description", "AJV 8's error array");
            schema.put("type", "array").putObject("items").put("$ref", "#/components/schemas/AjvError");
            return schema;
        }
        schema.put("type", "object").put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        for (ApiException e : examples) {
            if (e.context() == null) continue;
            e.context().properties().forEach(field ->
                    properties.putObject(field.getKey()).put("type", field.getValue().isNumber() ? "integer" : "string"));
        }
        return schema;
    }
}
