package dev.akepa.http.schema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.List;

/**
 * STUB — replaced by the AJV-compatible implementation. Validates request bodies against the JSON Schema files
 * under resources/schemas and renders failures exactly as AJV 8 (default options) would.
 */
public final class SchemaValidator {

    public record SchemaInfo(String name, String method, String path) {}

    public static SchemaValidator loadFromClasspath() {
        return new SchemaValidator();
    }

    /** AJV-format errors; an empty array when the body is valid. */
    public ArrayNode validate(String schemaName, JsonNode body) {
        return JsonNodeFactory.instance.arrayNode();
    }

    public List<SchemaInfo> list() {
        return List.of();
    }

    /** The schema document itself, or null when there is no schema of that name. */
    public JsonNode schema(String name) {
        return null;
    }
}
