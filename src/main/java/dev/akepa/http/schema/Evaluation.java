package dev.akepa.http.schema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One replay of AJV's generated code (allErrors: false) over a body networknt found invalid. The control flow is
 * AJV's; the verdict of every leaf keyword is networknt's.
 *
 * <p>AJV has two ways to fail. Outside a composite rule (oneOf/anyOf/not/if branches) a keyword error ends the
 * whole validation at once, as the only error. Inside one, errors are collected and evaluation of that subschema
 * stops after the failing keyword (or, for a failed up-front type check, after the untyped group). oneOf, anyOf and
 * if always collect their own error after their branches' errors.
 */
final class Evaluation {
    private final NetworkntFailures failures;
    private final List<ObjectNode> errors = new ArrayList<>();

    private Evaluation(NetworkntFailures failures) {
        this.failures = failures;
    }

    static ArrayNode run(AjvSchema root, JsonNode body, NetworkntFailures failures) {
        Evaluation evaluation = new Evaluation(failures);
        try {
            evaluation.validate(root, body, "", false);
        } catch (Returned returned) {
            // AJV's "return false" with the error already stored: nothing after it runs.
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        evaluation.errors.forEach(result::add);
        return result;
    }

    boolean validate(AjvSchema schema, JsonNode data, String instancePath, boolean composite) {
        if (!schema.hasRules()) return true;
        int start = errors.size();
        AjvSchema.TypeCheck type = schema.type();
        if (type != null && type.upFront() && failures.failed(type.at(), instancePath)) {
            report(typeError(type, instancePath), composite);
        }
        for (AjvSchema.Group group : schema.groups()) {
            if (group.dataType() == null || JsValues.hasType(group.dataType(), data)) {
                for (Keyword keyword : group.keywords()) {
                    if (!keyword.evaluate(this, data, instancePath, composite)) break;
                }
            } else if (type != null && group.dataType().equals(type.inGroup()) && failures.failed(type.at(), instancePath)) {
                report(typeError(type, instancePath), composite);
            }
            if (errors.size() > start) return false;
        }
        return errors.size() == start;
    }

    /** Whether a subschema passes, without keeping its errors: used to find which if-clause networknt ran. */
    boolean passesQuietly(AjvSchema schema, JsonNode data, String instancePath) {
        return new Evaluation(failures).validate(schema, data, instancePath, true);
    }

    boolean failed(Location keyword, String instancePath) {
        return failures.failed(keyword, instancePath);
    }

    Set<String> failedProperties(Location keyword, String instancePath) {
        return failures.properties(keyword, instancePath);
    }

    /** A plain keyword error: returned at once outside composite rules, collected inside them. */
    void report(ObjectNode error, boolean composite) {
        if (composite) {
            errors.add(error);
            return;
        }
        errors.clear();
        errors.add(error);
        throw Returned.INSTANCE;
    }

    /** The own error of oneOf/anyOf/if, which AJV always collects instead of returning. */
    void collect(ObjectNode error) {
        errors.add(error);
    }

    int mark() {
        return errors.size();
    }

    void resetTo(int mark) {
        while (errors.size() > mark) errors.removeLast();
    }

    private static ObjectNode typeError(AjvSchema.TypeCheck type, String instancePath) {
        return AjvError.of(instancePath, type.at().schemaPath(), "type", AjvError.params("type", type.param()),
                type.message());
    }

    /** Unwinds to {@link #run}: AJV's early return. Carries no stack trace; it is control flow. */
    private static final class Returned extends RuntimeException {
        static final Returned INSTANCE = new Returned();

        private Returned() {
            super(null, null, false, false);
        }
    }
}
