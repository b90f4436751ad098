package dev.akepa.audit;

import dev.akepa.store.Database;
import dev.akepa.store.DatabaseConfig;
import dev.akepa.testsupport.PostgresSchema;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain itself on a real database (SQLite, or PostgreSQL when AKEPA_TEST_PG_URL is set): appends from concurrent
 * transactions and from two connection pools (two nodes) form one gapless chain, and every kind of tampering is
 * found at the first broken row.
 */
class AuditChainTest {
    private Path dir;
    private PostgresSchema schema;
    private Database node1;
    private Database node2;

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("akepa-audit-");
        schema = PostgresSchema.createIfConfigured();
        String url = schema == null ? Database.embeddedUrl(dir) : schema.url();
        node1 = Database.open(new DatabaseConfig(url, null, null, 4));
        node2 = Database.open(new DatabaseConfig(url, null, null, 4));
    }

    @AfterEach
    void close() throws Exception {
        node1.close();
        node2.close();
        if (schema != null) schema.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static AuditEntry entry(String customerId, String reason) {
        return new AuditEntry(AuditKind.APPLICATION, customerId, "iapp_x", 1L, "system", "verification", reason,
                null, "{\"status\":\"running\"}", System.currentTimeMillis());
    }

    /** The id of a customer's n-th row (from 1) on a fresh trail: its stripe k numbers 16 + k, 32 + k, … */
    private static long rowId(String customerId, int n) {
        int stripe = Integer.parseInt(AuditTrail.stripeOf(entry(customerId, "")).substring(1));
        return (long) AuditTrail.STRIPES * n + stripe;
    }

    @Test
    void concurrentAppendsOnTwoNodesFormOneGaplessChain() throws Exception {
        List<AuditTrail> trails = List.of(new AuditTrail(node1.jdbi()), new AuditTrail(node2.jdbi()));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Long>> ids = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                AuditTrail trail = trails.get(i % 2);
                String reason = "append " + i;
                ids.add(pool.submit(() -> trail.append(entry("cstap_concurrent", reason))));
            }
            List<Long> assigned = new ArrayList<>();
            for (Future<Long> id : ids) assigned.add(id.get(60, TimeUnit.SECONDS));
            assertThat(assigned).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, 60).mapToObj(n -> rowId("cstap_concurrent", n)).toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(new AuditVerifier(node2.jdbi()).verify()).isInstanceOf(ChainVerification.Intact.class)
                .extracting(v -> ((ChainVerification.Intact) v).rows()).isEqualTo(60L);
    }

    @Test
    void anAppendRolledBackWithItsTransactionLeavesNoTraceInTheChain() {
        AuditTrail trail = new AuditTrail(node1.jdbi());
        trail.append(entry("cstap_a", "kept"));
        try {
            node1.jdbi().useTransaction(h -> {
                trail.append(h, entry("cstap_a", "rolled back"));
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // the change and its audit row are gone together
        }
        assertThat(trail.append(entry("cstap_a", "next"))).isEqualTo(rowId("cstap_a", 2));
        assertThat(new AuditVerifier(node1.jdbi()).verify()).isInstanceOf(ChainVerification.Intact.class)
                .extracting(v -> ((ChainVerification.Intact) v).rows()).isEqualTo(2L);
    }

    @Test
    void aNodeWhoseLastAppendAnotherNodeFollowedAppendsAfterThatNodesRow() {
        AuditTrail first = new AuditTrail(node1.jdbi());
        AuditTrail second = new AuditTrail(node2.jdbi());
        assertThat(first.append(entry("cstap_nodes", "first on node 1"))).isEqualTo(rowId("cstap_nodes", 1));
        assertThat(second.append(entry("cstap_nodes", "then node 2"))).isEqualTo(rowId("cstap_nodes", 2));
        assertThat(first.append(entry("cstap_nodes", "node 1 again"))).isEqualTo(rowId("cstap_nodes", 3));
        assertThat(second.append(entry("cstap_nodes", "node 2 again"))).isEqualTo(rowId("cstap_nodes", 4));
        assertThat(new AuditVerifier(node1.jdbi()).verify()).isInstanceOf(ChainVerification.Intact.class)
                .extracting(v -> ((ChainVerification.Intact) v).rows()).isEqualTo(4L);
    }

    /** One statement on PostgreSQL (a data-modifying WITH); SQLite runs its two parts one after the other. */
    @Test
    void anAppendAfterThisNodesOwnLastAppendIsOneStatementWithoutTheLockedRead() {
        AuditTrail trail = new AuditTrail(node1.jdbi());
        trail.append(entry("cstap_one", "first"));
        List<String> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
        node1.jdbi().setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
            @Override
            public void logAfterExecution(org.jdbi.v3.core.statement.StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });
        node1.jdbi().useTransaction(h -> trail.append(h, entry("cstap_one", "second")));
        assertThat(statements).hasSize(node1.isPostgres() ? 1 : 2).noneMatch(sql -> sql.startsWith("select"));
        assertThat(new AuditVerifier(node1.jdbi()).verify()).isInstanceOf(ChainVerification.Intact.class)
                .extracting(v -> ((ChainVerification.Intact) v).rows()).isEqualTo(2L);
    }

    @Test
    void aChangedRowARehashedRowADeletedRowAndACutTailAreEachFound() {
        AuditTrail trail = new AuditTrail(node1.jdbi());
        for (int i = 1; i <= 6; i++) trail.append(entry("cstap_t", "row " + i));
        Jdbi db = node1.jdbi();
        AuditVerifier verifier = new AuditVerifier(db);
        assertThat(verifier.verify()).isInstanceOf(ChainVerification.Intact.class);

        long id3 = rowId("cstap_t", 3);
        long id4 = rowId("cstap_t", 4);
        exec(db, "update audit_event set reason = 'softened' where id = " + id3);
        assertThat(verifier.verify()).isEqualTo(new ChainVerification.Broken(id3, "content does not match row_hash"));

        // A tamperer who also recomputes row 3's hash is caught by row 4's link.
        AuditRecord row3 = db.withHandle(h -> h.createQuery("select " + AuditTrail.COLUMNS + " from audit_event where id = " + id3)
                .map(AuditTrail.MAPPER).one());
        String rehashed = AuditHash.of(id3, row3.entry(), row3.prevHash());
        exec(db, "update audit_event set row_hash = '" + rehashed + "' where id = " + id3);
        assertThat(verifier.verify()).isEqualTo(
                new ChainVerification.Broken(id4, "prev_hash does not match the hash of row " + id3));

        exec(db, "delete from audit_event where id = " + id3);
        assertThat(verifier.verify()).isEqualTo(new ChainVerification.Broken(id4, "row " + id3 + " before it is missing"));
    }

    @Test
    void customersSpreadOverTheStripesAndABreakInOneStripeIsFound() {
        AuditTrail trail = new AuditTrail(node1.jdbi());
        java.util.Set<String> stripes = new java.util.TreeSet<>();
        for (int i = 0; i < 64; i++) {
            String customer = "cstap_spread" + i;
            stripes.add(AuditTrail.stripeOf(entry(customer, "")));
            trail.append(entry(customer, "first"));
            trail.append(entry(customer, "second"));
        }
        assertThat(stripes).hasSizeGreaterThan(8);
        AuditVerifier verifier = new AuditVerifier(node1.jdbi());
        assertThat(verifier.verify()).isInstanceOf(ChainVerification.Intact.class)
                .extracting(v -> ((ChainVerification.Intact) v).rows()).isEqualTo(128L);

        long firstOfOne = node1.jdbi().withHandle(h -> h.createQuery(
                "select min(id) from audit_event where customer_id = 'cstap_spread7'").mapTo(Long.class).one());
        exec(node1.jdbi(), "update audit_event set actor = 'someone else' where id = " + firstOfOne);
        assertThat(verifier.verify()).isEqualTo(new ChainVerification.Broken(firstOfOne, "content does not match row_hash"));
    }

    @Test
    void rowsCutFromTheEndAreFoundThroughTheChainHead() {
        AuditTrail trail = new AuditTrail(node1.jdbi());
        for (int i = 1; i <= 4; i++) trail.append(entry("cstap_t", "row " + i));
        long id3 = rowId("cstap_t", 3);
        long id4 = rowId("cstap_t", 4);
        exec(node1.jdbi(), "delete from audit_event where id = " + id4);
        assertThat(new AuditVerifier(node1.jdbi()).verify()).isEqualTo(new ChainVerification.Broken(id4,
                "the chain head records row " + id4 + " but the trail ends at row " + id3));
    }

    private static void exec(Jdbi db, String sql) {
        db.useHandle(h -> h.execute(sql));
    }
}
