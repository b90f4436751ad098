package dev.akepa.document;

import dev.akepa.keys.PersonalData;
import dev.akepa.keys.Sealer;
import dev.akepa.store.TwoWrites;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Document rows, scoped by partner for partner calls. The partner's words about a document (name, note, the
 * agent's e-mail) are stored sealed ({@link DocumentDetails}); a row an earlier version wrote in plaintext is read
 * from its plaintext columns until the start-up pass ({@link #sealPlaintextDetails}) seals it.
 */
public final class DocumentRepository {
    private static final String COLUMNS = "id, partner_id, workflow, name, extension, type, note, note_author_agent_email, "
            + "sealed_name, sealed_note, sealed_note_author, "
            + "upload_status, storage_key, sha256, size_bytes, created_at, application_id, entity_id, doc_view";
    private static final int SEALING_BATCH = 200;

    private final Jdbi jdbi;
    private final DocumentDetails details;
    private final RowMapper<Document> mapper;

    public DocumentRepository(Jdbi jdbi, Sealer detailsKey) {
        this.jdbi = jdbi;
        this.details = new DocumentDetails(detailsKey);
        this.mapper = (rs, ctx) -> {
            String id = rs.getString("id");
            long partnerId = rs.getLong("partner_id");
            DocumentDetails.Opened opened = details.open(partnerId, id,
                    rs.getString("sealed_name"), rs.getString("sealed_note"), rs.getString("sealed_note_author"),
                    rs.getString("name"), rs.getString("note"), rs.getString("note_author_agent_email"));
            return new Document(id, partnerId, rs.getString("workflow"), opened.name(), rs.getString("extension"),
                    rs.getString("type"), opened.note(), opened.noteAuthor(),
                    rs.getBoolean("upload_status"), rs.getString("storage_key"), rs.getString("sha256"),
                    rs.getObject("size_bytes") == null ? null : rs.getLong("size_bytes"), rs.getLong("created_at"),
                    rs.getString("application_id"), rs.getString("entity_id"), rs.getString("doc_view"));
        };
    }

    public void insert(Document d) {
        DocumentDetails.Sealed sealed = details.seal(d.partnerId(), d.id(), d.name(), d.note(), d.noteAuthorAgentEmail());
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into document (id, partner_id, workflow, name, extension, type,
                                              sealed_name, sealed_note, sealed_note_author, upload_status, created_at)
                        values (:id, :partner, :workflow, '', :extension, :type, :name, :note, :author, false, :created)""")
                .bind("id", d.id()).bind("partner", d.partnerId()).bind("workflow", d.workflow()).bind("name", sealed.name())
                .bind("extension", d.extension()).bind("type", d.type()).bind("note", sealed.note())
                .bind("author", sealed.noteAuthor()).bind("created", d.createdAtMillis())
                .execute());
    }

    /**
     * Seals the details of rows an earlier version wrote in plaintext and empties their plaintext columns, in
     * batches; returns how many rows it sealed. A row changed meanwhile is left to the next start's pass.
     */
    public int sealPlaintextDetails() {
        int sealed = 0;
        while (true) {
            List<Document> batch = jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                            + " from document where sealed_name is null order by id limit " + SEALING_BATCH)
                    .map(mapper).list());
            if (batch.isEmpty()) return sealed;
            int done = jdbi.inTransaction(h -> {
                PreparedBatch update = h.prepareBatch("""
                        update document set sealed_name = :name, sealed_note = :note, sealed_note_author = :author,
                               name = '', note = null, note_author_agent_email = null
                        where id = :id and sealed_name is null""");
                for (Document d : batch) {
                    DocumentDetails.Sealed s = details.seal(d.partnerId(), d.id(), d.name(), d.note(), d.noteAuthorAgentEmail());
                    update.bind("name", s.name()).bind("note", s.note()).bind("author", s.noteAuthor()).bind("id", d.id()).add();
                }
                return Arrays.stream(update.execute()).sum();
            });
            sealed += done;
            if (done == 0) return sealed;
        }
    }

    public Optional<Document> find(long partnerId, String documentId) {
        return jdbi.withHandle(h -> find(h, partnerId, documentId));
    }

    public Optional<Document> find(Handle h, long partnerId, String documentId) {
        return h.createQuery("select " + COLUMNS + " from document where id = :id and partner_id = :partner")
                .bind("id", documentId).bind("partner", partnerId).map(mapper).findOne();
    }

    /** Runs in the transaction of an update, when the update happened. */
    @FunctionalInterface
    public interface AlsoInTransaction {
        void run(Handle h);
    }

    /** The upload's data key: bound into the statement that marks the document uploaded, or saved on its own. */
    public interface UploadKey {
        /** Binds {@link dev.akepa.keys.PersonalData#NEW_KEY_ROW_AFTER}'s parameters. */
        Update bind(Update statement);

        void save(Handle h);
    }

    private static final String MARK_UPLOADED = """
            update document set upload_status = true, storage_key = :key, sha256 = :sha, size_bytes = :size,
                   uploaded_at = :now
            where id = :id and upload_status = false""";
    /** The mark and the object's data key in one statement (one statement fewer per upload). */
    private static final TwoWrites MARK_UPLOADED_WITH_KEY = new TwoWrites(MARK_UPLOADED, PersonalData.NEW_KEY_ROW_AFTER);

    /**
     * Records the stored bytes unless another upload got there first; true when this one won. The object's data key
     * commits with the row, so a lost race leaves no key behind.
     */
    public boolean markUploaded(String documentId, String storageKey, String sha256, long sizeBytes, long nowMillis,
                                UploadKey key) {
        return jdbi.inTransaction(h -> {
            if (MARK_UPLOADED_WITH_KEY.execute(h, update -> key.bind(marked(update, documentId, storageKey, sha256,
                    sizeBytes, nowMillis))) == 1) {
                return true;
            }
            // Another upload won, or a rotation retired the key's version since it was wrapped (then the row is marked).
            boolean marked = h.createQuery("select storage_key from document where id = :id").bind("id", documentId)
                    .mapTo(String.class).findOne().filter(storageKey::equals).isPresent();
            boolean won = marked
                    || marked(h.createUpdate(MARK_UPLOADED), documentId, storageKey, sha256, sizeBytes, nowMillis).execute() == 1;
            if (won) key.save(h);
            return won;
        });
    }

    private static Update marked(Update update, String documentId, String storageKey, String sha256, long sizeBytes,
                                 long nowMillis) {
        return update.bind("key", storageKey).bind("sha", sha256).bind("size", sizeBytes).bind("now", nowMillis)
                .bind("id", documentId);
    }

    /**
     * The partner's documents among {@code documentIds}, and every document already attached to the application:
     * what linking needs to check and what the entities will have, in one read.
     */
    public List<Document> linkedOrAttached(Handle h, long partnerId, String applicationId, Collection<String> documentIds) {
        // One primary-key equality per linked id, not "id in (…)": PostgreSQL planned the IN list as a sequential
        // scan while the table was small and kept that plan for the pooled connection's prepared statement, so every
        // journey read the whole table (1,901 scans in 1,952 journeys on a new database; PostgresPlansTest). Not
        // "… or application_id = …" either: the OR was planned as a scan of the whole table too.
        List<String> ids = List.copyOf(documentIds);
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            sql.append("select ").append(COLUMNS).append(" from document where id = :id").append(i)
                    .append(" and partner_id = :partner union all ");
        }
        sql.setLength(Math.max(0, sql.length() - " union all ".length()));
        if (!ids.isEmpty()) sql.append(" union ");
        sql.append("select ").append(COLUMNS).append(" from document where application_id = :app");
        var query = h.createQuery(sql.toString()).bind("app", applicationId);
        if (!ids.isEmpty()) query.bind("partner", partnerId);
        for (int i = 0; i < ids.size(); i++) query.bind("id" + i, ids.get(i));
        return query.map(mapper).list();
    }

    /** Saves where each document is attached, in one batch. */
    public void saveAttachments(Handle h, Collection<Document> attached) {
        PreparedBatch batch = h.prepareBatch(
                "update document set application_id = :app, entity_id = :entity, doc_view = :view where id = :id");
        for (Document d : attached) {
            batch.bind("app", d.applicationId()).bind("entity", d.entityId()).bind("view", d.view()).bind("id", d.id()).add();
        }
        batch.execute();
    }

    public List<Document> attachedTo(Handle h, String applicationId) {
        return h.createQuery("select " + COLUMNS + " from document where application_id = :app order by created_at, id")
                .bind("app", applicationId).map(mapper).list();
    }

    /** Uploaded documents whose stored object has no data key: written in plaintext by a version before encryption. */
    public List<Document> plaintextObjects() {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from document d where storage_key is not null "
                        + "and purged_at is null and not exists (select 1 from data_key k where k.owner_id = d.storage_key) order by id")
                .map(mapper).list());
    }

    /** Points the row at its re-encrypted object, unless it changed meanwhile; true when it did. */
    public boolean replaceStorageKey(String documentId, String oldKey, String newKey, AlsoInTransaction alsoSave) {
        return jdbi.inTransaction(h -> {
            boolean replaced = h.createUpdate("update document set storage_key = :new where id = :id and storage_key = :old")
                    .bind("new", newKey).bind("id", documentId).bind("old", oldKey).execute() == 1;
            if (replaced) alsoSave.run(h);
            return replaced;
        });
    }
}
