package dev.akepa.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements {@link PostgresPlansTest} plans on PostgreSQL, planned by SQLite on the embedded schema: none may
 * read a table that grows with the journeys from end to end. SQLite plans without statistics (nothing runs ANALYZE),
 * from the schema alone, so an empty file plans as a full one; a full scan of a partial index reads only the rows its
 * condition keeps (the purge queue's), which is what such an index is for.
 */
class SqlitePlansTest {
    /** Tables of configuration, a row per partner, key version or list version: their scans stay a page or two. */
    private static final Set<String> SMALL = Set.of("partner", "key_encryption_key", "key_check", "audit_chain_head",
            "sanctions_list_version", "sanctions_list_file", "rescreen_run", "upgrade_pass", "webhook_secret", "reviewer");
    /** "SCAN t", "SCAN t USING INDEX i", "SCAN t USING COVERING INDEX i": the whole table, or the whole index. */
    private static final Pattern SCAN = Pattern.compile("^SCAN (\\w+)(?: USING (?:COVERING )?INDEX (\\w+))?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\d+");

    @TempDir
    static Path dir;
    private static Database database;

    @BeforeAll
    static void open() {
        database = Database.open(new DatabaseConfig(Database.embeddedUrl(dir), null, null, 2));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void noStatementOfTheJourneyTheStatusReadTheWorkersOrTheDispatcherScansAGrowingTable() throws Exception {
        Set<String> partialIndexes = names("select name from sqlite_master where type = 'index' and sql like '% where %'");
        // what a plan scans may also be a subquery's rows ("SCAN oldest") or a constant row: only tables count
        Set<String> tables = names("select name from sqlite_master where type = 'table'");
        List<String> scans = new ArrayList<>();
        for (PostgresPlansTest.Statement statement : PostgresPlansTest.STATEMENTS) {
            // TwoWrites' PostgreSQL form; SQLite runs its two parts, a write by key and an insert, one by one
            if (statement.sql().strip().startsWith("with written as")) continue;
            // $1, $2…: SQLite takes them as named parameters, numbered in the order they first appear
            String sql = Sqlite.withoutRowLocks(statement.sql().strip());
            List<String> plan = database.jdbi().withHandle(h -> {
                try (PreparedStatement explain = h.getConnection().prepareStatement("explain query plan " + sql)) {
                    Matcher placeholder = PLACEHOLDER.matcher(sql);
                    List<String> seen = new ArrayList<>();
                    while (placeholder.find()) {
                        if (seen.contains(placeholder.group())) continue;
                        seen.add(placeholder.group());
                        int number = Integer.parseInt(placeholder.group().substring(1));
                        explain.setObject(seen.size(), statement.parameters().get(number - 1));
                    }
                    List<String> details = new ArrayList<>();
                    try (ResultSet rs = explain.executeQuery()) {
                        while (rs.next()) details.add(rs.getString("detail"));
                    }
                    return details;
                }
            });
            for (String step : plan) {
                Matcher scan = SCAN.matcher(step);
                if (scan.find() && tables.contains(scan.group(1)) && !SMALL.contains(scan.group(1))
                        && (scan.group(2) == null || !partialIndexes.contains(scan.group(2)))) {
                    scans.add(statement.where() + ": " + step + " in " + plan);
                }
            }
        }
        assertThat(scans).isEmpty();
        List<String> unindexed = database.jdbi().withHandle(h -> h.createQuery(
                "explain query plan select id from document where sha256 = 'x'").map((rs, ctx) -> rs.getString("detail")).list());
        assertThat(unindexed).as("what this test looks for, in a statement no index serves")
                .anySatisfy(step -> assertThat(SCAN.matcher(step).find()).isTrue());
        assertThat(PostgresPlansTest.STATEMENTS).hasSizeGreaterThan(30);
    }

    private static Set<String> names(String query) {
        return new HashSet<>(database.jdbi().withHandle(h -> h.createQuery(query).mapTo(String.class).list()));
    }
}
