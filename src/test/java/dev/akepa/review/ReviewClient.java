package dev.akepa.review;

import dev.akepa.json.Json;
import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.Contract;
import dev.akepa.testsupport.TestServer;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reviewer's browser or script does over HTTP: keeps cookies (no redirects followed, so tests see them),
 * posts forms, reads the CSRF token out of pages, and calls the review API with x-akepa-reviewer-token.
 */
public final class ReviewClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    final Map<String, String> cookies = new LinkedHashMap<>();

    public ReviewClient(TestServer server) {
        this.baseUrl = server.baseUrl();
    }

    // ---- console ------------------------------------------------------------------------------------------------

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = request(path).GET();
        if (headers.length > 0) b.headers(headers);
        return send(b);
    }

    HttpResponse<byte[]> getBytes(String path) {
        return send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) b.headers(headers);
        return send(b);
    }

    /** Logs in through the login form; returns the POST's response (303 on success). */
    HttpResponse<String> login(String login, String password, String... headers) {
        String csrf = csrfOf(get("/review/login").body());
        return postForm("/review/login", Map.of("csrf", csrf, "login", login, "password", password), headers);
    }

    ReviewClient loggedIn(String login, String password) {
        HttpResponse<String> r = login(login, password);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return this;
    }

    /** The CSRF token of the session, as the queue page carries it. */
    String csrf() {
        return csrfOf(get("/review/queue").body());
    }

    static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) throw new AssertionError("no csrf field in page: " + html);
        return m.group(1);
    }

    // ---- review API -----------------------------------------------------------------------------------------------

    public ApiResponse apiToken(String login, String password) {
        return postJson("/review/auth/get-token", "{\"user\":{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}}");
    }

    String token(String login, String password) {
        ApiResponse r = apiToken(login, password);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.dataText("token");
    }

    ApiResponse postJson(String path, String json, String... headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) b.headers(headers);
        return asApi(send(b));
    }

    ApiResponse getJson(String path, String... headers) {
        return asApi(get(path, headers));
    }

    static ApiResponse asApi(HttpResponse<String> r) {
        JsonNode json = null;
        if (r.headers().firstValue("content-type").orElse("").contains("json") && !r.body().isEmpty()) {
            json = Json.MAPPER.readTree(r.body());
        }
        ApiResponse response = new ApiResponse(r.statusCode(), json, r.body(), r.headers());
        // the review API's answers are part of the OpenAPI document too (the console's pages are not, and are skipped)
        Contract.check(r.request().method(), r.request().uri().getRawPath(), response);
        return response;
    }

    // ---- plumbing -------------------------------------------------------------------------------------------------

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        return send(b, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder b, HttpResponse.BodyHandler<T> body) {
        try {
            HttpResponse<T> r = HTTP.send(b.build(), body);
            remember(r);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(HttpResponse<?> r) {
        for (String setCookie : r.headers().allValues("set-cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (value.isEmpty() || setCookie.contains("Max-Age=0")) cookies.remove(name);
            else cookies.put(name, value);
        }
    }

    static List<String> setCookies(HttpResponse<?> r) {
        return r.headers().allValues("set-cookie");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
