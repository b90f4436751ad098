package dev.akepa.webhook;

import dev.akepa.json.Json;
import dev.akepa.http.RequestIds;
import dev.akepa.kyc.ApplicationChange;
import dev.akepa.kyc.ApplicationView;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The callback body: the /akepa/status envelope plus the customer's reference, fields in wire order.
 * {"code":"0","data":{applicationId,aggregatorId,customerId,status,outcome,entityApplications,reference},"requestId"}
 */
final class CallbackBody {
    private CallbackBody() {}

    static String of(ApplicationChange change) {
        ApplicationView view = change.after();
        ObjectNode data = Json.object();
        data.put("applicationId", view.applicationId());
        data.put("aggregatorId", view.aggregatorId());
        data.put("customerId", view.customerId());
        data.put("status", view.status());
        data.put("outcome", view.outcome());
        ArrayNode entities = data.putArray("entityApplications");
        for (ApplicationView.EntityView entity : view.entityApplications()) {
            entities.addObject()
                    .put("entityId", entity.entityId())
                    .put("isCustomer", entity.isCustomer())
                    .put("status", entity.status())
                    .put("outcome", entity.outcome());
        }
        data.put("reference", change.customerReference());
        ObjectNode body = Json.object();
        body.put("code", "0");
        body.set("data", data);
        body.put("requestId", RequestIds.next());
        return Json.MAPPER.writeValueAsString(body);
    }
}
