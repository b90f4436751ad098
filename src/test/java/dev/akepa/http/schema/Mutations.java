package dev.akepa.http.schema;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Derives invalid bodies from a valid one: for every keyword that the schema applies to a value present in the
 * body, bodies that break exactly that keyword there (a wrong type, a value outside the enum, one character too
 * many, a missing required property…). Branches of oneOf/anyOf/allOf and if-clauses are followed too, so every
 * keyword of a schema gets exercised when the base body fills every optional field.
 */
final class Mutations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> TYPE_SAMPLES = List.of(NODES.numberNode(12345), NODES.stringNode("text"),
            NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode());

    private final String schemaName;
    private final JsonNode base;
    private final String label;
    private final List<CrossCheckCase> cases = new ArrayList<>();

    private Mutations(String schemaName, JsonNode base, String label) {
        this.schemaName = schemaName;
        this.base = base;
        this.label = label;
    }

    static List<CrossCheckCase> of(String schemaName, JsonNode schema, JsonNode validBody, String label) {
        Mutations mutations = new Mutations(schemaName, validBody, label);
        mutations.add("the valid base body", validBody);
        mutations.walk(schema, "", validBody);
        return mutations.cases;
    }

    private void walk(JsonNode schema, String pointer, JsonNode value) {
        typeMutations(schema, pointer);
        if (schema.has("enum")) replace(pointer, NODES.stringNode("zz-not-allowed"), "outside the enum");
        if (schema.has("const")) replace(pointer, NODES.stringNode("zz-not-constant"), "not the constant");
        if (value.isString()) stringMutations(schema, pointer, value.asString());
        if (value.isNumber()) numberMutations(schema, pointer);
        if (value.isArray()) arrayMutations(schema, pointer, (ArrayNode) value);
        if (value.isObject()) objectMutations(schema, pointer, (ObjectNode) value);
        for (String composite : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(composite)) schema.get(composite).forEach(branch -> walk(branch, pointer, value));
        }
        if (schema.has("then")) walk(schema.get("then"), pointer, value);
        if (schema.has("else")) walk(schema.get("else"), pointer, value);
    }

    private void typeMutations(JsonNode schema, String pointer) {
        JsonNode type = schema.get("type");
        if (type == null) return;
        List<String> types = new ArrayList<>();
        if (type.isArray()) type.forEach(t -> types.add(t.asString()));
        else types.add(type.asString());
        int added = 0;
        for (JsonNode sample : TYPE_SAMPLES) {
            if (added == 2) break;
            if (types.stream().noneMatch(t -> JsValues.hasType(t, sample))) {
                replace(pointer, sample, "a " + sample.getNodeType().name().toLowerCase() + " instead of " + types);
                added++;
            }
        }
    }

    private void stringMutations(JsonNode schema, String pointer, String value) {
        int min = schema.path("minLength").asInt(0);
        if (min > 0) replace(pointer, NODES.stringNode("a".repeat(min - 1)), "one character too short");
        if (schema.has("maxLength")) {
            replace(pointer, NODES.stringNode("a".repeat(schema.get("maxLength").asInt() + 1)), "one character too long");
        }
        if (schema.has("pattern")) {
            replace(pointer, NODES.stringNode("!".repeat(Math.max(1, min))), "not matching the pattern");
            if (value.length() < schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
                replace(pointer, NODES.stringNode(value + "\n"), "matching the pattern but for a final newline");
            }
        }
    }

    private void numberMutations(JsonNode schema, String pointer) {
        if (schema.has("minimum")) {
            replace(pointer, NODES.numberNode(schema.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE)),
                    "below the minimum");
        }
        if (schema.has("maximum")) {
            replace(pointer, NODES.numberNode(schema.get("maximum").decimalValue().add(java.math.BigDecimal.ONE)),
                    "above the maximum");
        }
    }

    private void arrayMutations(JsonNode schema, String pointer, ArrayNode value) {
        int min = schema.path("minItems").asInt(0);
        if (min > 0) {
            ArrayNode shorter = NODES.arrayNode();
            for (int i = 0; i < min - 1 && i < value.size(); i++) shorter.add(value.get(i).deepCopy());
            replace(pointer, shorter, "one item too few");
        }
        if (schema.has("maxItems") && !value.isEmpty()) {
            ArrayNode longer = NODES.arrayNode();
            for (int i = 0; i <= schema.get("maxItems").asInt(); i++) longer.add(value.get(0).deepCopy());
            replace(pointer, longer, "one item too many");
        }
        if (schema.has("items") && !value.isEmpty()) {
            for (int i = 0; i < value.size(); i++) walk(schema.get("items"), pointer + "/" + i, value.get(i));
        }
    }

    private void objectMutations(JsonNode schema, String pointer, ObjectNode value) {
        if (schema.has("required")) {
            for (JsonNode name : schema.get("required")) {
                if (value.has(name.asString())) remove(pointer, name.asString());
            }
        }
        if (schema.has("properties")) {
            JsonNode properties = schema.get("properties");
            for (String name : properties.propertyNames()) {
                if (value.has(name)) {
                    walk(properties.get(name), pointer + "/" + Location.escapePointerToken(name), value.get(name));
                }
            }
        }
    }

    private void replace(String pointer, JsonNode replacement, String what) {
        JsonNode body = base.deepCopy();
        if (pointer.isEmpty()) {
            add("root " + what, replacement);
            return;
        }
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = body.at(at.head());
        if (parent instanceof ObjectNode object) object.set(at.last().getMatchingProperty(), replacement);
        else ((ArrayNode) parent).set(at.last().getMatchingIndex(), replacement);
        add(pointer + " " + what, body);
    }

    private void remove(String pointer, String property) {
        JsonNode body = base.deepCopy();
        ((ObjectNode) body.at(pointer.isEmpty() ? JsonPointer.empty() : JsonPointer.compile(pointer))).remove(property);
        add(pointer + " without " + property, body);
    }

    private void add(String what, JsonNode body) {
        cases.add(new CrossCheckCase(label + ": " + what, schemaName, body));
    }
}
