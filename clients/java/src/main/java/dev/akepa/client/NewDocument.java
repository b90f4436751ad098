package dev.akepa.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of POST /akepa/document/generate. workflow BUSINESS or PERSONAL; extension jpg or png; type such as
 * license, passport, identification_card. {@code note} and {@code noteAuthorAgentEmail} may be null.
 */
public record NewDocument(String workflow, String name, String extension, String type, String note,
                          @JsonProperty("note_author_agent_email") String noteAuthorAgentEmail) {

    public static NewDocument of(String workflow, String name, String extension, String type) {
        return new NewDocument(workflow, name, extension, type, null, null);
    }
}
