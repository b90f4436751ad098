package dev.akepa.document;

import dev.akepa.keys.PersonalData;
import dev.akepa.store.Ids;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Document bytes at rest: each stored object is Tink streaming AEAD (AES-256-GCM-HKDF, 4 KB segments) under its own
 * data key, with the partner, document id and storage key as associated data; the store only ever sees ciphertext.
 */
public final class DocumentVault {
    private final DocumentStore store;
    private final PersonalData keys;

    public DocumentVault(DocumentStore store, PersonalData keys) {
        this.store = store;
        this.keys = keys;
    }

    /** Stored object, what it held, and its key (saved with the row that records the upload). */
    record Stored(String storageKey, long sizeBytes, String sha256, PersonalData.DocumentKey key) {}

    /** Streams, checks, encrypts and stores one upload under a fresh key (a losing concurrent upload never overwrites). */
    Stored put(Document document, InputStream content, Path tempDir, long maxBytes) throws IOException {
        String key = Ids.next(document.id() + "-");
        String context = PersonalData.documentContext(document.partnerId(), document.id(), key);
        PersonalData.DocumentKey dataKey = keys.newDocumentKey(key);
        VerifiedUpload upload = VerifiedUpload.copy(content, tempDir, document.extension(), maxBytes,
                file -> keys.encryptingDocument(dataKey, context, file));
        // The store owns the temp file from here, stored or not, and deletes it (DocumentStoreContract checks it).
        store.put(key, upload.file(), upload.storedBytes(), upload.storedSha256());
        return new Stored(key, upload.sizeBytes(), upload.sha256(), dataKey);
    }

    /** The stored object's key, saved by the transaction that marks the document uploaded. */
    DocumentRepository.UploadKey uploadKey(Stored stored) {
        return new DocumentRepository.UploadKey() {
            @Override
            public org.jdbi.v3.core.statement.Update bind(org.jdbi.v3.core.statement.Update statement) {
                return keys.bindNewKey(statement, stored.key());
            }

            @Override
            public void save(org.jdbi.v3.core.Handle h) {
                keys.saveDocumentKey(h, stored.key());
            }
        };
    }

    /** The plaintext of a stored document; the caller closes it. */
    public InputStream open(long partnerId, String documentId, String storageKey) throws IOException {
        InputStream sealed = store.open(storageKey);
        try {
            return keys.decryptingDocument(storageKey,
                    PersonalData.documentContext(partnerId, documentId, storageKey), sealed);
        } catch (IOException | RuntimeException e) {
            sealed.close();
            throw e;
        }
    }

    /**
     * Re-encrypts objects an older version stored in plaintext: each is read, encrypted under a new key and data
     * key, the row repointed, then the plaintext object deleted. Resumable: a crash leaves at worst an unreferenced
     * encrypted copy, and the plaintext object is found again on the next start.
     */
    public int sealLegacyObjects(DocumentRepository documents, Path tempDir) throws IOException {
        int sealed = 0;
        for (Document d : documents.plaintextObjects()) {
            String key = Ids.next(d.id() + "-");
            String context = PersonalData.documentContext(d.partnerId(), d.id(), key);
            PersonalData.DocumentKey dataKey = keys.newDocumentKey(key);
            try (InputStream plain = store.open(d.storageKey())) {
                VerifiedUpload upload = VerifiedUpload.copy(plain, tempDir, d.extension(), Long.MAX_VALUE,
                        file -> keys.encryptingDocument(dataKey, context, file));
                store.put(key, upload.file(), upload.storedBytes(), upload.storedSha256());
            } catch (StoredDocumentMissing gone) {
                continue;
            }
            boolean replaced = documents.replaceStorageKey(d.id(), d.storageKey(), key, h -> keys.saveDocumentKey(h, dataKey));
            store.delete(replaced ? d.storageKey() : key);
            sealed++;
        }
        return sealed;
    }
}
