package dev.akepa.testsupport;

import dev.akepa.json.Json;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** /customer/init bodies as JSON trees, for tests that change one field of an otherwise valid customer. */
public final class CustomerBodies {
    private CustomerBodies() {}

    public static ObjectNode individual() {
        return (ObjectNode) Json.MAPPER.readTree(Fixtures.individual("Person"));
    }

    /** A business whose representatives have the given ids; every one owns 50 % and the first one controls. */
    public static ObjectNode business(String... representativeIds) {
        List<String> names = new ArrayList<>();
        for (String id : representativeIds) names.add("Owner" + id.replaceAll("[^A-Za-z]", ""));
        return (ObjectNode) Json.MAPPER.readTree(Fixtures.business("10001", names, List.of(representativeIds)));
    }

    public static ObjectNode customer(ObjectNode body) {
        return (ObjectNode) body.get("customer");
    }

    public static ObjectNode representative(ObjectNode body, int index) {
        return (ObjectNode) body.get("customer").get("businessRepresentatives").get(index);
    }

    /** Sets ownership and control of the representatives in order: {@code structure(body, 60, false, 70, false)}. */
    public static ObjectNode structure(ObjectNode body, Object... shareThenController) {
        for (int i = 0; i < shareThenController.length / 2; i++) {
            ObjectNode rep = representative(body, i);
            Object share = shareThenController[2 * i];
            if (share instanceof Integer n) rep.put("ownershipPercentage", n);
            else rep.put("ownershipPercentage", ((Number) share).doubleValue());
            rep.put("isController", (Boolean) shareThenController[2 * i + 1]);
        }
        return body;
    }

    public static String ssnOf(ObjectNode holder) {
        return holder.get("identificationDocuments").get(0).get("value").asString();
    }

    public static void setSsn(ObjectNode holder, String ssn) {
        ((ObjectNode) holder.get("identificationDocuments").get(0)).put("value", ssn);
    }
}
