package dev.akepa.review;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays the stored customer data out for the case page, masking until revealed: identification document values
 * (last four characters kept, as /customer/status does), dates of birth and first address lines.
 * Scalars of an object become fields of its section; each object in an array gets a section of its own.
 */
final class CustomerSections {
    static final String HIDDEN = "••••••";
    private static final Map<String, String> SECTION_NAMES = Map.of(
            "addresses", "Address", "businessAddresses", "Business address", "phones", "Phone",
            "businessPhones", "Business phone", "identificationDocuments", "Identification document",
            "businessRepresentatives", "Representative");

    private CustomerSections() {}

    static List<CasePage.Section> of(JsonNode customer, boolean revealed) {
        List<CasePage.Section> sections = new ArrayList<>();
        add(sections, "Customer", null, customer, revealed);
        return sections;
    }

    private static void add(List<CasePage.Section> sections, String title, String arrayName, JsonNode object, boolean revealed) {
        List<CasePage.Field> fields = new ArrayList<>();
        for (var entry : object.properties()) {
            JsonNode value = entry.getValue();
            if (value.isArray() || value.isObject()) continue;
            String shown = revealed ? text(value) : masked(arrayName, entry.getKey(), value);
            fields.add(new CasePage.Field(FieldLabels.label(entry.getKey()), entry.getKey(), FieldLabels.named(entry.getKey(), shown)));
        }
        sections.add(new CasePage.Section(title, fields));
        for (var entry : object.properties()) {
            if (!entry.getValue().isArray()) continue;
            int i = 1;
            for (JsonNode item : entry.getValue()) {
                if (!item.isObject()) continue;
                String name = SECTION_NAMES.getOrDefault(entry.getKey(), entry.getKey());
                add(sections, title.equals("Customer") ? name + " " + i : title + " · " + name + " " + i,
                        entry.getKey(), item, revealed);
                i++;
            }
        }
    }

    /**
     * What an entity's documents should match, for the viewer's side panel: name, date of birth, first address,
     * identification documents (masked like the sections until revealed). {@code holder}: the customer or one
     * representative.
     */
    static List<CasePage.Field> entered(JsonNode holder, boolean revealed) {
        List<CasePage.Field> fields = new ArrayList<>();
        String name = ReviewQueue.displayName(holder);
        if (!name.isEmpty()) fields.add(new CasePage.Field("Name", holder.has("businessName") ? "businessName" : "firstName lastName", name));
        JsonNode dob = holder.path("dateOfBirth");
        if (!dob.isMissingNode()) fields.add(new CasePage.Field("Date of birth", "dateOfBirth", shown(null, "dateOfBirth", dob, revealed)));
        for (String array : List.of("addresses", "businessAddresses")) {
            JsonNode a = holder.path(array).path(0);
            if (!a.isObject()) continue;
            List<String> parts = new ArrayList<>();
            for (String f : List.of("addressLine1", "addressLine2", "city", "stateCode", "postalCode", "countryCodeA3")) {
                if (a.hasNonNull(f)) parts.add(shown(array, f, a.get(f), revealed));
            }
            fields.add(new CasePage.Field("Address", array + "[0]", String.join(", ", parts)));
        }
        int i = 0;
        for (JsonNode d : holder.path("identificationDocuments")) {
            String type = d.path("type").isString() ? d.get("type").asString() : "document";
            fields.add(new CasePage.Field("Document number (" + type + ")", "identificationDocuments[" + i++ + "].value",
                    shown("identificationDocuments", "value", d.path("value"), revealed)));
        }
        return fields;
    }

    private static String shown(String arrayName, String field, JsonNode value, boolean revealed) {
        if (value.isMissingNode()) return "";
        return revealed ? text(value) : masked(arrayName, field, value);
    }

    static String masked(String arrayName, String field, JsonNode value) {
        if (value.isNull()) return "";
        String text = text(value);
        if (field.equals("dateOfBirth")) return HIDDEN;
        if (field.equals("addressLine1") && ("addresses".equals(arrayName) || "businessAddresses".equals(arrayName))) {
            return HIDDEN;
        }
        if (field.equals("value") && "identificationDocuments".equals(arrayName)) {
            int keep = Math.min(4, text.length());
            return "•".repeat(text.length() - keep) + text.substring(text.length() - keep);
        }
        return text;
    }

    private static String text(JsonNode value) {
        return value.isNull() ? "" : value.isString() ? value.asString() : value.toString();
    }
}
