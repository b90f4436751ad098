package dev.akepa.testsupport;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;

/** A response as the client saw it: status, parsed JSON body (or null), raw body and headers. */
public record ApiResponse(int status, JsonNode json, String raw, HttpHeaders headers) {

    public JsonNode data() {
        return json.get("data");
    }

    public String dataText(String field) {
        return json.get("data").get(field).asString();
    }
}
