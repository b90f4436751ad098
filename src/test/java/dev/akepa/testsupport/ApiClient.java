package dev.akepa.testsupport;

import dev.akepa.json.Json;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * A plain HTTP client as an integrator would write one against the page. Every answer it receives is also checked
 * against the OpenAPI document ({@link Contract}): the whole suite is the contract test.
 */
public final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final java.util.Map<String, String> headers;

    ApiClient(String baseUrl) {
        this(baseUrl, null);
    }

    /** A client of the server at {@code baseUrl} (http://127.0.0.1:PORT), without a token. */
    public static ApiClient to(String baseUrl) {
        return new ApiClient(baseUrl);
    }

    private ApiClient(String baseUrl, String token) {
        this(baseUrl, token, java.util.Map.of());
    }

    private ApiClient(String baseUrl, String token, java.util.Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.headers = headers;
    }

    public ApiClient withToken(String newToken) {
        return new ApiClient(baseUrl, newToken, headers);
    }

    /** The same client sending one more header on every request (Idempotency-Key…). */
    public ApiClient withHeader(String name, String value) {
        var more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new ApiClient(baseUrl, token, java.util.Map.copyOf(more));
    }

    public ApiClient login(String login, String password) {
        ApiResponse r = post("/auth/get-token", "{\"user\":{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}}");
        if (r.status() != 200) throw new IllegalStateException("login failed: " + r.raw());
        return withToken(r.dataText("token"));
    }

    public String token() {
        return token;
    }

    public ApiResponse get(String path) {
        return send(request(path).GET());
    }

    public ApiResponse post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public ApiResponse post(String path, JsonNode json) {
        return post(path, Json.MAPPER.writeValueAsString(json));
    }

    public ApiResponse send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b);
    }

    /** multipart/form-data with one file part named "file". */
    public ApiResponse upload(String documentId, byte[] content, String filename) {
        String boundary = "akepa-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send("POST", "/akepa/document/upload/" + documentId, "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) b.header("x-connectfi-token", token);
        headers.forEach(b::header);
        return b;
    }

    private ApiResponse send(HttpRequest.Builder builder) {
        try {
            HttpRequest request = builder.build();
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String ct = r.headers().firstValue("content-type").orElse("");
            if (ct.contains("json") && !r.body().isEmpty()) json = Json.MAPPER.readTree(r.body());
            ApiResponse response = new ApiResponse(r.statusCode(), json, r.body(), r.headers());
            Contract.check(request.method(), request.uri().getRawPath(), response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
