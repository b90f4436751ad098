package dev.akepa.http;

import dev.akepa.json.Json;
import dev.akepa.http.schema.SchemaValidator;
import io.javalin.router.JavalinDefaultRoutingApi;
import tools.jackson.databind.JsonNode;

/** GET /schemas and /schemas/{name}: the JSON Schemas request bodies are validated against. */
public final class SchemaRoutes implements RouteGroup {
    private final SchemaValidator schemas;

    public SchemaRoutes(SchemaValidator schemas) {
        this.schemas = schemas;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/schemas", ctx -> Responses.ok(ctx, schemas.list()));
        routes.get("/schemas/{name}", ctx -> {
            JsonNode schema = schemas.schema(ctx.pathParam("name"));
            if (schema == null) throw ApiErrors.notFound();
            ctx.contentType("application/schema+json").result(Json.MAPPER.writeValueAsString(schema));
        });
    }
}
