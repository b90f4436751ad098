package dev.akepa.http.schema;

import dev.akepa.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static dev.akepa.http.schema.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaValidatorTest {
    private static final SchemaValidator schemas = SchemaValidator.loadFromClasspath();

    private static String errors(String schema, JsonNode body) {
        return Json.MAPPER.writeValueAsString(schemas.validate(schema, body));
    }

    private static String errors(String schema, String body) {
        return errors(schema, json(body));
    }

    @Test
    void pageExampleMissingCustomerIdOnIdentification() {
        assertThat(errors("akepa-identification", "{\"webhookURL\":\"http://sample.com/mywebhook?ref=123something\"}"))
                .isEqualTo("[{\"instancePath\":\"\",\"schemaPath\":\"#/required\",\"keyword\":\"required\","
                        + "\"params\":{\"missingProperty\":\"customerId\"},\"message\":\"must have required property 'customerId'\"}]");
    }

    @Test
    void pageExampleExtensionNotAllowed() {
        assertThat(errors("akepa-document-generate",
                "{\"workflow\":\"BUSINESS\",\"name\":\"front\",\"extension\":\"pdf\",\"type\":\"license\"}"))
                .isEqualTo("[{\"instancePath\":\"/extension\",\"schemaPath\":\"#/properties/extension/enum\",\"keyword\":\"enum\","
                        + "\"params\":{\"allowedValues\":[\"jpg\",\"png\"]},\"message\":\"must be equal to one of the allowed values\"}]");
    }

    @Test
    void pageExampleTypeMissingOnDocumentGenerate() {
        assertThat(errors("akepa-document-generate", "{\"workflow\":\"BUSINESS\",\"name\":\"front\",\"extension\":\"jpg\"}"))
                .isEqualTo("[{\"instancePath\":\"\",\"schemaPath\":\"#/required\",\"keyword\":\"required\","
                        + "\"params\":{\"missingProperty\":\"type\"},\"message\":\"must have required property 'type'\"}]");
    }

    @Test
    void validBodiesHaveNoErrors() {
        assertThat(schemas.validate("customer-init", Bodies.individual())).isEmpty();
        assertThat(schemas.validate("customer-init", Bodies.business())).isEmpty();
        assertThat(schemas.validate("auth-get-token", json("{\"user\":{\"login\":\"demo\",\"password\":\"x\"},\"extra\":1}"))).isEmpty();
    }

    @Test
    void aCustomerThatIsNotAnObjectGetsOneTypeError() {
        assertThat(errors("customer-init", "[]")).isEqualTo("[{\"instancePath\":\"\",\"schemaPath\":\"#/type\","
                + "\"keyword\":\"type\",\"params\":{\"type\":\"object\"},\"message\":\"must be object\"}]");
    }

    @Test
    void aCustomerOfNeitherTypeReportsEachBranchThenOneOf() {
        assertThat(errors("customer-init", "{\"customerType\":\"person\"}")).isEqualTo("["
                + "{\"instancePath\":\"\",\"schemaPath\":\"#/oneOf/0/required\",\"keyword\":\"required\","
                + "\"params\":{\"missingProperty\":\"customerReference\"},\"message\":\"must have required property 'customerReference'\"},"
                + "{\"instancePath\":\"\",\"schemaPath\":\"#/oneOf/1/required\",\"keyword\":\"required\","
                + "\"params\":{\"missingProperty\":\"customerReference\"},\"message\":\"must have required property 'customerReference'\"},"
                + "{\"instancePath\":\"\",\"schemaPath\":\"#/oneOf\",\"keyword\":\"oneOf\",\"params\":{\"passingSchemas\":null},"
                + "\"message\":\"must match exactly one schema in oneOf\"}]");
    }

    @Test
    void aShortSsnFailsTheThenClauseOfTheIndividualBranch() {
        JsonNode body = Bodies.with(Bodies.individual(), "/customer/identificationDocuments/0/value", "\"12345\"");
        assertThat(errors("customer-init", body)).isEqualTo("["
                + "{\"instancePath\":\"/customer/identificationDocuments/0/value\",\"schemaPath\":"
                + "\"#/oneOf/0/properties/customer/properties/identificationDocuments/items/then/properties/value/pattern\","
                + "\"keyword\":\"pattern\",\"params\":{\"pattern\":\"^[0-9]{9}$\"},\"message\":\"must match pattern \\\"^[0-9]{9}$\\\"\"},"
                + "{\"instancePath\":\"/customer/identificationDocuments/0\",\"schemaPath\":"
                + "\"#/oneOf/0/properties/customer/properties/identificationDocuments/items/if\",\"keyword\":\"if\","
                + "\"params\":{\"failingKeyword\":\"then\"},\"message\":\"must match \\\"then\\\" schema\"},"
                + "{\"instancePath\":\"/customerType\",\"schemaPath\":\"#/oneOf/1/properties/customerType/const\",\"keyword\":\"const\","
                + "\"params\":{\"allowedValue\":\"business\"},\"message\":\"must be equal to constant\"},"
                + "{\"instancePath\":\"\",\"schemaPath\":\"#/oneOf\",\"keyword\":\"oneOf\",\"params\":{\"passingSchemas\":null},"
                + "\"message\":\"must match exactly one schema in oneOf\"}]");
    }

    @Test
    void anSsnWithATrailingNewlineIsRejectedLikeJavaScriptWould() {
        JsonNode body = Bodies.with(Bodies.individual(), "/customer/identificationDocuments/0/value", "\"123456789\\n\"");
        assertThat(schemas.validate("customer-init", body)).isNotEmpty();
    }

    @Test
    void aUnionTypeNamesEveryType() {
        assertThat(errors("akepa-identification", "{\"customerId\":\"c\",\"syncMode\":\"yes\"}"))
                .isEqualTo("[{\"instancePath\":\"/syncMode\",\"schemaPath\":\"#/properties/syncMode/type\",\"keyword\":\"type\","
                        + "\"params\":{\"type\":[\"boolean\",\"null\"]},\"message\":\"must be boolean,null\"}]");
    }

    @Test
    void anEmptyLoginFailsMinLengthBeforePattern() {
        assertThat(errors("auth-get-token", "{\"user\":{\"login\":\"\",\"password\":\"x\"}}"))
                .isEqualTo("[{\"instancePath\":\"/user/login\",\"schemaPath\":\"#/properties/user/properties/login/minLength\","
                        + "\"keyword\":\"minLength\",\"params\":{\"limit\":1},\"message\":\"must NOT have fewer than 1 characters\"}]");
    }

    @Test
    void onlyTheFirstInvalidArrayItemIsReported() {
        String doc = "{\"entityId\":\"e\",\"documentId\":\"d\",\"view\":\"%s\"}";
        assertThat(errors("akepa-update", "{\"customerId\":\"c\",\"documents\":[" + doc.formatted("front") + ","
                + doc.formatted("side") + "," + doc.formatted("edge") + "]}"))
                .isEqualTo("[{\"instancePath\":\"/documents/1/view\",\"schemaPath\":\"#/properties/documents/items/properties/view/enum\","
                        + "\"keyword\":\"enum\",\"params\":{\"allowedValues\":[\"front\",\"back\",\"selfie\"]},"
                        + "\"message\":\"must be equal to one of the allowed values\"}]");
    }

    @Test
    void theIndexListsEverySchemaWithItsRoute() {
        assertThat(schemas.list()).contains(
                new SchemaValidator.SchemaInfo("auth-get-token", "POST", "/auth/get-token"),
                new SchemaValidator.SchemaInfo("customer-init", "POST", "/customer/init"),
                new SchemaValidator.SchemaInfo("akepa-identification", "POST", "/akepa/identification"),
                new SchemaValidator.SchemaInfo("akepa-document-generate", "POST", "/akepa/document/generate"),
                new SchemaValidator.SchemaInfo("akepa-update", "POST", "/akepa/update"),
                new SchemaValidator.SchemaInfo("akepa-sandbox-review", "POST", "/akepa/sandbox/review"),
                new SchemaValidator.SchemaInfo("review-decision", "POST", "/review/decisions"));
        for (SchemaValidator.SchemaInfo info : schemas.list()) assertThat(schemas.schema(info.name())).isNotNull();
    }

    @Test
    void theDocumentGenerateTypesAreThePagesListInItsOrder() {
        assertThat(schemas.schema("akepa-document-generate").at("/properties/type/enum").toString()).isEqualTo(
                "[\"contract\",\"license\",\"passport\",\"utility\",\"other\",\"internal\",\"identification_card\","
                        + "\"residence_permit\",\"canada_provincial_id\",\"indigenous_card\",\"paystub\",\"bank_statement\","
                        + "\"w2\",\"1099\",\"1120\",\"1065\",\"t1\",\"t4\"]");
    }

    @Test
    void anUnknownSchemaHasNoDocumentAndCannotValidate() {
        assertThat(schemas.schema("nope")).isNull();
        assertThatThrownBy(() -> schemas.validate("nope", json("{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void theServedDocumentCannotBeChangedByItsReader() {
        ((tools.jackson.databind.node.ObjectNode) schemas.schema("review-decision")).put("title", "changed");
        assertThat(schemas.schema("review-decision").get("title").asString()).isEqualTo("POST /review/decisions");
    }

    @Test
    void aSchemaUsingAKeywordTheEmulationDoesNotKnowIsRefusedAtLoad() {
        assertThatThrownBy(() -> SchemaValidator.of(List.of(), Map.of("dated",
                json("{\"type\":\"object\",\"properties\":{\"at\":{\"type\":\"string\",\"format\":\"date\"}}}"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dated").hasMessageContaining("#/properties/at").hasMessageContaining("'format'");
        assertThatThrownBy(() -> SchemaValidator.of(List.of(), Map.of("referring",
                json("{\"definitions\":{\"a\":{\"type\":\"string\"}},\"$ref\":\"#/definitions/a\"}"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not supported");
    }

    @Test
    void aPropertyNamedLikeAnObjectPrototypeMemberIsRefusedAtLoad() {
        assertThatThrownBy(() -> SchemaValidator.of(List.of(), Map.of("proto",
                json("{\"type\":\"object\",\"required\":[\"constructor\"]}"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'constructor'");
    }

    @Test
    void aSchemaForAnotherDraftIsRefusedAtLoad() {
        assertThatThrownBy(() -> SchemaValidator.of(List.of(), Map.of("newer",
                json("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\"}"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("draft-07");
    }
}
