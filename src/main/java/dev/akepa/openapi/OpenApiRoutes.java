package dev.akepa.openapi;

import dev.akepa.http.ApiErrors;
import dev.akepa.json.Json;
import dev.akepa.http.RouteGroup;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * GET /openapi.json (generated once at start) and GET /docs: Swagger UI from the org.webjars:swagger-ui jar on
 * the class path, served by Akepa itself, so the page works on a machine with no internet.
 */
public final class OpenApiRoutes implements RouteGroup {
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    /** The only files of the webjar the page loads, with their media types. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "text/javascript",
            "favicon-32x32.png", "image/png");

    private final byte[] document;
    private final String webjarDirectory;
    private final byte[] page;
    private final byte[] initializer;

    public OpenApiRoutes() {
        this.document = Json.MAPPER.writeValueAsBytes(OpenApiDocument.generate());
        this.webjarDirectory = WEBJAR + webjarVersion() + "/";
        this.page = bytes("openapi/docs.html");
        this.initializer = bytes("openapi/docs-init.js");
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(document));
        routes.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
        routes.get("/docs/{asset}", this::asset);
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        if (name.equals("docs-init.js")) {
            ctx.contentType("text/javascript").result(initializer);
            return;
        }
        String type = ASSETS.get(name);
        if (type == null) throw ApiErrors.notFound();
        InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(webjarDirectory + name);
        if (in == null) throw ApiErrors.notFound();
        // Versioned by the webjar: a browser may keep them for a day.
        ctx.header("Cache-Control", "public, max-age=86400").contentType(type).result(in);
    }

    private static String webjarVersion() {
        Properties p = new Properties();
        try (InputStream in = OpenApiRoutes.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) throw new IllegalStateException("org.webjars:swagger-ui is not on the class path");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
