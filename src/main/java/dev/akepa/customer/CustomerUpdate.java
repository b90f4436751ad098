package dev.akepa.customer;

import dev.akepa.http.ApiErrors;
import dev.akepa.store.Ids;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies the {@code customer} object of a schema-valid /customer/update body to a customer's data: every field
 * it names replaces the stored one (arrays whole), and for a business each {@code businessRepresentatives} entry
 * changes the representative with its id field by field, removes it ({@code "remove": true}), or — without an id
 * — adds a new one with a generated id. Pure; the list of changed fields names fields, never values.
 */
final class CustomerUpdate {
    static final String REPRESENTATIVES = "businessRepresentatives";

    /** The customer after the update and what changed: {@code email}, {@code businessRepresentatives[RepA].dateOfBirth}… */
    record Result(Customer after, List<String> changedFields) {}

    private CustomerUpdate() {}

    static Result apply(Customer before, JsonNode changes) {
        ObjectNode data = (ObjectNode) before.data().deepCopy();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : changes.properties()) {
            if (before.type() == Customer.CustomerType.BUSINESS && field.getKey().equals(REPRESENTATIVES)) {
                representatives(data, (ArrayNode) field.getValue(), changed);
            } else if (!Objects.equals(data.get(field.getKey()), field.getValue())) {
                data.set(field.getKey(), field.getValue().deepCopy());
                changed.add(field.getKey());
            }
        }
        Customer after = new Customer(before.id(), before.partnerId(), before.reference(), before.type(), data,
                before.createdAtMillis());
        return new Result(after, List.copyOf(changed));
    }

    private static void representatives(ObjectNode data, ArrayNode entries, List<String> changed) {
        ArrayNode reps = data.withArray(REPRESENTATIVES);
        for (JsonNode entry : entries) {
            if (!entry.hasNonNull("id")) {
                ObjectNode added = (ObjectNode) entry.deepCopy();
                added.put("id", Ids.next(Ids.REPRESENTATIVE));
                reps.add(added);
                changed.add(REPRESENTATIVES + "[+" + added.get("id").asString() + "]");
                continue;
            }
            String id = entry.get("id").asString();
            int index = indexOf(reps, id);
            if (index < 0) throw ApiErrors.entityNotFound(id);
            if (entry.path("remove").asBoolean(false)) {
                reps.remove(index);
                changed.add(REPRESENTATIVES + "[-" + id + "]");
                continue;
            }
            ObjectNode rep = (ObjectNode) reps.get(index);
            for (Map.Entry<String, JsonNode> field : entry.properties()) {
                if (field.getKey().equals("id") || Objects.equals(rep.get(field.getKey()), field.getValue())) continue;
                rep.set(field.getKey(), field.getValue().deepCopy());
                changed.add(REPRESENTATIVES + "[" + id + "]." + field.getKey());
            }
        }
    }

    private static int indexOf(ArrayNode reps, String id) {
        for (int i = 0; i < reps.size(); i++) {
            if (id.equals(reps.get(i).path("id").asString())) return i;
        }
        return -1;
    }
}
