package dev.akepa.http.schema;

import dev.akepa.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds a corpus of bodies through our validator and through the real AJV 8 (Node.js, src/test/ajv) and demands
 * the same error arrays, byte for byte. The corpus is hand-picked edge cases plus, for every schema, one broken body
 * per keyword derived from a valid body ({@link Mutations}). Test-only "lab" schemas cover keywords that the
 * production schemas do not use yet.
 */
class AjvCrossCheckTest {
    private static final List<String> LAB_SCHEMAS = List.of("lab-composite", "lab-object", "lab-number");

    private static SchemaValidator production;
    private static SchemaValidator lab;
    private static Map<String, JsonNode> documents;
    private static List<CrossCheckCase> corpus;
    private static List<String> ajvAnswers;

    @BeforeAll
    static void runTheReference() {
        production = SchemaValidator.loadFromClasspath();
        documents = new LinkedHashMap<>();
        production.list().forEach(info -> documents.put(info.name(), production.schema(info.name())));
        Map<String, JsonNode> labDocuments = new LinkedHashMap<>();
        for (String name : LAB_SCHEMAS) labDocuments.put(name, Bodies.resource("validation/lab/" + name + ".json"));
        lab = SchemaValidator.of(List.of(), labDocuments);
        documents.putAll(labDocuments);
        corpus = buildCorpus();
        ajvAnswers = AjvReference.errors(documents, corpus);
    }

    @TestFactory
    Stream<DynamicTest> everyBodyIsRenderedExactlyAsAjvRendersIt() {
        return IntStream.range(0, corpus.size()).mapToObj(i -> {
            CrossCheckCase c = corpus.get(i);
            return DynamicTest.dynamicTest(c.name(), () -> {
                SchemaValidator validator = LAB_SCHEMAS.contains(c.schema()) ? lab : production;
                String ours = Json.MAPPER.writeValueAsString(validator.validate(c.schema(), c.body()));
                assertThat(ours).as("body %s", Json.MAPPER.writeValueAsString(c.body())).isEqualTo(ajvAnswers.get(i));
            });
        });
    }

    @Test
    void theCorpusIsLargeAndHoldsValidAndInvalidBodies() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(80);
        assertThat(ajvAnswers).contains("[]");
        assertThat(ajvAnswers.stream().filter(a -> !a.equals("[]")).count()).isGreaterThan(corpus.size() / 2);
    }

    @Test
    void theCorpusMakesEveryKeywordOfEverySchemaFail() {
        Set<String> reported = new TreeSet<>();
        for (String answer : ajvAnswers) {
            Json.MAPPER.readTree(answer).forEach(error -> reported.add(error.get("schemaPath").asString()));
        }
        Set<String> missing = new TreeSet<>();
        documents.forEach((name, schema) -> {
            Set<String> keywords = new LinkedHashSet<>();
            collectKeywords(schema, "#", keywords);
            keywords.removeAll(reported);
            keywords.forEach(k -> missing.add(name + " " + k));
        });
        // A oneOf branch's own "type: object" can never fail: the root checks the type before running oneOf.
        missing.removeAll(Set.of("customer-init #/oneOf/0/type", "customer-init #/oneOf/1/type"));
        // Outside composite rules AJV returns the failing clause's error before "if" can add its own.
        missing.remove("lab-composite #/properties/ifThenElse/if");
        // An enum of strings rejects every non-string before the string group's type check runs.
        missing.removeAll(Set.of("lab-composite #/properties/enumBeforeType/type",
                "lab-composite #/properties/enumBeforeTypeInOneOf/oneOf/0/type"));
        assertThat(missing).as("keywords no corpus body made fail").isEmpty();
    }

    private static final Set<String> FAILING_KEYWORDS = Set.of("type", "enum", "const", "pattern", "minLength",
            "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems",
            "minProperties", "maxProperties", "required", "additionalProperties", "oneOf", "anyOf", "not", "if");

    /** Keyword locations that can report an error; the inside of if and not never does (AJV drops those errors). */
    private static void collectKeywords(JsonNode schema, String path, Set<String> into) {
        for (String keyword : schema.propertyNames()) {
            if (FAILING_KEYWORDS.contains(keyword)) into.add(path + "/" + keyword);
        }
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            for (String name : properties.propertyNames()) {
                collectKeywords(properties.get(name), path + "/properties/" + Location.ROOT.child(name).schemaPath().substring(2), into);
            }
        }
        if (schema.has("items")) collectKeywords(schema.get("items"), path + "/items", into);
        for (String composite : List.of("oneOf", "anyOf", "allOf")) {
            JsonNode branches = schema.get(composite);
            if (branches != null) {
                for (int i = 0; i < branches.size(); i++) collectKeywords(branches.get(i), path + "/" + composite + "/" + i, into);
            }
        }
        if (schema.has("then")) collectKeywords(schema.get("then"), path + "/then", into);
        if (schema.has("else")) collectKeywords(schema.get("else"), path + "/else", into);
    }

    private static List<CrossCheckCase> buildCorpus() {
        List<CrossCheckCase> cases = new ArrayList<>(EdgeCases.all());
        Map<String, List<JsonNode>> validBodies = new LinkedHashMap<>();
        validBodies.put("auth-get-token", List.of(Bodies.json("{\"user\":{\"login\":\"partner_1\",\"password\":\"secret\"}}")));
        validBodies.put("customer-init", List.of(Bodies.individual(), Bodies.business()));
        validBodies.put("akepa-identification", List.of(Bodies.json(
                "{\"customerId\":\"cstap_1\",\"syncMode\":true,\"webhookURL\":\"http://a/b\",\"webhookUrl\":\"http://c/d\"}")));
        validBodies.put("akepa-document-generate", List.of(Bodies.json("{\"workflow\":\"PERSONAL\",\"name\":\"front\","
                + "\"extension\":\"jpg\",\"type\":\"license\",\"note\":\"Front of DL\",\"note_author_agent_email\":\"aa@aa.bb\"}")));
        validBodies.put("akepa-update", List.of(Bodies.json("{\"customerId\":\"cstap_1\",\"documents\":"
                + "[{\"entityId\":\"cstap_1\",\"documentId\":\"doc_1\",\"view\":\"front\"}]}")));
        validBodies.put("akepa-sandbox-review", List.of(Bodies.json("{\"customerId\":\"c\",\"entityId\":\"e\",\"outcome\":\"approved\"}")));
        validBodies.put("review-decision", List.of(Bodies.json(
                "{\"customerId\":\"c\",\"entityId\":\"e\",\"outcome\":\"denied\",\"reason\":\"Forged ID\"}")));
        validBodies.put("lab-composite", List.of(Bodies.json("{\"anyOf\":\"abc\",\"not\":1,\"allOf\":\"ab\","
                + "\"ifThenElse\":{\"t\":\"x\",\"x\":1},\"ifInOneOf\":{\"y\":\"ab\"},\"typeThenEnum\":\"q\",\"bothPass\":-1,\"enumBeforeType\":\"ab\",\"enumBeforeTypeInOneOf\":\"ab\","
                + "\"nestedOneOf\":[{\"a\":1}]}")));
        validBodies.put("lab-object", List.of(Bodies.json(
                "{\"a/b\":\"x\",\"t~x\":\"y\",\"with space\":\"z\",\"10\":\"a\",\"2\":\"b\",\"é\":true}")));
        validBodies.put("lab-number", List.of(Bodies.json(
                "{\"integer\":5,\"decimal\":1.5,\"union\":\"ab\",\"emoji\":\"\uD83D\uDE00\uD83D\uDE00\",\"list\":[1,2]}")));
        validBodies.forEach((schema, bodies) -> {
            for (int i = 0; i < bodies.size(); i++) {
                cases.addAll(Mutations.of(schema, documents.get(schema), bodies.get(i), schema + " mutation of body " + (i + 1)));
            }
        });
        Set<String> seen = new LinkedHashSet<>();
        return cases.stream().filter(c -> seen.add(c.schema() + " " + Json.MAPPER.writeValueAsString(c.body()))).toList();
    }
}
