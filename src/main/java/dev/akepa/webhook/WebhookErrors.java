package dev.akepa.webhook;

import dev.akepa.http.ApiException;
import dev.akepa.http.ErrorCode;
import dev.akepa.json.Json;

/** The webhook feature's documented errors. */
final class WebhookErrors {
    private WebhookErrors() {}

    static ApiException invalidWebhookUrl(String url, String reason) {
        return new ApiException(400, ErrorCode.INVALID_WEBHOOK_URL, null, Json.object().put("webhookURL", url), reason);
    }

    static ApiException deliveryNotFound(String deliveryId) {
        return new ApiException(400, ErrorCode.DELIVERY_NOT_FOUND, null, Json.object().put("deliveryId", deliveryId),
                "Delivery " + deliveryId + " not found");
    }

    static ApiException invalidParameter(String name, String rule) {
        return new ApiException(400, ErrorCode.INVALID_PARAMETER, null, Json.object().put("parameter", name),
                "Query parameter " + name + " " + rule);
    }
}
