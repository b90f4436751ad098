package dev.akepa.http.schema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** How JavaScript (and so AJV) sees a parsed JSON value: its type, its key order, how its numbers print. */
final class JsValues {
    private static final long MAX_ARRAY_INDEX = 4_294_967_294L;

    private JsValues() {}

    /** AJV's type test for one JSON type name (strictNumbers on, which JSON cannot violate anyway). */
    static boolean hasType(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isString();
            case "number" -> value.isNumber();
            case "integer" -> value.isNumber() && isIntegral(value);
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> throw new IllegalArgumentException("not a JSON type: " + type);
        };
    }

    static boolean isIntegral(JsonNode number) {
        if (number.isIntegralNumber()) return true;
        BigDecimal value = number.decimalValue();
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    /**
     * Property names in the order JavaScript enumerates an object's own keys: array-index-like names first in
     * numeric order, then the others in insertion order. AJV walks data and schema objects in this order.
     */
    static List<String> enumerationOrder(Collection<String> namesInInsertionOrder) {
        List<String> indexes = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String name : namesInInsertionOrder) (isArrayIndex(name) ? indexes : others).add(name);
        if (indexes.isEmpty()) return others;
        indexes.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        indexes.addAll(others);
        return indexes;
    }

    private static boolean isArrayIndex(String name) {
        if (name.isEmpty() || name.length() > 10) return false;
        if (name.length() > 1 && name.charAt(0) == '0') return false;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') return false;
        }
        return Long.parseLong(name) <= MAX_ARRAY_INDEX;
    }

    /** A schema number as JSON.stringify writes it: integral values without a fraction (1.0 prints as 1). */
    static JsonNode number(JsonNode number) {
        if (isIntegral(number)) {
            BigInteger value = number.decimalValue().toBigIntegerExact();
            if (value.bitLength() < 32) return JsonNodeFactory.instance.numberNode(value.intValue());
            if (value.bitLength() < 64) return JsonNodeFactory.instance.numberNode(value.longValue());
            return JsonNodeFactory.instance.numberNode(value);
        }
        return JsonNodeFactory.instance.numberNode(number.doubleValue());
    }

    /** A schema number as a JavaScript template string prints it, for messages such as "must be >= 0". */
    static String numberText(JsonNode number) {
        if (isIntegral(number)) return number.decimalValue().toBigIntegerExact().toString();
        return BigDecimal.valueOf(number.doubleValue()).stripTrailingZeros().toPlainString();
    }
}
