package dev.akepa.store;

import dev.akepa.testsupport.PostgresSchema;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement of the journey, the status read, the verification worker and the webhook dispatcher, planned by
 * PostgreSQL over the rows of 100,000 journeys: none may read a large table sequentially. First on the fresh load,
 * with autovacuum off for the schema's tables (a new deployment before autovacuum has analysed anything), then after
 * ANALYZE; each both as the custom plan a first execution gets and as the generic plan the JDBC driver's prepared
 * statements are cached with (pgjdbc prepares on the server after 5 uses; PostgreSQL keeps a generic plan when it
 * looks no costlier). Measured before the fix: {@code DocumentRepository.linkedOrAttached} read the whole document
 * table once per journey on a new database (1,901 sequential scans in 1,952 journeys).
 *
 * The statements are copies of the repositories' SQL, named by where they live: a statement changed there must be
 * changed here too (its plan is what this test is about).
 */
class PostgresPlansTest {
    private static final int JOURNEYS = 100_000;
    /** A sequential scan of a table this small reads a page or two; that is not what grows with the data. */
    private static final long LARGE = 1_000;
    /** DocumentRepository's column list: a plan's costs depend on the width PostgreSQL expects to read. */
    private static final String DOCUMENT = "id, partner_id, workflow, name, extension, type, note, note_author_agent_email, "
            + "sealed_name, sealed_note, sealed_note_author, "
            + "upload_status, storage_key, sha256, size_bytes, created_at, application_id, entity_id, doc_view";
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");
    /** An index walked from end to end (no Index Cond, only a Filter) reads the table as a sequential scan does. */
    private static final Pattern INDEX_SCAN = Pattern.compile("Index (?:Only )?Scan (?:Backward )?using \\w+ on (\\w+)");

    private static PostgresSchema schema;
    private static Database database;
    /** A connection that prepared and ran every statement while the tables were empty, as a new node's pool does. */
    private static Handle earlySession;

    /** freshPlan: run with {@link FreshPlans#EVERY_EXECUTION}, so never with a plan kept from an earlier execution. */
    record Statement(String where, String sql, List<Object> parameters, boolean freshPlan) {}

    static final List<Statement> STATEMENTS = List.of(
            s("PartnerRepository.findToken", """
                    select p.id, p.login, t.expires_at from api_token t join partner p on p.id = t.partner_id
                    where t.token_hash = $1""", "tok50000"),
            s("PartnerRepository.findByLogin", "select id, login, password_hash from partner where login = $1", "demo"),
            s("CustomerRepository.findAnyPartner",
                    "select id, partner_id, reference, customer_type, sealed_body, body, created_at from customer where id = $1", "c50000"),
            s("CustomerRepository.findIdByReference",
                    "select id from customer where partner_id = $1 and reference = $2", 1L, "r50000"),
            s("CustomerRepository.findIdByTaxId",
                    "select id from customer where partner_id = $1 and tax_id_mac = $2", 1L, "h50000"),
            s("KycService.kycStatus", "select status, outcome from application where customer_id = $1", "c50000"),
            s("ApplicationRepository.findByCustomer", """
                    select a.id, a.partner_id, a.customer_id, a.webhook_url, a.version, a.created_at, a.updated_at,
                           e.entity_id, e.is_customer, e.kind, e.status, e.outcome
                    from application a join entity_application e on e.application_id = a.id
                    where a.customer_id = $1 and a.partner_id = $2
                    order by e.position for update""", "c50000", 1L),
            s("ApplicationRepository.findByIdLocked", """
                    select a.id, a.partner_id, a.customer_id, a.webhook_url, a.version, a.created_at, a.updated_at,
                           e.entity_id, e.is_customer, e.kind, e.status, e.outcome
                    from application a join entity_application e on e.application_id = a.id
                    where a.id = $1
                    order by e.position for update""", "a50000"),
            s("ApplicationRepository.update", """
                    update application set status = $1, outcome = $2, webhook_url = $3, version = $4, updated_at = $5
                    where id = $6 and version = $7""", "running", null, null, 2, 1L, "a50000", 1),
            s("ApplicationRepository.update (entity)", """
                    update entity_application set status = $1, outcome = $2, updated_at = $3
                    where application_id = $4 and entity_id = $5""", "running", null, 1L, "a50000", "c50000"),
            s("ApplicationRepository.aggregatorId", "select login from partner where id = $1", 1L),
            s("DocumentRepository.find", "select " + DOCUMENT + " from document where id = $1 and partner_id = $2",
                    "d50000", 1L),
            s("DocumentRepository.markUploaded (with its data key)", """
                    with written as (update document set upload_status = true, storage_key = $1, sha256 = $2,
                                            size_bytes = $3, uploaded_at = $4
                                     where id = $5 and upload_status = false returning *)
                    insert into data_key (owner_id, kek_version, wrapped_key, created_at)
                    select $1, k.version, 'w', $4 from key_encryption_key k, written
                    where k.version = $6 and k.retired_at is null""",
                    "k", "s", 1L, 1L, "d50000", 1),
            s("CustomerRepository.insert (with its data key)", """
                    with written as (insert into data_key (owner_id, kek_version, wrapped_key, created_at)
                                     select 'c900001', version, 'w', 1 from key_encryption_key
                                     where version = $1 and retired_at is null returning *)
                    insert into customer (id, partner_id, reference, customer_type, tax_id_mac, sealed_body, created_at)
                    select 'c900001', p.id, 'r900001', 'individual', 'h', 'sealed', 1
                    from written, (select min(id) id from partner) p""", 0), // no version 0: runs again and again
            s("DocumentRepository.linkedOrAttached", "select " + DOCUMENT + " from document where id = $1 and partner_id = $3 union all select " + DOCUMENT
                    + " from document where id = $2 and partner_id = $3 union select " + DOCUMENT
                    + " from document where application_id = $4", "d50000", "d50001", 1L, "a50000"),
            s("DocumentRepository.saveAttachments",
                    "update document set application_id = $1, entity_id = $2, doc_view = $3 where id = $4",
                    "a50000", "c50000", "front", "d50000"),
            s("DocumentRepository.attachedTo",
                    "select " + DOCUMENT + " from document where application_id = $1 order by created_at, id", "a50000"),
            s("VerificationJobs.claim", """
                    select application_id from verification_job
                    where run_after <= $1 and lease_until <= $1
                    order by run_after limit $2 for update skip locked""", 5L, 16),
            s("VerificationJobs.complete", "delete from verification_job where application_id = $1", "a50000"),
            s("AuditTrail.append (head)", "select last_id, last_hash from audit_chain_head where chain = $1 for update", "s1"),
            s("AuditTrail.append", """
                    with written as (update audit_chain_head set last_id = $1, last_hash = $2
                                     where chain = $3 and last_id = $4 and last_hash = $5 returning *)
                    insert into audit_event (id, kind, customer_id, application_id, partner_id, actor, trigger_name, reason,
                                             before_state, after_state, at_millis, prev_hash, row_hash, chain)
                    select $1, 'application', 'c50000', 'a50000', 1, 'partner', 't', 'r', null, '{}', 1, $5, $2,
                           written.chain from written""", 9_000_001L, "h", "s1", 1L, "p"),
            s("AuditTrail.ofCustomer", "select id from audit_event where customer_id = $1 order by id", "c50000"),
            s("OutboxStore.enqueue", """
                    select (select count(*) from webhook_gone where application_id = $1 and url_hash = $2),
                           (select count(*) from webhook_message where application_id = $1
                                   and state in ('pending', 'waiting'))""", "a50000", "u"),
            s("OutboxStore.claim", """
                    select m.id, m.partner_id, m.application_id, m.url, m.body, m.series, m.attempts, m.changed_at
                    from webhook_message m
                    where m.state = 'pending' and m.next_attempt_at <= $1 and m.lease_until <= $1
                    order by m.next_attempt_at
                    limit $2
                    for update skip locked""", 5L, 100),
            s("OutboxStore.claim (lease)", """
                    update webhook_message set lease_until = $1, claim_token = $2, next_attempt_at = $1
                    where id = $3 and state = 'pending' and lease_until <= $4""", 9L, "t", "w50000", 5L),
            s("OutboxStore.record", """
                    update webhook_message set state = $1, attempts = attempts + 1, next_attempt_at = $2,
                           lease_until = 0, claim_token = null, finished_at = $3
                    where id = $4 and claim_token = $5""", "delivered", 1L, 1L, "w50000", "t"),
            s("OutboxStore.lockApplications", "select id from application where id = $1 for update skip locked", "a50000"),
            s("OutboxStore.promoteNext", """
                    select m.id, m.partner_id, m.application_id, m.url, m.body, m.series, m.attempts, m.changed_at
                    from webhook_message m
                    join (select application_id, min(seq) as first_seq from webhook_message
                          where application_id in ($1) and state = 'waiting'
                          group by application_id) oldest
                      on oldest.application_id = m.application_id and oldest.first_seq = m.seq""", "a50000"),
            s("OutboxStore.stopCallbacks", """
                    update webhook_message set state = 'gone', finished_at = $1
                    where application_id = $2 and url = $3 and state = 'waiting'""", 1L, "a50000", "u"),
            s("OutboxStore.nextDueAfter",
                    "select min(next_attempt_at) from webhook_message where state = 'pending' and next_attempt_at > $1", 5L),
            fresh(s("OutboxStore.pendingCount", "select count(*) from webhook_message where state in ('pending', 'waiting')")),
            // the purge pass every AKEPA_PURGE_INTERVAL (1 minute) on every node, and the piggybacked expiry deletes
            s("ErasureStore.dueErasures", """
                    select customer_id from customer_erasure where erased_at is null
                    and erase_after <= $1 order by erase_after limit 100""", 5L),
            s("ErasureStore.customerObjects", """
                    select d.id, d.storage_key from document d join application a on a.id = d.application_id
                    where a.customer_id = $1 and d.storage_key is not null""", "c50000"),
            s("ErasureStore.expiredDocuments", """
                    select d.id, d.storage_key from document d join application a on a.id = d.application_id
                    where d.purged_at is null and d.storage_key is not null and a.status = 'completed'
                      and a.updated_at <= $1 order by a.updated_at, d.id limit 100""", 5L),
            s("ErasureStore.lockUnpurged", "select id from document where id = $1 and purged_at is null for update", "d50000"),
            s("ErasureStore.objectsToDelete", """
                    select id, storage_key from document where purged_at is not null
                    and storage_key is not null order by purged_at, storage_key limit 100"""),
            // Not here: IdempotencyStore.purgeCreatedBefore (created_at < ?), a sequential scan of idempotency_key
            // until the table is first analysed; it runs once in ten minutes on one node, not per request.
            s("PartnerRepository.deleteExpiredTokens", "delete from api_token where expires_at < $1", 5L));

    private static Statement s(String where, String sql, Object... parameters) {
        return new Statement(where, sql, java.util.Arrays.asList(parameters), false);
    }

    private static Statement fresh(Statement statement) {
        return new Statement(statement.where(), statement.sql(), statement.parameters(), true);
    }

    @BeforeAll
    static void loadOneHundredThousandJourneys() {
        schema = PostgresSchema.createIfConfigured();
        Assumptions.assumeTrue(schema != null, "plans are PostgreSQL's: set AKEPA_TEST_PG_URL (CI does) to run this test");
        database = Database.open(schema.database(3));
        database.jdbi().useHandle(h -> {
            for (String table : h.createQuery("select tablename from pg_tables where schemaname = current_schema()")
                    .mapTo(String.class).list()) {
                h.execute("alter table " + table + " set (autovacuum_enabled = false)");
            }
            h.execute("insert into partner (login, password_hash, created_at) values ('demo', 'x', 0)");
        });
        // A new deployment's first journeys: tables of a page or so, which is when a node's pool prepares its statements.
        load(1, 10);
        earlySession = database.jdbi().open();
        for (int i = 0; i < STATEMENTS.size(); i++) {
            earlySession.execute("prepare early" + i + " as " + STATEMENTS.get(i).sql());
            earlySession.begin();
            // PostgreSQL plans the first five executions for their values, then keeps a generic plan if it is no costlier
            for (int run = 0; run < 8; run++) {
                earlySession.createQuery("explain analyze execute early" + i + arguments(STATEMENTS.get(i)))
                        .mapTo(String.class).list();
            }
            earlySession.rollback();
        }
        load(11, JOURNEYS);
    }

    /** The rows journeys first..last leave behind (customer n, application an, documents d2n and d2n+1, …). */
    private static void load(int first, int last) {
        database.jdbi().useHandle(h -> {
            String journeys = "generate_series(%d, %d) n, (select min(id) id from partner) p".formatted(first, last);
            String applications = "(select n, p.id partner_id, 'a' || n id, 'c' || n customer_id from " + journeys + ") a";
            h.execute("insert into api_token (token_hash, partner_id, expires_at) select 'tok' || n, p.id, 9000000000000 from "
                    + journeys);
            h.execute("insert into customer (id, partner_id, reference, customer_type, tax_id_mac, sealed_body, created_at) "
                    + "select 'c' || n, p.id, 'r' || n, 'individual', 'h' || n, 'sealed', n from " + journeys);
            h.execute("insert into application (id, partner_id, customer_id, status, outcome, webhook_url, version, created_at, "
                    + "updated_at) select id, partner_id, customer_id, 'completed', 'approved', null, 4, n, n from " + applications);
            h.execute("insert into entity_application (application_id, entity_id, position, is_customer, kind, status, outcome, "
                    + "updated_at) select id, customer_id, 0, true, 'INDIVIDUAL', 'completed', 'approved', 1 from " + applications);
            h.execute("""
                    insert into document (id, partner_id, workflow, name, extension, type, upload_status, storage_key, sha256,
                                          size_bytes, created_at, uploaded_at, application_id, entity_id, doc_view)
                    select 'd' || (2 * n + side), partner_id, 'kyc', 'licence', 'jpg', 'driver_license', true, 'k', 's', 50000,
                           n, n, id, customer_id, case side when 0 then 'front' else 'back' end
                    from """ + applications + ", (select 0 side union all select 1) sides");
            h.execute("""
                    insert into webhook_message (id, partner_id, application_id, customer_id, url, body, state, series, attempts,
                                                 next_attempt_at, lease_until, changed_at, created_at, finished_at)
                    select 'w' || n, partner_id, id, customer_id, 'https://example.test/hook', '{}', 'delivered',
                           1, 1, 0, 0, 1, 1, 2
                    from """ + applications);
            h.execute("""
                    insert into audit_event (id, kind, customer_id, application_id, partner_id, actor, trigger_name, reason,
                                             after_state, at_millis, prev_hash, row_hash, chain)
                    select 16 * (4 * n + k) + 1, 'application', customer_id, id, partner_id, 'partner', 't', 'r', '{}', 1,
                           'p', 'h', 's1'
                    from """ + applications + ", generate_series(0, 3) k");
            h.execute("insert into idempotency_key (partner_id, idem_key, fingerprint, status, locked_until, created_at) "
                    + "select p.id, 'i' || n, 'f', 200, 0, n from " + journeys);
            h.execute("insert into customer_erasure (customer_id, partner_id, reason, requested_at, erase_after, erased_at) "
                    + "select 'c' || n, p.id, 'partner-request', n, n, n + 1 from " + journeys + " where n % 10 = 0");
            h.execute("insert into verification_job (application_id, run_after, lease_until, attempts) "
                    + "select id, 10, 0, 0 from " + applications + " where n % 5000 = 0");
        });
    }

    @AfterAll
    static void drop() {
        if (earlySession != null) earlySession.close();
        if (database != null) database.close();
        if (schema != null) schema.close();
    }

    @Test
    void plansANodeCachedWhileTheDatabaseWasEmptyDoNotReadLargeTablesSequentially() {
        // Only large tables count, as in the other checks: a scan of partner (one row) or audit_chain_head (16) is
        // the cheapest plan there is, whatever the statistics said when it was made.
        Map<String, Long> rows = rowCounts();
        List<String> found = new ArrayList<>();
        earlySession.begin();
        try {
            for (int i = 0; i < STATEMENTS.size(); i++) {
                if (STATEMENTS.get(i).freshPlan()) continue;
                for (String line : wholeTableReads(earlySession.createQuery("explain execute early" + i
                        + arguments(STATEMENTS.get(i))).mapTo(String.class).list(), rows)) {
                    found.add(STATEMENTS.get(i).where() + ": " + line);
                }
            }
        } finally {
            earlySession.rollback();
        }
        assertThat(found).isEmpty();
    }

    @Test
    void noStatementReadsALargeTableSequentiallyBeforeOrAfterAnalyze() {
        List<String> unanalysed = sequentialScans();
        database.jdbi().useHandle(h -> h.execute("analyze"));
        List<String> analysed = sequentialScans();

        assertThat(unanalysed).as("on a fresh, unanalysed database").isEmpty();
        assertThat(analysed).as("after ANALYZE").isEmpty();
    }

    /** "where: plan line" for every sequential scan of a large table in any statement's custom or generic plan. */
    private static Map<String, Long> rowCounts() {
        return database.jdbi().withHandle(h -> {
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : h.createQuery("select tablename from pg_tables where schemaname = current_schema()")
                    .mapTo(String.class).list()) {
                rows.put(table, h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
            }
            return rows;
        });
    }

    private static List<String> sequentialScans() {
        Map<String, Long> rows = rowCounts();
        return database.jdbi().withHandle(h -> {
            assertThat(rows.get("document")).isEqualTo(2L * JOURNEYS);
            List<String> found = new ArrayList<>();
            h.begin();
            try {
                for (Statement statement : STATEMENTS) {
                    for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                        for (String line : wholeTableReads(plan(h, statement, mode), rows)) {
                            found.add(statement.where() + " (" + mode + "): " + line);
                        }
                    }
                }
            } finally {
                h.rollback();
            }
            return found;
        });
    }

    /**
     * The plan's nodes that read a large table whole: a sequential scan, or an index scan with no Index Cond (found
     * in a soak: {@code ErasureStore.objectsToDelete} walked document's primary key to its end, filtering every row,
     * 517 ms a purge pass at 42,000 documents on an unanalysed database).
     */
    private static List<String> wholeTableReads(List<String> plan, Map<String, Long> rows) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            String line = plan.get(i);
            Matcher seq = SEQ_SCAN.matcher(line);
            if (seq.find() && rows.getOrDefault(seq.group(1), 0L) >= LARGE) found.add(line.strip());
            Matcher index = INDEX_SCAN.matcher(line);
            if (index.find() && rows.getOrDefault(index.group(1), 0L) >= LARGE) {
                boolean bounded = false;
                for (int j = i + 1; j < plan.size() && !plan.get(j).contains("->"); j++) {
                    if (plan.get(j).contains("Index Cond:")) bounded = true;
                }
                if (!bounded) found.add(line.strip() + " (no Index Cond)");
            }
        }
        return found;
    }

    private static List<String> plan(Handle h, Statement statement, String mode) {
        h.execute("set local plan_cache_mode = " + mode);
        h.execute("deallocate all");
        h.execute("prepare planned as " + statement.sql());
        return h.createQuery("explain execute planned" + arguments(statement)).mapTo(String.class).list();
    }

    private static String arguments(Statement statement) {
        StringBuilder arguments = new StringBuilder();
        for (Object p : statement.parameters()) {
            if (!arguments.isEmpty()) arguments.append(", ");
            arguments.append(p == null ? "null" : p instanceof String text ? "'" + text.replace("'", "''") + "'" : p.toString());
        }
        return arguments.isEmpty() ? "" : "(" + arguments + ")";
    }
}
