package dev.akepa.http.schema;

import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * One (sub)schema compiled into AJV's evaluation plan: the optional up-front type check, then its keywords in
 * AJV's groups (untyped, number, string, array, object), each group in AJV's keyword order.
 *
 * @param hasRules false for a schema with no validation keyword at all, which AJV treats as always valid
 * @param type     the {@code type} keyword, or null when the schema has none
 * @param groups   only the groups that have keywords in this schema, in AJV's group order
 */
record AjvSchema(Location at, boolean hasRules, TypeCheck type, List<Group> groups) {

    /**
     * AJV checks {@code type} first unless the schema has a single type and keywords of that type's group; then
     * the check is the else-branch of that group (so untyped keywords such as enum run before it).
     *
     * @param inGroup the group type carrying the check, or null when the check runs up front
     */
    record TypeCheck(Location at, String inGroup, JsonNode param, String message) {
        boolean upFront() {
            return inGroup == null;
        }
    }

    /** @param dataType the JSON type the group applies to, or null for the untyped group */
    record Group(String dataType, List<Keyword> keywords) {}
}
