package dev.akepa.openapi;

import dev.akepa.http.ErrorCode;
import dev.akepa.json.Json;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.Contract;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** GET /openapi.json: valid OpenAPI 3.1 by a validator nobody here wrote, complete, and true to the schema files. */
class OpenApiDocumentTest {
    /** package.json, its lock and the script live in src/; npm installs them under target/, never next to the sources. */
    private static final Path LINT_SOURCES = Path.of("src", "test", "openapi-lint");
    private static final Path LINT_DIRECTORY = Path.of("target", "openapi-lint");

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    @Test
    void theDocumentIsServedWithoutATokenAndIsTheGeneratedOne() {
        ApiResponse r = running.server().client().get("/openapi.json");

        assertThat(r.status()).isEqualTo(200);
        // compared as parsed text: a tree built in memory holds ints where the parsed one holds the same numbers as longs
        assertThat(r.json().equals(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(OpenApiDocument.generate()))))
                .as("the served document is the generated one").isTrue();
        assertThat(r.json().get("openapi").asString()).isEqualTo("3.1.0");
    }

    @Test
    void theExternalOpenApiValidatorAcceptsTheDocument() throws Exception {
        ApiResponse r = running.server().client().get("/openapi.json");
        installValidator();
        Path document = LINT_DIRECTORY.resolve("openapi.json");
        Files.writeString(document, r.raw());

        Result result = run(List.of("node", "validate.mjs", "openapi.json"), 60);

        assertThat(result.exitCode()).as("validator output: %s", result.output()).isZero();
        assertThat(Json.MAPPER.readTree(result.output()).get("valid").asBoolean()).isTrue();
    }

    @Test
    void everyRouteTheServerRegistersIsDocumentedOrDeliberatelyLeftOut() {
        Set<String> registered = running.server().app().routes().stream().map(r -> r.method() + " " + r.path()).collect(java.util.stream.Collectors.toCollection(HashSet::new));
        Set<String> described = new HashSet<>(OpenApiDocument.documentedRoutes());
        described.addAll(OpenApiDocument.undocumentedRoutes());

        assertThat(registered).as("routes without a row in ApiOperations (add one: docs/architecture.md)")
                .isSubsetOf(described);
        assertThat(described).as("rows of ApiOperations for routes the server does not have").isSubsetOf(registered);
    }

    @Test
    void everyExampleInTheDocumentMatchesTheSchemaItIllustrates() {
        JsonNode paths = OpenApiDocument.generate().get("paths");
        List<String> problems = new ArrayList<>();
        int examples = 0;
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                JsonNode request = paths.get(path).get(method).path("requestBody").path("content").path("application/json");
                for (String name : request.path("examples").propertyNames()) {
                    examples++;
                    List<String> errors = Contract.problems("/paths/" + Contract.escape(path) + "/" + method
                            + "/requestBody/content/application~1json/schema", request.get("examples").get(name).get("value"));
                    if (!errors.isEmpty()) problems.add(method + " " + path + " request " + name + ": " + errors);
                }
                JsonNode responses = paths.get(path).get(method).get("responses");
                for (String status : responses.propertyNames()) {
                    JsonNode media = responses.get(status).path("content").path("application/json");
                    String pointer = "/paths/" + Contract.escape(path) + "/" + method + "/responses/" + status
                            + "/content/application~1json/schema";
                    for (String name : media.path("examples").propertyNames()) {
                        examples++;
                        List<String> errors = Contract.problems(pointer, media.get("examples").get(name).get("value"));
                        if (!errors.isEmpty()) problems.add(method + " " + path + " " + status + " " + name + ": " + errors);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(examples).as("examples in the document").isGreaterThan(100);
    }

    private String firstSchemaOf(String method, String path) {
        for (JsonNode entry : running.api().get("/schemas").data()) {
            if (entry.get("method").asString().equals(method) && entry.get("path").asString().equals(path)) {
                return entry.get("name").asString();
            }
        }
        throw new AssertionError("no schema for " + method + " " + path);
    }

    @Test
    void theRequestSchemasAreTheFilesTheValidatorUsesAndEveryRouteWithABodyPointsAtItsOwn() {
        JsonNode document = OpenApiDocument.generate();
        for (JsonNode entry : running.api().get("/schemas").data()) {
            String name = entry.get("name").asString();
            ObjectNode file = (ObjectNode) running.api().get("/schemas/" + name).json();
            file.remove("$schema");
            assertThat(document.get("components").get("schemas").get(name)).as(name).isEqualTo(file);
            JsonNode body = document.get("paths").get(entry.get("path").asString())
                    .get(entry.get("method").asString().toLowerCase()).get("requestBody");
            // /customer/update has a shape schema and one per customer type (checked once the customer is known):
            // the route points at the shape, the first of its path's entries in schemas/index.json.
            String first = firstSchemaOf(entry.get("method").asString(), entry.get("path").asString());
            assertThat(body.get("content").get("application/json").get("schema").get("$ref").asString())
                    .isEqualTo("#/components/schemas/" + first);
        }
    }

    @Test
    void everyCodeOfTheErrorCatalogueHasItsSchemaInTheDocument() {
        JsonNode schemas = OpenApiDocument.generate().get("components").get("schemas");
        // csrfTokenInvalid, caseClaimed and supervisorRequired belong to the HTML console's forms; httpError has no status of its own (Jetty's)
        Set<String> notInTheApi = Set.of("csrfTokenInvalid", "caseClaimed", "supervisorRequired", "httpError");
        List<String> missing = java.util.Arrays.stream(ErrorCode.values()).map(ErrorCode::wire)
                .filter(code -> !notInTheApi.contains(code) && !schemas.has("Error_" + code)).toList();
        assertThat(missing).as("catalogue codes no route of ApiOperations lists").isEmpty();
    }

    private static void installValidator() throws IOException {
        Files.createDirectories(LINT_DIRECTORY);
        boolean changed = false;
        for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
            Path target = LINT_DIRECTORY.resolve(file);
            byte[] source = Files.readAllBytes(LINT_SOURCES.resolve(file));
            if (!Files.exists(target) || !java.util.Arrays.equals(source, Files.readAllBytes(target))) {
                Files.copy(LINT_SOURCES.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
                changed = true;
            }
        }
        if (!changed && Files.isDirectory(LINT_DIRECTORY.resolve("node_modules/@seriousme"))) return;
        Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        if (install.exitCode() != 0) fail("npm ci in %s failed (exit %d): %s", LINT_DIRECTORY, install.exitCode(), install.output());
    }

    private record Result(int exitCode, String output) {}

    /** Runs a command in the validator's directory; Node.js and npm are required (the test fails, never skips). */
    private static Result run(List<String> command, long timeoutSeconds) throws IOException {
        Path output = Files.createTempFile("akepa-openapi-lint-", ".out");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).directory(LINT_DIRECTORY.toFile())
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            } catch (IOException e) {
                return fail("the OpenAPI validator needs Node.js and npm on the PATH (%s: %s)", String.join(" ", command), e.getMessage());
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("%s did not finish within %d s", String.join(" ", command), timeoutSeconds);
            }
            return new Result(process.exitValue(), Files.readString(output));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running %s", String.join(" ", command));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
