package dev.akepa.document;

import dev.akepa.keys.Sealer;

/**
 * The partner's words about a document — its name ("passport-jane-doe"), note and the agent's e-mail — sealed with
 * the document's partner, id and field as associated data, so a value copied to another row or field does not
 * open. The key is an installation key, not a per-document data key: the details exist from generate on, before
 * the document has an owner, and a key per document would add a data-key row to every generate.
 */
final class DocumentDetails {
    record Sealed(String name, String note, String noteAuthor) {}

    record Opened(String name, String note, String noteAuthor) {}

    private final Sealer key;

    DocumentDetails(Sealer key) {
        this.key = key;
    }

    Sealed seal(long partnerId, String documentId, String name, String note, String noteAuthor) {
        return new Sealed(seal(name, partnerId, documentId, "name"), seal(note, partnerId, documentId, "note"),
                seal(noteAuthor, partnerId, documentId, "note-author"));
    }

    /** The sealed columns, or the plaintext ones for a row an earlier version wrote before sealing. */
    Opened open(long partnerId, String documentId, String sealedName, String sealedNote, String sealedNoteAuthor,
                String plainName, String plainNote, String plainNoteAuthor) {
        if (sealedName == null) return new Opened(plainName, plainNote, plainNoteAuthor);
        return new Opened(open(sealedName, partnerId, documentId, "name"), open(sealedNote, partnerId, documentId, "note"),
                open(sealedNoteAuthor, partnerId, documentId, "note-author"));
    }

    private String seal(String value, long partnerId, String documentId, String field) {
        return value == null ? null : key.seal(value, context(partnerId, documentId, field));
    }

    private String open(String sealed, long partnerId, String documentId, String field) {
        return sealed == null ? null : key.open(sealed, context(partnerId, documentId, field));
    }

    private static String context(long partnerId, String documentId, String field) {
        return "akepa-document-details:" + partnerId + ":" + documentId + ":" + field;
    }
}
