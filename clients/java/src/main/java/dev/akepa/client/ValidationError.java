package dev.akepa.client;

import java.util.Map;

/** One AJV error: e.g. instancePath "", keyword "required", params {missingProperty: "customerId"}. */
public record ValidationError(String instancePath, String schemaPath, String keyword, Map<String, Object> params,
                              String message) {}
