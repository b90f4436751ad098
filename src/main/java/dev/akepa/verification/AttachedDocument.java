package dev.akepa.verification;

/** A document linked to an entity by /akepa/update: its generated type (license, passport…) and view (front…). */
public record AttachedDocument(String documentId, String type, String view, String sha256) {

    /** How reasons name the document: {@code doc_… (license front)}. */
    String describe() {
        return documentId + " (" + type + " " + view + ")";
    }
}
