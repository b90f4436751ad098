package dev.akepa.document;

/** A generated document and, once uploaded, where its bytes are; once attached, to which entity and view. */
public record Document(String id, long partnerId, String workflow, String name, String extension, String type,
                       String note, String noteAuthorAgentEmail, boolean uploaded, String storageKey, String sha256,
                       Long sizeBytes, long createdAtMillis, String applicationId, String entityId, String view) {

    public boolean attached() {
        return applicationId != null;
    }

    /** This document attached to an entity of an application, as one of its views. */
    public Document attachedTo(String toApplicationId, String toEntityId, String asView) {
        return new Document(id, partnerId, workflow, name, extension, type, note, noteAuthorAgentEmail, uploaded,
                storageKey, sha256, sizeBytes, createdAtMillis, toApplicationId, toEntityId, asView);
    }

    /** This document once its bytes are stored under {@code key}. */
    Document uploadedAs(String key, String bytesSha256, long bytes) {
        return new Document(id, partnerId, workflow, name, extension, type, note, noteAuthorAgentEmail, true,
                key, bytesSha256, bytes, createdAtMillis, applicationId, entityId, view);
    }
}
