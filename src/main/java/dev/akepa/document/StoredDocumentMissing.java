package dev.akepa.document;

import java.io.IOException;

/** Thrown by {@link DocumentStore#open} when nothing is stored under the key: a lost or never-stored document. */
public final class StoredDocumentMissing extends IOException {
    private final String key;

    public StoredDocumentMissing(String key, String where) {
        super("No document is stored under key '" + key + "' in " + where);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
