package dev.akepa.http.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.akepa.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates request bodies against the JSON Schema files under resources/schemas and renders failures exactly as
 * AJV 8 with default options would (draft-07, allErrors: false). networknt decides what is invalid; the AJV
 * emulation ({@link Evaluation}) decides which errors AJV would have reported and in what words. Both are compiled
 * once, at load; a valid body costs one networknt evaluation and nothing else. See docs/validation.md.
 */
public final class SchemaValidator {
    private static final Logger log = LoggerFactory.getLogger(SchemaValidator.class);
    private static final String DIRECTORY = "schemas/";

    public record SchemaInfo(String name, String method, String path) {}

    private record Loaded(JsonNode document, Schema networknt, AjvSchema ajv) {}

    private final List<SchemaInfo> infos;
    private final Map<String, Loaded> schemas;

    private SchemaValidator(List<SchemaInfo> infos, Map<String, Loaded> schemas) {
        this.infos = List.copyOf(infos);
        this.schemas = Map.copyOf(schemas);
    }

    /** Loads schemas/index.json and every schema it lists; fails at startup on a missing or unsupported schema. */
    public static SchemaValidator loadFromClasspath() {
        JsonNode index = readResource(DIRECTORY + "index.json");
        List<SchemaInfo> infos = new ArrayList<>();
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (JsonNode entry : index) {
            SchemaInfo info = new SchemaInfo(entry.path("name").asString(), entry.path("method").asString(),
                    entry.path("path").asString());
            infos.add(info);
            documents.put(info.name(), readResource(DIRECTORY + info.name() + ".json"));
        }
        return of(infos, documents);
    }

    /** A validator over the given documents (name → schema); {@code infos} lists what {@link #list()} shows. */
    static SchemaValidator of(List<SchemaInfo> infos, Map<String, JsonNode> documents) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder ->
                builder.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));
        Map<String, Loaded> schemas = new LinkedHashMap<>();
        documents.forEach((name, document) -> {
            try {
                AjvSchema ajv = AjvSchemaCompiler.compile(document);
                Schema networknt = registry.getSchema(SchemaLocation.of("urn:akepa:schemas:" + name), document);
                networknt.initializeValidators();
                schemas.put(name, new Loaded(document.deepCopy(), networknt, ajv));
            } catch (RuntimeException e) {
                throw new IllegalStateException("JSON Schema '" + name + "' cannot be used: " + e.getMessage(), e);
            }
        });
        return new SchemaValidator(infos, schemas);
    }

    /** AJV-format errors; an empty array when the body is valid. */
    public ArrayNode validate(String schemaName, JsonNode body) {
        Loaded schema = schemas.get(schemaName);
        if (schema == null) throw new IllegalArgumentException("no JSON Schema named '" + schemaName + "'");
        List<Error> errors = schema.networknt().validate(body);
        if (errors.isEmpty()) return JsonNodeFactory.instance.arrayNode();
        ArrayNode ajvErrors = Evaluation.run(schema.ajv(), body, NetworkntFailures.of(errors));
        if (!ajvErrors.isEmpty()) return ajvErrors;
        return disagreement(schemaName, errors);
    }

    public List<SchemaInfo> list() {
        return infos;
    }

    /** The schema document itself, or null when there is no schema of that name. */
    public JsonNode schema(String name) {
        Loaded schema = schemas.get(name);
        return schema == null ? null : schema.document().deepCopy();
    }

    /**
     * networknt rejected the body but the emulation found no AJV error: a construct the emulation gets wrong. The
     * body is still refused (networknt is the validator of record), with networknt's first error in AJV's shape.
     */
    private static ArrayNode disagreement(String schemaName, List<Error> errors) {
        Error first = errors.getFirst();
        log.warn("AJV emulation found no error in a body networknt rejected (schema {}, first failure {} at {})",
                schemaName, first.getKeyword(), first.getSchemaLocation().getFragment());
        String schemaPath = "#" + (first.getSchemaLocation().getFragment() == null ? ""
                : first.getSchemaLocation().getFragment().toString());
        String instancePath = first.getInstanceLocation() == null ? "" : first.getInstanceLocation().toString();
        return JsonNodeFactory.instance.arrayNode().add(AjvError.of(instancePath, schemaPath, first.getKeyword(),
                AjvError.noParams(), first.getMessage()));
    }

    private static JsonNode readResource(String path) {
        try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing classpath resource " + path);
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
