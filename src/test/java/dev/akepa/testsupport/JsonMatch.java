package dev.akepa.testsupport;

import dev.akepa.json.Json;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.fail;

/**
 * Exact JSON comparison where the expected document may hold placeholders for generated values:
 * {{requestId}}, {{time}}, {{token}}, {{id:PREFIX}} (PREFIX + 22 base62), {{any}}.
 * Same keys, same array order, same values — nothing else passes.
 */
public final class JsonMatch {
    private static final Map<String, Pattern> PLACEHOLDERS = Map.of(
            "requestId", Pattern.compile("[0-9a-f]{32}"),
            "time", Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"),
            "token", Pattern.compile("[A-Za-z0-9_-]{43,}"),
            "any", Pattern.compile("(?s).*"));
    private static final Pattern ID = Pattern.compile("\\{\\{id:([a-z_]+)}}");

    private JsonMatch() {}

    public static void assertJson(JsonNode actual, String expectedJson) {
        JsonNode expected = Json.MAPPER.readTree(expectedJson);
        List<String> problems = new ArrayList<>();
        compare("$", expected, actual, problems);
        if (!problems.isEmpty()) {
            fail("JSON differs:\n  " + String.join("\n  ", problems) + "\nactual: " + actual + "\nexpected: " + expected);
        }
    }

    public static void assertJson(ApiResponse response, int status, String expectedJson) {
        if (response.status() != status) fail("HTTP " + response.status() + " instead of " + status + ": " + response.raw());
        if (response.json() == null) fail("no JSON body: " + response.raw());
        assertJson(response.json(), expectedJson);
        String header = response.headers().firstValue("x-request-id").orElse(null);
        if (response.json().has("requestId") && !response.json().get("requestId").asString().equals(header)) {
            fail("x-request-id header " + header + " differs from body requestId " + response.json().get("requestId"));
        }
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> problems) {
        if (actual == null) {
            problems.add(path + ": missing");
            return;
        }
        if (expected.isString()) {
            String e = expected.asString();
            var id = ID.matcher(e);
            Pattern pattern = null;
            if (id.matches()) pattern = Pattern.compile(Pattern.quote(id.group(1)) + "[0-9A-Za-z]{22}");
            else if (e.startsWith("{{") && e.endsWith("}}")) pattern = PLACEHOLDERS.get(e.substring(2, e.length() - 2));
            if (pattern != null) {
                if (!actual.isString() || !pattern.matcher(actual.asString()).matches()) {
                    problems.add(path + ": " + actual + " does not match " + e);
                }
                return;
            }
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                problems.add(path + ": expected an object, got " + actual);
                return;
            }
            List<String> expectedKeys = new ArrayList<>(expected.propertyNames());
            List<String> actualKeys = new ArrayList<>(actual.propertyNames());
            if (!new java.util.HashSet<>(expectedKeys).equals(new java.util.HashSet<>(actualKeys))) {
                problems.add(path + ": keys " + actualKeys + " instead of " + expectedKeys);
            }
            for (String key : expectedKeys) compare(path + "." + key, expected.get(key), actual.get(key), problems);
            return;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                problems.add(path + ": expected " + expected.size() + " items, got " + actual);
                return;
            }
            Iterator<JsonNode> a = actual.iterator();
            int i = 0;
            for (JsonNode e : expected) compare(path + "[" + i++ + "]", e, a.next(), problems);
            return;
        }
        if (!expected.equals(actual)) problems.add(path + ": " + actual + " instead of " + expected);
    }
}
