package dev.akepa.document;

import dev.akepa.auth.Partner;
import dev.akepa.http.ApiErrors;
import dev.akepa.store.Ids;
import dev.akepa.json.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** /akepa/document/generate and /akepa/document/upload. */
public final class DocumentService {
    private final DocumentRepository documents;
    private final DocumentStore store;
    private final Path tempDir;
    private final long maxUploadBytes;
    private final Clock clock;

    public DocumentService(DocumentRepository documents, DocumentStore store, Path tempDir, long maxUploadBytes, Clock clock) {
        this.documents = documents;
        this.store = store;
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
    Document uploadable(Partner partner, String documentId) {
        Document document = documents.find(partner.id(), documentId)
                .orElseThrow(() -> ApiErrors.documentNotFound(documentId));
        if (document.uploaded()) throw ApiErrors.documentAlreadyUploaded();
        return document;
    }

    public Document upload(Document document, InputStream content) throws IOException {
        VerifiedUpload upload = VerifiedUpload.copy(content, tempDir, document.extension(), maxUploadBytes);
        // A fresh key per upload: a losing concurrent upload can never overwrite the winner's bytes.
        String key = Ids.next(document.id() + "-");
        try {
            store.put(key, upload.file(), upload.sizeBytes(), upload.sha256());
        } finally {
            Files.deleteIfExists(upload.file());
        }
        if (!documents.markUploaded(document.id(), key, upload.sha256(), upload.sizeBytes(), clock.millis())) {
            throw ApiErrors.documentAlreadyUploaded();
        }
        // The row now says what this upload wrote; no need to read it back.
        return document.uploadedAs(key, upload.sha256(), upload.sizeBytes());
    }

    public InputStream open(Document document) throws IOException {
        return store.open(document.storageKey());
    }

}
