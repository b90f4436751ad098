package dev.akepa.bench;

import dev.akepa.store.Ids;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Fills the embedded database (server stopped) up to a total number of applications with batched inserts into the
 * real tables: one individual customer, its application and its one entity row each, in the state
 * /akepa/identification leaves them (pending_step_up), so status reads find the same shape as seeded ones.
 *
 * <p>Ids are random like the server's, but inserted in ascending order of every indexed key: H2's copy-on-write
 * B-trees rewrite each page a commit touches, so random-order inserts write the tree many times over (100,000 rows
 * took 90 s and left a 1.5 GB file), while ordered ones write each page about once.
 */
final class BulkLoader {
    private static final int BATCH = 5_000;
    private static final long SSN_BASE = 700_000_000;

    /** One generated customer; everything indexed sorts in the same order as the customer id. */
    private record Row(String customerId, String applicationId, String reference, String ssn, String taxIdHash) {}

    static void load(String jdbcUrl, String partnerLogin, int totalApplications, Path idsFile) throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "", "");
             BufferedWriter ids = Files.newBufferedWriter(idsFile, StandardOpenOption.APPEND)) {
            c.setAutoCommit(false);
            long partnerId = single(c, "select id from partner where login = '" + partnerLogin + "'");
            int existing = (int) single(c, "select count(*) from application");
            Row[] rows = rows(Math.max(0, totalApplications - existing), existing);
            long now = System.currentTimeMillis();
            try (PreparedStatement customer = c.prepareStatement("""
                         insert into customer (id, partner_id, reference, customer_type, tax_id_hash, body, created_at)
                         values (?, ?, ?, 'individual', ?, ?, ?)""");
                 PreparedStatement application = c.prepareStatement("""
                         insert into application (id, partner_id, customer_id, status, outcome, webhook_url, version,
                                                  created_at, updated_at)
                         values (?, ?, ?, 'pending_step_up', null, null, 1, ?, ?)""");
                 PreparedStatement entity = c.prepareStatement("""
                         insert into entity_application (application_id, entity_id, position, is_customer, kind, status,
                                                         outcome, updated_at)
                         values (?, ?, 0, true, 'INDIVIDUAL', 'pending_step_up', null, ?)""")) {
                for (int i = 0; i < rows.length; i++) {
                    Row row = rows[i];
                    customer.setString(1, row.customerId());
                    customer.setLong(2, partnerId);
                    customer.setString(3, row.reference());
                    customer.setString(4, row.taxIdHash());
                    customer.setString(5, body(row.ssn()));
                    customer.setLong(6, now);
                    customer.addBatch();
                    application.setString(1, row.applicationId());
                    application.setLong(2, partnerId);
                    application.setString(3, row.customerId());
                    application.setLong(4, now);
                    application.setLong(5, now);
                    application.addBatch();
                    entity.setString(1, row.applicationId());
                    entity.setString(2, row.customerId());
                    entity.setLong(3, now);
                    entity.addBatch();
                    ids.write(row.customerId());
                    ids.newLine();
                    if ((i + 1) % BATCH == 0 || i + 1 == rows.length) {
                        customer.executeBatch();
                        application.executeBatch();
                        entity.executeBatch();
                        c.commit();
                    }
                }
            }
            System.err.printf("loaded %d applications (now %d) in %.1f s%n", rows.length, existing + rows.length,
                    (System.nanoTime() - start) / 1e9);
            // Leaves the file as H2's background compaction would in a long-lived database, not as a fresh bulk
            // load leaves it (chunks about 40 % full, five times the size).
            try (var s = c.createStatement()) {
                s.execute("shutdown compact");
            }
        }
        System.err.printf("compacted in %.1f s in all%n", (System.nanoTime() - start) / 1e9);
    }

    /** Random ids and tax id hashes, each list sorted, then paired index by index. */
    private static Row[] rows(int count, int firstNumber) throws Exception {
        String[] customerIds = new String[count];
        String[] applicationIds = new String[count];
        String[][] hashAndSsn = new String[count][];
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < count; i++) {
            customerIds[i] = Ids.next(Ids.INDIVIDUAL);
            applicationIds[i] = Ids.next(Ids.APPLICATION);
            String ssn = String.format("%09d", SSN_BASE + firstNumber + i);
            hashAndSsn[i] = new String[]{
                    HexFormat.of().formatHex(sha.digest(("SSN:" + ssn).getBytes(StandardCharsets.UTF_8))), ssn};
        }
        Arrays.sort(customerIds);
        Arrays.sort(applicationIds);
        Arrays.sort(hashAndSsn, (a, b) -> a[0].compareTo(b[0]));
        Row[] rows = new Row[count];
        for (int i = 0; i < count; i++) {
            rows[i] = new Row(customerIds[i], applicationIds[i], String.format("bulk%010d", firstNumber + i),
                    hashAndSsn[i][1], hashAndSsn[i][0]);
        }
        return rows;
    }

    private static long single(Connection c, String sql) throws Exception {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The customer object as /customer/init stores it. */
    private static String body(String ssn) {
        return "{\"firstName\":\"Jane\",\"lastName\":\"Smith\",\"gender\":\"F\",\"email\":\"jane@example.com\","
                + "\"phones\":[{\"type\":\"MOBILE\",\"countryDialingCode\":\"1\",\"phoneNumber\":\"5551234567\"}],"
                + "\"dateOfBirth\":\"1990-04-12\",\"citizenshipCountryCodeA3\":\"USA\","
                + "\"addresses\":[{\"type\":\"PRIMARY\",\"addressLine1\":\"1 Main St\",\"city\":\"New York\","
                + "\"stateCode\":\"NY\",\"postalCode\":\"10001\",\"countryCodeA3\":\"USA\"}],"
                + "\"identificationDocuments\":[{\"type\":\"SSN\",\"value\":\"" + ssn + "\",\"issuanceCountryCodeA3\":\"USA\"}]}";
    }
}
