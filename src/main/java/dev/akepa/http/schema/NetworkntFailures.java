package dev.akepa.http.schema;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What networknt found wrong with one body, indexed by (keyword location, instance location) so the AJV emulation
 * can ask "did this keyword fail on this value?". For {@code required} and {@code additionalProperties} it also
 * keeps the property names networknt named, because AJV reports only one of them.
 */
final class NetworkntFailures {
    private static final char SEPARATOR = '\u0000';
    private final Map<String, Set<String>> propertiesByFailure = new HashMap<>();

    static NetworkntFailures of(List<Error> errors) {
        NetworkntFailures failures = new NetworkntFailures();
        for (Error error : errors) {
            NodePath fragment = error.getSchemaLocation().getFragment();
            String key = key(pointer(fragment), pointer(error.getInstanceLocation()));
            Set<String> properties = failures.propertiesByFailure.computeIfAbsent(key, k -> new LinkedHashSet<>());
            if (error.getProperty() != null) properties.add(error.getProperty());
        }
        return failures;
    }

    boolean failed(Location keyword, String instancePath) {
        return propertiesByFailure.containsKey(key(keyword.pointer(), instancePath));
    }

    /** The property names networknt reported for a failed required/additionalProperties; empty when none. */
    Set<String> properties(Location keyword, String instancePath) {
        return propertiesByFailure.getOrDefault(key(keyword.pointer(), instancePath), Set.of());
    }

    private static String key(String schemaPointer, String instancePointer) {
        return schemaPointer + SEPARATOR + instancePointer;
    }

    private static String pointer(NodePath path) {
        if (path == null) return "";
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(Location.escapePointerToken(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }
}
