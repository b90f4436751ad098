package dev.akepa.http.schema;

import dev.akepa.http.schema.AjvSchema.Group;
import dev.akepa.http.schema.AjvSchema.TypeCheck;
import dev.akepa.http.schema.Keyword.Assertion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles a schema document into the {@link AjvSchema} plan, once, at load. It accepts only the draft-07 subset
 * whose AJV behaviour {@link Evaluation} reproduces and fails loudly on anything else (format, $ref, patternProperties…),
 * so a schema file can never silently be rendered differently from AJV.
 */
final class AjvSchemaCompiler {
    static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$comment", "title", "description", "examples");
    /** AJV tests presence with data[name] !== undefined, which is true for these inherited names on any object. */
    private static final Set<String> OBJECT_PROTOTYPE_NAMES = Set.of("__proto__", "constructor", "hasOwnProperty",
            "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf", "__defineGetter__",
            "__defineSetter__", "__lookupGetter__", "__lookupSetter__");
    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "null", "array", "object");

    /** AJV's keyword groups and the order of keywords inside each (its vocabulary order for draft-07). */
    private static final List<String> UNTYPED = List.of("const", "enum", "not", "anyOf", "oneOf", "allOf", "if");
    private static final Map<String, List<String>> TYPED = orderedGroups();

    private static final Set<String> SUPPORTED = supported();

    private AjvSchemaCompiler() {}

    static AjvSchema compile(JsonNode document) {
        if (!document.isObject()) throw invalid(Location.ROOT, "a schema document must be an object");
        JsonNode dialect = document.get("$schema");
        if (dialect != null && !DRAFT_07.equals(dialect.asString())) {
            throw invalid(Location.ROOT, "$schema must be " + DRAFT_07 + " (what new Ajv() validates)");
        }
        return compile(document, Location.ROOT);
    }

    private static AjvSchema compile(JsonNode schema, Location at) {
        if (!schema.isObject()) throw invalid(at, "boolean schemas are not supported; use an object");
        for (String name : schema.propertyNames()) {
            if (!SUPPORTED.contains(name) && !ANNOTATIONS.contains(name)) {
                throw invalid(at, "keyword '" + name + "' is not supported by the AJV emulation");
            }
        }
        if ((schema.has("then") || schema.has("else")) != schema.has("if")) {
            throw invalid(at, "if, then and else must come together (AJV ignores a lone one)");
        }
        boolean hasRules = schema.propertyNames().stream().anyMatch(SUPPORTED::contains);
        List<Group> groups = new ArrayList<>();
        List<Keyword> untyped = new ArrayList<>();
        for (String name : UNTYPED) {
            if (schema.has(name)) untyped.add(untypedKeyword(name, schema, at));
        }
        if (!untyped.isEmpty()) groups.add(new Group(null, List.copyOf(untyped)));
        for (Map.Entry<String, List<String>> group : TYPED.entrySet()) {
            List<Keyword> keywords = new ArrayList<>();
            for (String name : group.getValue()) {
                if (schema.has(name)) keywords.add(typedKeyword(name, schema, at));
            }
            if (!keywords.isEmpty()) groups.add(new Group(group.getKey(), List.copyOf(keywords)));
        }
        return new AjvSchema(at, hasRules, typeCheck(schema, at, groups), List.copyOf(groups));
    }

    private static TypeCheck typeCheck(JsonNode schema, Location at, List<Group> groups) {
        JsonNode type = schema.get("type");
        if (type == null) return null;
        List<String> types = new ArrayList<>();
        if (type.isString()) types.add(type.asString());
        else if (type.isArray()) type.forEach(t -> types.add(t.asString()));
        if (types.isEmpty() || !TYPES.containsAll(types) || types.size() != Set.copyOf(types).size()) {
            throw invalid(at, "type must name JSON types");
        }
        String single = types.size() == 1 ? types.getFirst() : null;
        boolean checkedInGroup = single != null && groups.stream().anyMatch(g -> single.equals(g.dataType()));
        return new TypeCheck(at.child("type"), checkedInGroup ? single : null, type.deepCopy(),
                "must be " + String.join(",", types));
    }

    private static Keyword untypedKeyword(String name, JsonNode schema, Location parent) {
        JsonNode value = schema.get(name);
        Location at = parent.child(name);
        return switch (name) {
            case "const" -> new Assertion(name, at, AjvError.params("allowedValue", value.deepCopy()),
                    "must be equal to constant");
            case "enum" -> {
                if (!value.isArray() || value.isEmpty()) throw invalid(at, "enum must be a non-empty array");
                yield new Assertion(name, at, AjvError.params("allowedValues", value.deepCopy()),
                        "must be equal to one of the allowed values");
            }
            case "not" -> {
                compile(value, at);
                yield new Assertion(name, at, AjvError.noParams(), "must NOT be valid");
            }
            case "anyOf" -> new Keyword.AnyOf(at, branches(value, at));
            case "oneOf" -> new Keyword.OneOf(at, branches(value, at));
            case "allOf" -> new Keyword.AllOf(branches(value, at));
            case "if" -> {
                compile(value, at);
                AjvSchema then = schema.has("then") ? compile(schema.get("then"), parent.child("then")) : null;
                AjvSchema otherwise = schema.has("else") ? compile(schema.get("else"), parent.child("else")) : null;
                yield new Keyword.IfThenElse(at, then, otherwise);
            }
            default -> throw new IllegalStateException("no untyped keyword " + name);
        };
    }

    private static Keyword typedKeyword(String name, JsonNode schema, Location parent) {
        JsonNode value = schema.get(name);
        Location at = parent.child(name);
        return switch (name) {
            case "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum" -> {
                if (!value.isNumber()) throw invalid(at, name + " must be a number");
                String comparison = switch (name) {
                    case "maximum" -> "<=";
                    case "minimum" -> ">=";
                    case "exclusiveMaximum" -> "<";
                    default -> ">";
                };
                var params = AjvError.params("comparison", comparison);
                params.set("limit", JsValues.number(value));
                yield new Assertion(name, at, params, "must be " + comparison + " " + JsValues.numberText(value));
            }
            case "maxLength", "minLength" -> limit(name, at, value, "characters");
            case "maxItems", "minItems" -> limit(name, at, value, "items");
            case "maxProperties", "minProperties" -> limit(name, at, value, "properties");
            case "pattern" -> {
                if (!value.isString()) throw invalid(at, "pattern must be a string");
                yield new Assertion(name, at, AjvError.params("pattern", value.asString()),
                        "must match pattern \"" + value.asString() + "\"");
            }
            case "required" -> {
                if (!value.isArray()) throw invalid(at, "required must be an array of names");
                List<String> names = new ArrayList<>();
                value.forEach(n -> names.add(propertyName(n.asString(), at)));
                yield new Keyword.Required(at, List.copyOf(names));
            }
            case "additionalProperties" -> {
                if (!value.isBoolean() || value.booleanValue()) {
                    throw invalid(at, "only additionalProperties: false is supported");
                }
                yield new Keyword.NoAdditionalProperties(at);
            }
            case "properties" -> {
                if (!value.isObject()) throw invalid(at, "properties must be an object");
                List<Keyword.Properties.Property> properties = new ArrayList<>();
                for (String property : JsValues.enumerationOrder(value.propertyNames())) {
                    propertyName(property, at);
                    properties.add(new Keyword.Properties.Property(property,
                            compile(value.get(property), at.child(property))));
                }
                yield new Keyword.Properties(List.copyOf(properties));
            }
            case "items" -> {
                if (!value.isObject()) throw invalid(at, "items must be one schema (tuple form is not supported)");
                yield new Keyword.Items(compile(value, at));
            }
            default -> throw new IllegalStateException("no typed keyword " + name);
        };
    }

    private static String propertyName(String name, Location at) {
        if (OBJECT_PROTOTYPE_NAMES.contains(name)) {
            throw invalid(at, "property name '" + name + "' is inherited by every JavaScript object; AJV misjudges it");
        }
        return name;
    }

    private static Assertion limit(String name, Location at, JsonNode value, String unit) {
        if (!value.isIntegralNumber() || value.asLong() < 0) throw invalid(at, name + " must be a non-negative integer");
        String comparison = name.startsWith("max") ? "more" : "fewer";
        return new Assertion(name, at, AjvError.params("limit", JsValues.number(value)),
                "must NOT have " + comparison + " than " + value.asLong() + " " + unit);
    }

    private static List<AjvSchema> branches(JsonNode value, Location at) {
        if (!(value instanceof ArrayNode array) || array.isEmpty()) throw invalid(at, "must be a non-empty array");
        List<AjvSchema> branches = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) branches.add(compile(array.get(i), at.child(i)));
        return List.copyOf(branches);
    }

    private static Map<String, List<String>> orderedGroups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("number", List.of("maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum"));
        groups.put("string", List.of("maxLength", "minLength", "pattern"));
        groups.put("array", List.of("maxItems", "minItems", "items"));
        groups.put("object", List.of("maxProperties", "minProperties", "required", "additionalProperties", "properties"));
        return Collections.unmodifiableMap(groups);
    }

    private static Set<String> supported() {
        Set<String> names = TYPED.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        names.addAll(UNTYPED);
        names.addAll(List.of("type", "then", "else"));
        return Set.copyOf(names);
    }

    private static IllegalStateException invalid(Location at, String problem) {
        return new IllegalStateException("schema at " + at.schemaPath() + ": " + problem);
    }
}
