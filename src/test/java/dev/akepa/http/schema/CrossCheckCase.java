package dev.akepa.http.schema;

import tools.jackson.databind.JsonNode;

/** One body to validate with one schema, named so a failing comparison says what it was about. */
record CrossCheckCase(String name, String schema, JsonNode body) {}
