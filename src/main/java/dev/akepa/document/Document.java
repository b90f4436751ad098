package dev.akepa.document;

/** A generated document and, once uploaded, where its bytes are; once attached, to which entity and view. */
public record Document(String id, long partnerId, String workflow, String name, String extension, String type,
                       String note, String noteAuthorAgentEmail, boolean uploaded, String storageKey, String sha256,
                       Long sizeBytes, long createdAtMillis, String applicationId, String entityId, String view) {

    public boolean attached() {
        return applicationId != null;
    }
}
