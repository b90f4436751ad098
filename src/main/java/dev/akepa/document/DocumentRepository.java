package dev.akepa.document;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Document rows, scoped by partner for partner calls. */
public final class DocumentRepository {
    private static final String COLUMNS = "id, partner_id, workflow, name, extension, type, note, note_author_agent_email, "
            + "upload_status, storage_key, sha256, size_bytes, created_at, application_id, entity_id, doc_view";
    private static final RowMapper<Document> MAPPER = (rs, ctx) -> new Document(
            rs.getString("id"), rs.getLong("partner_id"), rs.getString("workflow"), rs.getString("name"),
            rs.getString("extension"), rs.getString("type"), rs.getString("note"), rs.getString("note_author_agent_email"),
            rs.getBoolean("upload_status"), rs.getString("storage_key"), rs.getString("sha256"),
            (Long) rs.getObject("size_bytes", Long.class), rs.getLong("created_at"),
            rs.getString("application_id"), rs.getString("entity_id"), rs.getString("doc_view"));

    private final Jdbi jdbi;

    public DocumentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(Document d) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into document (id, partner_id, workflow, name, extension, type, note, note_author_agent_email,
                                              upload_status, created_at)
                        values (:id, :partner, :workflow, :name, :extension, :type, :note, :author, false, :created)""")
                .bind("id", d.id()).bind("partner", d.partnerId()).bind("workflow", d.workflow()).bind("name", d.name())
                .bind("extension", d.extension()).bind("type", d.type()).bind("note", d.note())
                .bind("author", d.noteAuthorAgentEmail()).bind("created", d.createdAtMillis())
                .execute());
    }

    public Optional<Document> find(long partnerId, String documentId) {
        return jdbi.withHandle(h -> find(h, partnerId, documentId));
    }

    public Optional<Document> find(Handle h, long partnerId, String documentId) {
        return h.createQuery("select " + COLUMNS + " from document where id = :id and partner_id = :partner")
                .bind("id", documentId).bind("partner", partnerId).map(MAPPER).findOne();
    }

    /** Records the stored bytes unless another upload got there first; true when this one won. */
    boolean markUploaded(String documentId, String storageKey, String sha256, long sizeBytes, long nowMillis) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        update document set upload_status = true, storage_key = :key, sha256 = :sha, size_bytes = :size,
                               uploaded_at = :now
                        where id = :id and upload_status = false""")
                .bind("key", storageKey).bind("sha", sha256).bind("size", sizeBytes).bind("now", nowMillis)
                .bind("id", documentId).execute()) == 1;
    }

    /**
     * The partner's documents among {@code documentIds}, and every document already attached to the application:
     * what linking needs to check and what the entities will have, in one read.
     */
    public List<Document> linkedOrAttached(Handle h, long partnerId, String applicationId, Collection<String> documentIds) {
        // A union, not "id in (…) or application_id = …": PostgreSQL planned the OR as a scan of the whole table.
        return h.createQuery("select " + COLUMNS + " from document where id in (<ids>) and partner_id = :partner "
                        + "union select " + COLUMNS + " from document where application_id = :app")
                .bind("partner", partnerId).bind("app", applicationId).bindList("ids", List.copyOf(documentIds))
                .map(MAPPER).list();
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
                .bind("app", applicationId).map(MAPPER).list();
    }
}
