package dev.akepa.kyc;

import dev.akepa.customer.Customer;
import dev.akepa.verification.Subject;
import dev.akepa.json.Json;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entities of a customer's application and the data each is verified on. An individual is one entity; a
 * business is its representatives (in the order given) followed by the business itself, the order the page's
 * identification and status examples show.
 */
final class CustomerEntities {
    private CustomerEntities() {}

    /** Entity id → subject, in response order. */
    static Map<String, Subject> subjects(Customer customer) {
        Map<String, Subject> subjects = new LinkedHashMap<>();
        JsonNode data = customer.data();
        if (customer.type() == Customer.CustomerType.INDIVIDUAL) {
            subjects.put(customer.id(), person(customer.id(), true, data, "addresses"));
            return subjects;
        }
        for (JsonNode rep : data.path("businessRepresentatives")) {
            String id = rep.path("id").asString();
            subjects.put(id, person(id, false, rep, "addresses"));
        }
        subjects.put(customer.id(), new Subject.Business(customer.id(), Json.textOrNull(data, "businessName"),
                Json.textOrNull(data, "doingBusinessAs"), Json.textOrNull(data, "businessType"), Json.textOrNull(data, "incorporationDate"),
                addresses(data.path("businessAddresses")), documents(data)));
        return subjects;
    }

    /** True when two entities of the business would share an id (the page's extAkepa 4091 case). */
    static boolean hasDuplicateIds(Customer customer) {
        Set<String> seen = new HashSet<>();
        seen.add(customer.id());
        for (JsonNode rep : customer.data().path("businessRepresentatives")) {
            if (!seen.add(rep.path("id").asString())) return true;
        }
        return false;
    }

    static List<EntityState> initialEntities(Customer customer) {
        List<EntityState> entities = new ArrayList<>();
        for (Subject subject : subjects(customer).values()) {
            EntityKind kind = switch (subject) {
                case Subject.Person p -> p.isCustomer() ? EntityKind.INDIVIDUAL : EntityKind.REPRESENTATIVE;
                case Subject.Business b -> EntityKind.BUSINESS;
            };
            boolean isCustomer = subject.entityId().equals(customer.id());
            entities.add(new EntityState(subject.entityId(), isCustomer, kind, EntityStatus.RUNNING, null));
        }
        return entities;
    }

    private static Subject.Person person(String entityId, boolean isCustomer, JsonNode node, String addressField) {
        return new Subject.Person(entityId, isCustomer, Json.textOrNull(node, "firstName"), Json.textOrNull(node, "lastName"),
                Json.textOrNull(node, "dateOfBirth"), Json.textOrNull(node, "citizenshipCountryCodeA3"),
                addresses(node.path(addressField)), documents(node));
    }

    private static List<Subject.Address> addresses(JsonNode array) {
        List<Subject.Address> addresses = new ArrayList<>();
        for (JsonNode a : array) {
            addresses.add(new Subject.Address(Json.textOrNull(a, "type"), Json.textOrNull(a, "addressLine1"), Json.textOrNull(a, "addressLine2"),
                    Json.textOrNull(a, "city"), Json.textOrNull(a, "stateCode"), Json.textOrNull(a, "postalCode"), Json.textOrNull(a, "countryCodeA3")));
        }
        return addresses;
    }

    private static List<Subject.IdentityDocument> documents(JsonNode node) {
        List<Subject.IdentityDocument> documents = new ArrayList<>();
        for (JsonNode d : node.path("identificationDocuments")) {
            documents.add(new Subject.IdentityDocument(Json.textOrNull(d, "type"), Json.textOrNull(d, "value"), Json.textOrNull(d, "issuanceCountryCodeA3")));
        }
        return documents;
    }

}
