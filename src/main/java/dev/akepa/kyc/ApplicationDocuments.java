package dev.akepa.kyc;

import dev.akepa.document.Document;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents one /akepa/update works with: those it links and those attached to the application before, read
 * once. Linking is applied here as the rows will be after the update, so the entities' documents need no re-read.
 */
final class ApplicationDocuments {
    /** The order the document rows were read in before: oldest first. */
    private static final Comparator<Document> OLDEST_FIRST =
            Comparator.comparingLong(Document::createdAtMillis).thenComparing(Document::id);

    private final Map<String, Document> byId = new LinkedHashMap<>();

    ApplicationDocuments(List<Document> documents) {
        documents.forEach(d -> byId.put(d.id(), d));
    }

    Optional<Document> find(String documentId) {
        return Optional.ofNullable(byId.get(documentId));
    }

    /** Attaches each linked document in the links' order (a later link of the same document wins, as in SQL). */
    List<Document> link(String applicationId, List<DocumentLink> links) {
        Map<String, Document> changed = new LinkedHashMap<>();
        for (DocumentLink link : links) {
            Document attached = byId.get(link.documentId()).attachedTo(applicationId, link.entityId(), link.view());
            byId.put(attached.id(), attached);
            changed.put(attached.id(), attached);
        }
        return List.copyOf(changed.values());
    }

    /** Every document attached to the entity, oldest first. */
    List<Document> attachedTo(String applicationId, String entityId) {
        return byId.values().stream()
                .filter(d -> applicationId.equals(d.applicationId()) && entityId.equals(d.entityId()))
                .sorted(OLDEST_FIRST)
                .toList();
    }
}
