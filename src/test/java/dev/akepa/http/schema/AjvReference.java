package dev.akepa.http.schema;

import dev.akepa.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * The real AJV 8 (src/test/ajv, pinned by its package-lock.json), run by Node.js: what our errors must equal.
 * Installs its node_modules with {@code npm ci} on first use. Without Node.js the cross-check fails, never skips.
 */
final class AjvReference {
    private static final Path DIRECTORY = Path.of("src", "test", "ajv");

    private AjvReference() {}

    /** One JSON.stringify'd error array per case, in order. */
    static List<String> errors(Map<String, JsonNode> schemas, List<CrossCheckCase> cases) {
        ensureInstalled();
        ObjectNode input = Json.object();
        ObjectNode schemaMap = input.putObject("schemas");
        schemas.forEach(schemaMap::set);
        ArrayNode caseList = input.putArray("cases");
        for (CrossCheckCase c : cases) caseList.addObject().put("schema", c.schema()).set("body", c.body());
        Result result = run(List.of("node", "ajv-errors.js"), Json.MAPPER.writeValueAsString(input), 120);
        if (result.exitCode() != 0) fail("the AJV reference script failed (exit %d):%n%s", result.exitCode(), result.stderr());
        List<String> lines = result.stdout().lines().toList();
        if (lines.size() != cases.size()) fail("AJV answered %d lines for %d cases", lines.size(), cases.size());
        return lines;
    }

    private static void ensureInstalled() {
        Result node = run(List.of("node", "--version"), "", 30);
        if (node.exitCode() != 0) fail("node --version failed: %s", node.stderr());
        if (Files.isRegularFile(DIRECTORY.resolve("node_modules/ajv/package.json"))) return;
        Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), "", 300);
        if (install.exitCode() != 0) {
            fail("npm ci in %s failed (exit %d):%n%s%n%s", DIRECTORY, install.exitCode(), install.stdout(), install.stderr());
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private static Result run(List<String> command, String stdin, long timeoutSeconds) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(DIRECTORY.toFile()).start();
        } catch (IOException e) {
            return fail("AjvCrossCheckTest needs Node.js and npm on the PATH to run the reference AJV 8 ("
                    + String.join(" ", command) + " could not start: " + e.getMessage() + ")");
        }
        try {
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("%s did not finish within %d s", String.join(" ", command), timeoutSeconds);
            }
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            process.destroyForcibly();
            return fail("talking to %s failed: %s", String.join(" ", command), e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return fail("interrupted while running %s", String.join(" ", command));
        }
    }

    private static String drain(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
