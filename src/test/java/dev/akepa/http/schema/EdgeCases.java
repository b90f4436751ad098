package dev.akepa.http.schema;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static dev.akepa.http.schema.Bodies.business;
import static dev.akepa.http.schema.Bodies.individual;
import static dev.akepa.http.schema.Bodies.json;
import static dev.akepa.http.schema.Bodies.with;
import static dev.akepa.http.schema.Bodies.without;

/**
 * Hand-picked bodies for the AJV cross-check: the API page's examples, bodies that are not objects, both and
 * neither customer type, several faults at once, and the corners of AJV's evaluation order (type checks before or
 * after enum, if/then inside and outside composite rules, JavaScript key order, code-point lengths).
 */
final class EdgeCases {
    private final List<CrossCheckCase> cases = new ArrayList<>();

    static List<CrossCheckCase> all() {
        EdgeCases c = new EdgeCases();
        c.authGetToken();
        c.customerInit();
        c.identification();
        c.documentGenerate();
        c.update();
        c.reviews();
        c.labComposite();
        c.labObject();
        c.labNumber();
        return c.cases;
    }

    private void add(String schema, String name, JsonNode body) {
        cases.add(new CrossCheckCase(schema + ": " + name, schema, body));
    }

    private void add(String schema, String name, String body) {
        add(schema, name, json(body));
    }

    private void authGetToken() {
        String s = "auth-get-token";
        add(s, "valid", "{\"user\":{\"login\":\"partner_1\",\"password\":\"secret\"}}");
        add(s, "valid with extra fields", "{\"user\":{\"login\":\"p\",\"password\":\"s\",\"otp\":1},\"client\":\"x\"}");
        add(s, "empty object", "{}");
        add(s, "user empty", "{\"user\":{}}");
        add(s, "password missing", "{\"user\":{\"login\":\"a\"}}");
        add(s, "empty login fails minLength before pattern", "{\"user\":{\"login\":\"\",\"password\":\"x\"}}");
        add(s, "long login with bad characters fails maxLength first",
                "{\"user\":{\"login\":\"" + "-".repeat(37) + "\",\"password\":\"x\"}}");
        add(s, "login with a dash", "{\"user\":{\"login\":\"bad-login\",\"password\":\"x\"}}");
        add(s, "login with non-ASCII letter", "{\"user\":{\"login\":\"jöhn\",\"password\":\"x\"}}");
        add(s, "login as number", "{\"user\":{\"login\":12345,\"password\":\"x\"}}");
        add(s, "user is a string", "{\"user\":\"x\"}");
        add(s, "user is null", "{\"user\":null}");
        add(s, "root array", "[]");
        add(s, "root string", "\"user\"");
        add(s, "root null", "null");
        add(s, "root number", "42");
        add(s, "root boolean", "true");
    }

    private void customerInit() {
        String s = "customer-init";
        add(s, "valid individual", individual());
        add(s, "valid business", business());
        add(s, "root array", "[{\"customerType\":\"individual\"}]");
        add(s, "root string", "\"individual\"");
        add(s, "root null", "null");
        add(s, "empty object matches neither", "{}");
        add(s, "unknown customer type matches neither", with(individual(), "/customerType", "\"person\""));
        add(s, "individual data typed business", with(individual(), "/customerType", "\"business\""));
        add(s, "business data typed individual", with(business(), "/customerType", "\"individual\""));
        add(s, "individual without customerType", without(individual(), "/customerType"));
        add(s, "individual with extra fields", with(individual(), "/customer/nickname", "\"JD\""));
        add(s, "individual SSN too short", with(individual(), "/customer/identificationDocuments/0/value", "\"12345\""));
        add(s, "individual SSN with dashes",
                with(individual(), "/customer/identificationDocuments/0/value", "\"123-45-6789\""));
        add(s, "individual passport may hold letters", with(with(individual(),
                "/customer/identificationDocuments/0/type", "\"PASSPORT\""),
                "/customer/identificationDocuments/0/value", "\"X1234567\""));
        add(s, "individual document type with trailing space",
                with(individual(), "/customer/identificationDocuments/0/type", "\"SSN \""));
        add(s, "individual SSN document without type",
                without(individual(), "/customer/identificationDocuments/0/type"));
        add(s, "individual gender null (type and enum both reported in a branch)",
                with(individual(), "/customer/gender", "null"));
        add(s, "individual first name of 100 emoji", with(individual(), "/customer/firstName",
                "\"" + "\uD83D\uDE00".repeat(100) + "\""));
        add(s, "individual first name of 101 emoji", with(individual(), "/customer/firstName",
                "\"" + "\uD83D\uDE00".repeat(101) + "\""));
        add(s, "individual email with a space", with(individual(), "/customer/email", "\"jane doe@example.com\""));
        add(s, "individual phones empty", with(individual(), "/customer/phones", "[]"));
        add(s, "individual second phone broken", with(individual(), "/customer/phones",
                "[{\"type\":\"MOBILE\",\"countryDialingCode\":\"1\",\"phoneNumber\":\"5555550100\"},{\"type\":\"FAX\"}]"));
        add(s, "individual several faults at once", with(with(with(individual(),
                "/customerReference", "\"ref 001\""), "/customer/email", "\"x\""), "/customer/gender", "\"male\""));
        add(s, "business FEIN with a dash", with(business(), "/customer/identificationDocuments/0/value", "\"98-7654321\""));
        add(s, "business representative id with spaces",
                with(business(), "/customer/businessRepresentatives/0/id", "\"bad id\""));
        add(s, "business representative owning 101 percent",
                with(business(), "/customer/businessRepresentatives/1/ownershipPercentage", "101"));
        add(s, "business representative owning a string",
                with(business(), "/customer/businessRepresentatives/1/ownershipPercentage", "\"50\""));
        add(s, "business representative SSN too short",
                with(business(), "/customer/businessRepresentatives/0/identificationDocuments/0/value", "\"1\""));
        add(s, "business representative without last name",
                without(business(), "/customer/businessRepresentatives/1/lastName"));
        add(s, "business with an unknown business type", with(business(), "/customer/businessType", "\"INC\""));
        add(s, "business without representatives", with(business(), "/customer/businessRepresentatives", "[]"));
        add(s, "business postal code 00000 is valid",
                with(business(), "/customer/businessAddresses/0/postalCode", "\"00000\""));
    }

    private void identification() {
        String s = "akepa-identification";
        add(s, "page example: customerId missing", "{\"webhookURL\":\"http://sample.com/mywebhook?ref=123something\"}");
        add(s, "empty object", "{}");
        add(s, "valid minimal", "{\"customerId\":\"cstab_4oeFBBpTPk8rdy5oIhbTuW\"}");
        add(s, "valid everything", "{\"customerId\":\"c\",\"syncMode\":true,\"webhookURL\":\"http://a/b\",\"webhookUrl\":\"http://c\"}");
        add(s, "syncMode null", "{\"customerId\":\"c\",\"syncMode\":null}");
        add(s, "syncMode false", "{\"customerId\":\"c\",\"syncMode\":false}");
        add(s, "syncMode as string", "{\"customerId\":\"c\",\"syncMode\":\"true\"}");
        add(s, "syncMode as number", "{\"customerId\":\"c\",\"syncMode\":1}");
        add(s, "customerId as number", "{\"customerId\":5}");
        add(s, "webhookURL as number", "{\"customerId\":\"c\",\"webhookURL\":5}");
        add(s, "webhookUrl too long", "{\"customerId\":\"c\",\"webhookUrl\":\"http://" + "a".repeat(2042) + "\"}");
        add(s, "root array", "[\"c\"]");
    }

    private void documentGenerate() {
        String s = "akepa-document-generate";
        add(s, "page example: extension not allowed",
                "{\"workflow\":\"BUSINESS\",\"name\":\"front\",\"extension\":\"pdf\",\"type\":\"license\"}");
        add(s, "page example: type missing", "{\"workflow\":\"BUSINESS\",\"name\":\"front\",\"extension\":\"jpg\"}");
        add(s, "valid with notes", "{\"workflow\":\"PERSONAL\",\"name\":\"back\",\"extension\":\"png\",\"type\":\"1099\","
                + "\"note\":\"Back of DL\",\"note_author_agent_email\":\"aa@aa.bb\"}");
        add(s, "empty object", "{}");
        add(s, "lowercase workflow", "{\"workflow\":\"business\",\"name\":\"front\",\"extension\":\"jpg\",\"type\":\"license\"}");
        add(s, "unknown type", "{\"workflow\":\"BUSINESS\",\"name\":\"front\",\"extension\":\"jpg\",\"type\":\"drivers_license\"}");
        add(s, "extension as number", "{\"workflow\":\"BUSINESS\",\"name\":\"front\",\"extension\":5,\"type\":\"license\"}");
        add(s, "empty name", "{\"workflow\":\"BUSINESS\",\"name\":\"\",\"extension\":\"jpg\",\"type\":\"license\"}");
        add(s, "bad note author email", "{\"workflow\":\"BUSINESS\",\"name\":\"f\",\"extension\":\"jpg\",\"type\":\"w2\","
                + "\"note_author_agent_email\":\"not-an-email\"}");
    }

    private void update() {
        String s = "akepa-update";
        String doc = "{\"entityId\":\"cstap_3KXMXZEsVcYkgF3ZNIBMxs\",\"documentId\":\"doc_7fdqI9X17TFQFxI33ZNiO6\",\"view\":\"front\"}";
        add(s, "valid with documents", "{\"customerId\":\"cstap_3KXMXZEsVcYkgF3ZNIBMxs\",\"documents\":[" + doc + "," + doc + "]}");
        add(s, "valid without documents", "{\"customerId\":\"c\"}");
        add(s, "valid with no documents", "{\"customerId\":\"c\",\"documents\":[]}");
        add(s, "documents not an array", "{\"customerId\":\"c\",\"documents\":{}}");
        add(s, "document empty", "{\"customerId\":\"c\",\"documents\":[{}]}");
        add(s, "document with unknown view", "{\"customerId\":\"c\",\"documents\":[{\"entityId\":\"e\",\"documentId\":\"d\",\"view\":\"side\"}]}");
        add(s, "second document broken", "{\"customerId\":\"c\",\"documents\":[" + doc + ",{\"entityId\":\"e\",\"view\":\"back\"}]}");
        add(s, "customerId missing", "{\"documents\":[" + doc + "]}");
    }

    private void reviews() {
        add("akepa-sandbox-review", "valid", "{\"customerId\":\"c\",\"entityId\":\"e\",\"outcome\":\"approved\"}");
        add("akepa-sandbox-review", "unknown outcome", "{\"customerId\":\"c\",\"entityId\":\"e\",\"outcome\":\"maybe\"}");
        add("akepa-sandbox-review", "entityId missing", "{\"customerId\":\"c\",\"outcome\":\"denied\"}");
        add("screening-search", "minScore zero", "{\"name\":\"x\",\"minScore\":0}");
        add("screening-search", "minScore negative", "{\"name\":\"x\",\"minScore\":-0.5}");
        add("screening-search", "unknown property", "{\"name\":\"x\",\"threshold\":0.5}");
        add("review-decision", "valid", "{\"customerId\":\"c\",\"entityId\":\"e\",\"outcome\":\"denied\",\"reason\":\"Forged ID\"}");
        add("review-decision", "capitalised outcome", "{\"customerId\":\"c\",\"entityId\":\"e\",\"outcome\":\"Approved\",\"reason\":\"ok\"}");
        add("review-decision", "reason missing", "{\"customerId\":\"c\",\"entityId\":\"e\",\"outcome\":\"approved\"}");
        add("review-decision", "reason too long",
                "{\"customerId\":\"c\",\"entityId\":\"e\",\"outcome\":\"approved\",\"reason\":\"" + "r".repeat(2001) + "\"}");
    }

    private void labComposite() {
        String s = "lab-composite";
        add(s, "empty object", "{}");
        add(s, "anyOf failing both branches with a short string", "{\"anyOf\":\"ab\"}");
        add(s, "anyOf failing both branches with a small number", "{\"anyOf\":5}");
        add(s, "anyOf passing the second branch", "{\"anyOf\":6}");
        add(s, "anyOf passing the first branch", "{\"anyOf\":\"abc\"}");
        add(s, "not failing", "{\"not\":\"s\"}");
        add(s, "not passing", "{\"not\":1}");
        add(s, "allOf type failing", "{\"allOf\":1}");
        add(s, "allOf first branch failing", "{\"allOf\":\"a\"}");
        add(s, "allOf second branch failing", "{\"allOf\":\"abcd\"}");
        add(s, "then failing outside composites", "{\"ifThenElse\":{\"t\":\"x\"}}");
        add(s, "else failing outside composites", "{\"ifThenElse\":{\"t\":\"y\"}}");
        add(s, "else property failing outside composites", "{\"ifThenElse\":{\"y\":5}}");
        add(s, "then passing", "{\"ifThenElse\":{\"t\":\"x\",\"x\":1}}");
        add(s, "then failing inside oneOf", "{\"ifInOneOf\":{\"t\":\"x\"}}");
        add(s, "else failing inside oneOf", "{\"ifInOneOf\":{\"y\":\"a\"}}");
        add(s, "oneOf with if passing the second branch", "{\"ifInOneOf\":\"str\"}");
        add(s, "oneOf with if passing the first branch", "{\"ifInOneOf\":{}}");
        add(s, "type and enum both failing in a branch", "{\"typeThenEnum\":true}");
        add(s, "enum failing in a branch", "{\"typeThenEnum\":\"r\"}");
        add(s, "number failing both branches", "{\"typeThenEnum\":4}");
        add(s, "enum runs before a type checked in its group", "{\"enumBeforeType\":5}");
        add(s, "enum passing then maxLength failing", "{\"enumBeforeType\":\"abcd\"}");
        add(s, "enum failing on a string", "{\"enumBeforeType\":\"zz\"}");
        add(s, "enum before type inside oneOf", "{\"enumBeforeTypeInOneOf\":5}");
        add(s, "maxLength inside oneOf", "{\"enumBeforeTypeInOneOf\":\"abcd\"}");
        add(s, "both oneOf branches passing", "{\"bothPass\":5}");
        add(s, "one oneOf branch passing", "{\"bothPass\":-1}");
        add(s, "no oneOf branch passing", "{\"bothPass\":-1.5}");
        add(s, "nested oneOf failing in the second item", "{\"nestedOneOf\":[{\"a\":1},{}]}");
        add(s, "nested oneOf with both branches passing", "{\"nestedOneOf\":[{\"a\":1,\"b\":2}]}");
        add(s, "root string", "\"x\"");
    }

    private void labObject() {
        String s = "lab-object";
        add(s, "valid", "{\"a/b\":\"x\"}");
        add(s, "no properties fails minProperties before required", "{}");
        add(s, "seven properties", "{\"a/b\":\"x\",\"t~x\":\"y\",\"with space\":\"z\",\"10\":\"a\",\"2\":\"b\",\"é\":true,\"q\":1}");
        add(s, "additional properties reported in JavaScript key order", "{\"a/b\":\"x\",\"zz\":1,\"5\":2}");
        add(s, "escaped tilde in paths", "{\"t~x\":\"abc\",\"a/b\":\"x\"}");
        add(s, "URI-encoded space in schemaPath", "{\"with space\":\"A1\",\"a/b\":\"x\"}");
        add(s, "escaped slash in paths", "{\"a/b\":1}");
        add(s, "index-like property names checked first", "{\"a/b\":1,\"10\":1,\"2\":2}");
        add(s, "URI-encoded non-ASCII name in schemaPath", "{\"é\":\"x\",\"a/b\":\"x\"}");
        add(s, "required with escaping", "{\"2\":\"x\"}");
    }

    private void labNumber() {
        String s = "lab-number";
        add(s, "valid", "{\"integer\":5,\"decimal\":1.5,\"union\":null,\"emoji\":\"\uD83D\uDE00\uD83D\uDE00\",\"list\":[1,2]}");
        add(s, "integer with a fraction", "{\"integer\":1.5}");
        add(s, "integer written as 1.0", "{\"integer\":1.0}");
        add(s, "integer below minimum", "{\"integer\":0}");
        add(s, "integer at exclusive maximum", "{\"integer\":10}");
        add(s, "integer in exponent notation", "{\"integer\":1e2}");
        add(s, "decimal below minimum", "{\"decimal\":0.25}");
        add(s, "decimal above maximum", "{\"decimal\":100}");
        add(s, "union too short", "{\"union\":\"a\"}");
        add(s, "union wrong type", "{\"union\":5}");
        add(s, "one emoji is too short", "{\"emoji\":\"\uD83D\uDE00\"}");
        add(s, "four emoji are too long", "{\"emoji\":\"" + "\uD83D\uDE00".repeat(4) + "\"}");
        add(s, "list too short", "{\"list\":[1]}");
        add(s, "list too long", "{\"list\":[1,2,3,4]}");
        add(s, "list item of wrong type", "{\"list\":[1,\"x\"]}");
    }
}
