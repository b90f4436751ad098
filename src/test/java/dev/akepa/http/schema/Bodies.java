package dev.akepa.http.schema;

import dev.akepa.json.Json;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Request bodies for validation tests: the valid customers in test resources, and edits of them. */
final class Bodies {
    private Bodies() {}

    static JsonNode individual() {
        return resource("validation/individual.json");
    }

    static JsonNode business() {
        return resource("validation/business.json");
    }

    static JsonNode json(String text) {
        return Json.MAPPER.readTree(text);
    }

    /** A copy of {@code body} with the value at {@code pointer} set to {@code jsonValue} (parsed JSON text). */
    static JsonNode with(JsonNode body, String pointer, String jsonValue) {
        JsonNode copy = body.deepCopy();
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(at.head());
        JsonNode value = json(jsonValue);
        if (parent instanceof ObjectNode object) object.set(at.last().getMatchingProperty(), value);
        else ((ArrayNode) parent).set(at.last().getMatchingIndex(), value);
        return copy;
    }

    /** A copy of {@code body} without the property at {@code pointer}. */
    static JsonNode without(JsonNode body, String pointer) {
        JsonNode copy = body.deepCopy();
        JsonPointer at = JsonPointer.compile(pointer);
        ((ObjectNode) copy.at(at.head())).remove(at.last().getMatchingProperty());
        return copy;
    }

    static JsonNode resource(String path) {
        try (InputStream in = Bodies.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing test resource " + path);
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
