package dev.akepa.http.schema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A compiled keyword. {@link #evaluate} answers whether it passed and, when it did not, reports AJV's errors to the
 * run. Leaf keywords take their verdict from networknt; applicators recurse the way AJV's generated code does.
 */
sealed interface Keyword {

    boolean evaluate(Evaluation run, JsonNode data, String instancePath, boolean composite);

    /** enum, const, pattern, the length/item/property/number limits and not: an error known at load time. */
    record Assertion(String name, Location at, JsonNode params, String message) implements Keyword {
        @Override
        public boolean evaluate(Evaluation run, JsonNode data, String instancePath, boolean composite) {
            if (!run.failed(at, instancePath)) return true;
            run.report(AjvError.of(instancePath, at.schemaPath(), name, params, message), composite);
            return false;
        }
    }

    /** AJV stops at the first missing name in the keyword's order. */
    record Required(Location at, List<String> names) implements Keyword {
        @Override
        public boolean evaluate(Evaluation run, JsonNode data, String instancePath, boolean composite) {
            Set<String> missing = run.failedProperties(at, instancePath);
            for (String name : names) {
                if (missing.contains(name)) {
                    run.report(AjvError.of(instancePath, at.schemaPath(), "required",
                            AjvError.params("missingProperty", name), "must have required property '" + name + "'"),
                            composite);
                    return false;
                }
            }
            return true;
        }
    }

    /** additionalProperties: false. AJV reports the first extra name in JavaScript's key order. */
    record NoAdditionalProperties(Location at) implements Keyword {
        @Override
        public boolean evaluate(Evaluation run, JsonNode data, String instancePath, boolean composite) {
            Set<String> extra = run.failedProperties(at, instancePath);
            if (extra.isEmpty()) return true;
            List<String> names = JsValues.enumerationOrder(new ArrayList<>(data.propertyNames()));
            for (String name : names) {
                if (extra.contains(name)) {
                    run.report(AjvError.of(instancePath, at.schemaPath(), "additionalProperties",
                            AjvError.params("additionalProperty", name), "must NOT have additional properties"),
                            composite);
                    return false;
                }
            }
            return true;
        }
    }

    /** @param properties in the order AJV iterates them (JavaScript key order of the schema object) */
    record Properties(List<Property> properties) implements Keyword {
        record Property(String name, AjvSchema schema) {}

        @Override
        public boolean evaluate(Evaluation run, JsonNode data, String instancePath, boolean composite) {
            for (Property property : properties) {
                JsonNode value = data.get(property.name());
                if (value == null) continue;
                String path = instancePath + "/" + Location.escapePointerToken(property.name());
                if (!run.validate(property.schema(), value, path, composite)) return false;
            }
            return true;
        }
    }

    /** items with one schema for every element; AJV stops at the first invalid element. */
    record Items(AjvSchema items) implements Keyword {
        @Override
        public boolean evaluate(Evaluation run, JsonNode data, String instancePath, boolean composite) {
            for (int i = 0; i < data.size(); i++) {
                if (!run.validate(items, data.get(i), instancePath + "/" + i, composite)) return false;
            }
            return true;
        }
    }

    /**
     * Every branch runs as a composite rule (its errors are collected, not returned). networknt drops the branch
     * errors when exactly one branch passes, so its own oneOf error decides whether to look at the branches.
     */
    record OneOf(Location at, List<AjvSchema> branches) implements Keyword {
        @Override
        public boolean evaluate(Evaluation run, JsonNode data, String instancePath, boolean composite) {
            if (!run.failed(at, instancePath)) return true;
            int mark = run.mark();
            boolean valid = false;
            JsonNode passing = JsonNodeFactory.instance.nullNode();
            for (int i = 0; i < branches.size(); i++) {
                boolean branchValid = run.validate(branches.get(i), data, instancePath, true);
                // AJV's bookkeeping, quirks included: a third passing branch after two makes the keyword pass again.
                if (i > 0 && branchValid && valid) {
                    valid = false;
                    passing = JsonNodeFactory.instance.arrayNode().add(passing).add(i);
                } else if (branchValid) {
                    valid = true;
                    passing = JsonNodeFactory.instance.numberNode(i);
                }
            }
            if (valid) {
                run.resetTo(mark);
                return true;
            }
            run.collect(AjvError.of(instancePath, at.schemaPath(), "oneOf", AjvError.params("passingSchemas", passing),
                    "must match exactly one schema in oneOf"));
            return false;
        }
    }

    /** AJV stops at the first passing branch; networknt has no error of its own for anyOf, the branches tell. */
    record AnyOf(Location at, List<AjvSchema> branches) implements Keyword {
        @Override
        public boolean evaluate(Evaluation run, JsonNode data, String instancePath, boolean composite) {
            int mark = run.mark();
            for (AjvSchema branch : branches) {
                if (run.validate(branch, data, instancePath, true)) {
                    run.resetTo(mark);
                    return true;
                }
            }
            run.collect(AjvError.of(instancePath, at.schemaPath(), "anyOf", AjvError.noParams(),
                    "must match a schema in anyOf"));
            return false;
        }
    }

    /** allOf has no error of its own; its branches are not composite, so they return like the parent would. */
    record AllOf(List<AjvSchema> branches) implements Keyword {
        @Override
        public boolean evaluate(Evaluation run, JsonNode data, String instancePath, boolean composite) {
            for (AjvSchema branch : branches) {
                if (!run.validate(branch, data, instancePath, composite)) return false;
            }
            return true;
        }
    }

    /**
     * networknt evaluates only the clause the {@code if} selected and reports that clause's errors, so the clause
     * with failures is the one that ran. Its errors come first, then AJV's own "if" error.
     *
     * @param then      the then-schema, or null
     * @param otherwise the else-schema, or null
     */
    record IfThenElse(Location at, AjvSchema then, AjvSchema otherwise) implements Keyword {
        @Override
        public boolean evaluate(Evaluation run, JsonNode data, String instancePath, boolean composite) {
            String clauseName;
            AjvSchema clause;
            if (then != null && !run.passesQuietly(then, data, instancePath)) {
                clauseName = "then";
                clause = then;
            } else if (otherwise != null && !run.passesQuietly(otherwise, data, instancePath)) {
                clauseName = "else";
                clause = otherwise;
            } else {
                return true;
            }
            if (run.validate(clause, data, instancePath, composite)) return true;
            run.collect(AjvError.of(instancePath, at.schemaPath(), "if", AjvError.params("failingKeyword", clauseName),
                    "must match \"" + clauseName + "\" schema"));
            return false;
        }
    }
}
