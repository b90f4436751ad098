package dev.akepa.sandbox;

import dev.akepa.document.DocumentStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * Deletes one partner's sandbox data: customers, applications (with their entities and queued verifications),
 * documents and their bytes, and callbacks with their delivery attempts. Nothing of another partner, and not the
 * partner itself, its tokens or its signing secret. The audit trail stays: its rows are hash-chained, so removing
 * some would break `./akepa audit verify` for everyone (docs/rulings.md).
 *
 * <p>The rows go in one transaction, children before parents (the foreign keys run webhook_attempt → webhook_message
 * → application → customer). The bytes go after the commit: a failure there leaves an unreachable file, never a row
 * pointing at missing bytes.
 */
final class SandboxReset {
    private static final Logger log = LoggerFactory.getLogger(SandboxReset.class);
    private static final String APPLICATIONS = "(select id from application where partner_id = :partner)";

    private final Jdbi jdbi;
    private final DocumentStore documents;

    SandboxReset(Jdbi jdbi, DocumentStore documents) {
        this.jdbi = jdbi;
        this.documents = documents;
    }

    /** What was deleted; the names are the response's fields. */
    record Deleted(int customers, int applications, int documents, int callbacks) {}

    Deleted reset(long partnerId) {
        record Outcome(Deleted deleted, List<String> storageKeys) {}
        Outcome outcome = jdbi.inTransaction(h -> {
            List<String> keys = h.createQuery("select storage_key from document where partner_id = :partner and storage_key is not null")
                    .bind("partner", partnerId).mapTo(String.class).list();
            delete(h, "delete from webhook_attempt where message_id in (select id from webhook_message where partner_id = :partner)", partnerId);
            int callbacks = delete(h, "delete from webhook_message where partner_id = :partner", partnerId);
            delete(h, "delete from webhook_gone where application_id in " + APPLICATIONS, partnerId);
            delete(h, "delete from verification_job where application_id in " + APPLICATIONS, partnerId);
            delete(h, "delete from entity_application where application_id in " + APPLICATIONS, partnerId);
            // Their data keys go too (crypto-shredding, as an erasure does), and the erasure records that name them.
            delete(h, "delete from data_key where owner_id in (select storage_key from document where partner_id = :partner)", partnerId);
            delete(h, "delete from data_key where owner_id in (select id from customer where partner_id = :partner)", partnerId);
            delete(h, "delete from customer_erasure where partner_id = :partner", partnerId);
            int documentRows = delete(h, "delete from document where partner_id = :partner", partnerId);
            int applications = delete(h, "delete from application where partner_id = :partner", partnerId);
            int customers = delete(h, "delete from customer where partner_id = :partner", partnerId);
            return new Outcome(new Deleted(customers, applications, documentRows, callbacks), keys);
        });
        for (String key : outcome.storageKeys()) {
            try {
                documents.delete(key);
            } catch (IOException | RuntimeException e) {
                log.warn("Sandbox reset: the bytes of document {} could not be deleted: {}", key, e.getMessage());
            }
        }
        return outcome.deleted();
    }

    private static int delete(Handle h, String sql, long partnerId) {
        return h.createUpdate(sql).bind("partner", partnerId).execute();
    }
}
