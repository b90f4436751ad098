package dev.akepa.http.schema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** One error object exactly as AJV 8 builds it with default options: these five fields, in this order. */
final class AjvError {
    private AjvError() {}

    static ObjectNode of(String instancePath, String schemaPath, String keyword, JsonNode params, String message) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("instancePath", instancePath);
        error.put("schemaPath", schemaPath);
        error.put("keyword", keyword);
        error.set("params", params.deepCopy());
        error.put("message", message);
        return error;
    }

    static ObjectNode params(String name, JsonNode value) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.set(name, value);
        return params;
    }

    static ObjectNode params(String name, String value) {
        return params(name, JsonNodeFactory.instance.stringNode(value));
    }

    static ObjectNode noParams() {
        return JsonNodeFactory.instance.objectNode();
    }
}
