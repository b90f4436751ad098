package dev.akepa.document;

import dev.akepa.auth.Partner;
import dev.akepa.http.ApiErrors;
import dev.akepa.store.Ids;
import dev.akepa.json.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;

/** /akepa/document/generate and /akepa/document/upload. */
public final class DocumentService {
    private final DocumentRepository documents;
    private final DocumentVault vault;
    private final Path tempDir;
    private final long maxUploadBytes;
    private final Clock clock;

    public DocumentService(DocumentRepository documents, DocumentVault vault, Path tempDir, long maxUploadBytes, Clock clock) {
        this.documents = documents;
        this.vault = vault;
        this.tempDir = tempDir;
        this.maxUploadBytes = maxUploadBytes;
        this.clock = clock;
    }

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    public Document generate(Partner partner, JsonNode body) {
        Document document = new Document(Ids.next(Ids.DOCUMENT), partner.id(), body.get("workflow").asString(),
                body.get("name").asString(), body.get("extension").asString(), body.get("type").asString(),
                Json.textOrNull(body, "note"), Json.textOrNull(body, "note_author_agent_email"), false, null, null, null, clock.millis(),
                null, null, null);
        documents.insert(document);
        return document;
    }

    /** The partner's document that may still receive its file; the checks that need no body come first. */
    public Document uploadable(Partner partner, String documentId) {
        Document document = documents.find(partner.id(), documentId)
                .orElseThrow(() -> ApiErrors.documentNotFound(documentId));
        if (document.uploaded()) throw ApiErrors.documentAlreadyUploaded();
        return document;
    }

    public Document upload(Document document, InputStream content) throws IOException {
        DocumentVault.Stored stored = vault.put(document, content, tempDir, maxUploadBytes);
        if (!documents.markUploaded(document.id(), stored.storageKey(), stored.sha256(), stored.sizeBytes(), clock.millis(),
                vault.uploadKey(stored))) {
            throw ApiErrors.documentAlreadyUploaded();
        }
        // The row now says what this upload wrote; no need to read it back.
        return document.uploadedAs(stored.storageKey(), stored.sha256(), stored.sizeBytes());
    }

    public InputStream open(Document document) throws IOException {
        return vault.open(document.partnerId(), document.id(), document.storageKey());
    }

}
