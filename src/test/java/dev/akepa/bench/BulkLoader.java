package dev.akepa.bench;

import dev.akepa.Config;
import dev.akepa.customer.Customer;
import dev.akepa.customer.CustomerRepository;
import dev.akepa.json.Json;
import dev.akepa.keys.KeyRing;
import dev.akepa.store.DatabaseConfig;
import dev.akepa.store.Ids;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.databind.JsonNode;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Fills the database (server stopped) up to a total number of applications: one individual customer, its
 * application and its one entity row each, in the state /akepa/identification leaves them (pending_step_up), so
 * status reads find the same shape as seeded ones. Customers go through the production {@link CustomerRepository}
 * and key ring, 500 at a time through {@code insertAll} (the statement {@code insert} writes one with): each gets
 * its own wrapped data key, a sealed body and a keyed tax-id MAC, as the server writes them (a data dir as an
 * operator's looks, and nothing for the server to seal at start; the format stays the repository's), the keys of a
 * batch stored with one statement. Applications and entity rows hold no personal data and are batched in plain JDBC.
 *
 * <p>Ids are random like the server's, but inserted in ascending order of every indexed key (customer id, data key
 * owner, tax-id MAC, application id): random-order inserts write every index page many times over (on H2, whose
 * copy-on-write B-trees rewrite each page a commit touches, 100,000 rows took 90 s and left a 1.5 GB file), while
 * ordered ones write each page about once.
 */
final class BulkLoader {
    private static final int BATCH = 5_000;
    /** Customers per {@link CustomerRepository#insertAll}: their data keys are made and stored in one batch. */
    private static final int CUSTOMER_BATCH = 500;
    private static final long SSN_BASE = 700_000_000;

    /** Lends every handle the one connection, which the loader closes itself. */
    private record SingleConnection(Connection connection) implements ConnectionFactory {
        @Override
        public Connection openConnection() {
            return connection;
        }

        @Override
        public void closeConnection(Connection toClose) {}
    }

    /** One generated customer; everything indexed sorts in the same order as the customer id. */
    private record Row(String customerId, String applicationId, String reference, String ssn) {}

    /** A tax id and its keyed MAC, to sort the SSNs by the MAC the repository will store. */
    private record Ssn(String mac, String value) {}

    /** @param jdbcUrl null for the embedded database of {@code dataDir} (whose master.key it uses) */
    static void load(Path dataDir, String jdbcUrl, String partnerLogin, int totalApplications, Path idsFile)
            throws Exception {
        long start = System.nanoTime();
        Map<String, String> env = jdbcUrl == null
                ? Map.of("AKEPA_DATA_DIR", dataDir.toString())
                : Map.of("AKEPA_DATA_DIR", dataDir.toString(), "AKEPA_DB_URL", jdbcUrl);
        Config config = Config.fromEnvironment(env);
        DatabaseConfig db = config.database();
        boolean postgres = db.jdbcUrl().startsWith("jdbc:postgresql:");
        // One plain connection, as the server's start left the schema migrated: no pool.
        try (Connection connection = db.user() == null
                ? DriverManager.getConnection(db.jdbcUrl(), new Properties())
                : DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             BufferedWriter ids = Files.newBufferedWriter(idsFile, StandardOpenOption.APPEND)) {
            Jdbi jdbi = Jdbi.create(new SingleConnection(connection));
            CustomerRepository customers = new CustomerRepository(jdbi,
                    KeyRing.open(jdbi, config.keys(), Clock.systemUTC()).personalData());
            long partnerId = jdbi.withHandle(h -> h.createQuery("select id from partner where login = :login")
                    .bind("login", partnerLogin).mapTo(Long.class).one());
            int existing = jdbi.withHandle(h -> h.createQuery("select count(*) from application").mapTo(Integer.class).one());
            Row[] rows = rows(Math.max(0, totalApplications - existing), existing, customers, partnerId);
            long now = System.currentTimeMillis();
            for (int from = 0; from < rows.length; from += BATCH) {
                int to = Math.min(rows.length, from + BATCH);
                int first = from;
                jdbi.useTransaction(h -> {
                    try (PreparedStatement application = h.getConnection().prepareStatement("""
                                 insert into application (id, partner_id, customer_id, status, outcome, webhook_url, version,
                                                          created_at, updated_at)
                                 values (?, ?, ?, 'pending_step_up', null, null, 1, ?, ?)""");
                         PreparedStatement entity = h.getConnection().prepareStatement("""
                                 insert into entity_application (application_id, entity_id, position, is_customer, kind, status,
                                                                 outcome, updated_at)
                                 values (?, ?, 0, true, 'INDIVIDUAL', 'pending_step_up', null, ?)""")) {
                        for (int batchFrom = first; batchFrom < to; batchFrom += CUSTOMER_BATCH) {
                            List<Customer> batch = new ArrayList<>(CUSTOMER_BATCH);
                            List<CustomerRepository.TaxId> taxIds = new ArrayList<>(CUSTOMER_BATCH);
                            for (int i = batchFrom; i < Math.min(to, batchFrom + CUSTOMER_BATCH); i++) {
                                batch.add(new Customer(rows[i].customerId(), partnerId, rows[i].reference(),
                                        Customer.CustomerType.INDIVIDUAL, data(rows[i].ssn()), now));
                                taxIds.add(new CustomerRepository.TaxId("SSN", rows[i].ssn()));
                            }
                            customers.insertAll(h, batch, taxIds);
                        }
                        for (int i = first; i < to; i++) {
                            Row row = rows[i];
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
                        }
                        application.executeBatch();
                        entity.executeBatch();
                    }
                });
                for (int i = first; i < to; i++) {
                    ids.write(rows[i].customerId());
                    ids.newLine();
                }
            }
            System.err.printf("loaded %d applications (now %d) in %.1f s%n", rows.length, existing + rows.length,
                    (System.nanoTime() - start) / 1e9);
            // The load's write-ahead log into the embedded file, as the server's checkpoints would have done by now.
            if (!postgres) {
                try (var s = connection.createStatement()) {
                    s.execute("pragma wal_checkpoint(TRUNCATE)");
                }
            }
        }
        System.err.printf("compacted in %.1f s in all%n", (System.nanoTime() - start) / 1e9);
    }

    /** Random ids and SSNs, each list sorted (the SSNs by their MAC), then paired index by index. */
    private static Row[] rows(int count, int firstNumber, CustomerRepository customers, long partnerId) {
        String[] customerIds = new String[count];
        String[] applicationIds = new String[count];
        Ssn[] ssns = new Ssn[count];
        for (int i = 0; i < count; i++) {
            customerIds[i] = Ids.next(Ids.INDIVIDUAL);
            applicationIds[i] = Ids.next(Ids.APPLICATION);
            String ssn = String.format("%09d", SSN_BASE + firstNumber + i);
            ssns[i] = new Ssn(customers.taxIdMac(partnerId, new CustomerRepository.TaxId("SSN", ssn)), ssn);
        }
        Arrays.sort(customerIds);
        Arrays.sort(applicationIds);
        Arrays.sort(ssns, (a, b) -> a.mac().compareTo(b.mac()));
        Row[] rows = new Row[count];
        for (int i = 0; i < count; i++) {
            rows[i] = new Row(customerIds[i], applicationIds[i], String.format("bulk%010d", firstNumber + i),
                    ssns[i].value());
        }
        return rows;
    }

    /** The customer object as /customer/init stores it. */
    private static JsonNode data(String ssn) {
        return Json.MAPPER.readTree("{\"firstName\":\"Jane\",\"lastName\":\"Smith\",\"gender\":\"F\",\"email\":\"jane@example.com\","
                + "\"phones\":[{\"type\":\"MOBILE\",\"countryDialingCode\":\"1\",\"phoneNumber\":\"5551234567\"}],"
                + "\"dateOfBirth\":\"1990-04-12\",\"citizenshipCountryCodeA3\":\"USA\","
                + "\"addresses\":[{\"type\":\"PRIMARY\",\"addressLine1\":\"1 Main St\",\"city\":\"New York\","
                + "\"stateCode\":\"NY\",\"postalCode\":\"10001\",\"countryCodeA3\":\"USA\"}],"
                + "\"identificationDocuments\":[{\"type\":\"SSN\",\"value\":\"" + ssn + "\",\"issuanceCountryCodeA3\":\"USA\"}]}");
    }
}
