package dev.akepa.dataprotection;

import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Customers and documents carrying known values, and the places at rest those values must not appear. */
final class Markers {
    private Markers() {}

    static String address(String street) {
        return """
                {"type":"PRIMARY","addressLine1":"%s","city":"New York","stateCode":"NY","postalCode":"10001","countryCodeA3":"USA"}"""
                .formatted(street);
    }

    static String individual(String reference, String lastName, String ssn, String birthDate, String street) {
        return """
                {"customerReference":"%s","customerType":"individual","customer":{
                  "firstName":"Jane","lastName":"%s","gender":"F","email":"jane@example.com",
                  "phones":[{"type":"MOBILE","countryDialingCode":"1","phoneNumber":"5551234567"}],
                  "dateOfBirth":"%s","citizenshipCountryCodeA3":"USA","addresses":[%s],
                  "identificationDocuments":[{"type":"SSN","value":"%s","issuanceCountryCodeA3":"USA"}]}}"""
                .formatted(reference, lastName, birthDate, address(street), ssn);
    }

    static String business(String reference, String name, String fein, String repLastName, String repSsn, String street) {
        return """
                {"customerReference":"%s","customerType":"business","customer":{
                  "businessName":"%s","businessType":"LLC","email":"ops@acme.example","businessAddresses":[%s],
                  "businessPhones":[{"type":"PRIMARY","countryDialingCode":"1","phoneNumber":"5559876543"}],
                  "identificationDocuments":[{"type":"FEIN","value":"%s","issuanceCountryCodeA3":"USA"}],
                  "businessRepresentatives":[{"firstName":"Rep","lastName":"%s","dateOfBirth":"1970-02-03",
                    "email":"rep@acme.example","phones":[{"type":"MOBILE","countryDialingCode":"1","phoneNumber":"5550000000"}],
                    "addresses":[%s],"identificationDocuments":[{"type":"SSN","value":"%s","issuanceCountryCodeA3":"USA"}],
                    "ownershipPercentage":50,"isController":true,"jobTitle":"Director"}]}}"""
                .formatted(reference, name, address(street), fein, repLastName, address(street), repSsn);
    }

    /** A JPEG signature followed by the marker, repeated past several streaming-AEAD segments. */
    static byte[] jpegWith(String marker) {
        byte[] repeated = marker.repeat(1000).getBytes(StandardCharsets.US_ASCII);
        byte[] jpeg = new byte[4 + repeated.length + 2];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        jpeg[3] = (byte) 0xE0;
        System.arraycopy(repeated, 0, jpeg, 4, repeated.length);
        jpeg[jpeg.length - 2] = (byte) 0xFF;
        jpeg[jpeg.length - 1] = (byte) 0xD9;
        return jpeg;
    }

    /** Rows per table that a start could write to. */
    static Map<String, Long> rowCounts(Jdbi jdbi) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("partner", "customer", "data_key", "key_encryption_key", "key_check", "audit_event",
                "webhook_secret")) {
            counts.put(table, jdbi.withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one()));
        }
        return counts;
    }

    /**
     * pg_dump of the server's schema, or null on SQLite. {@code jdbcUrl}: jdbc:postgresql://host:port/db?user=u&currentSchema=s.
     */
    static String pgDump(String jdbcUrl) throws IOException, InterruptedException {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) return null;
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        Process dump = new ProcessBuilder("/usr/bin/pg_dump", "-h", uri.getHost(), "-p", Integer.toString(uri.getPort()),
                "-U", query.getOrDefault("user", "postgres"), "-n", query.get("currentSchema"), uri.getPath().substring(1))
                .redirectErrorStream(true).start();
        String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!dump.waitFor(60, TimeUnit.SECONDS) || dump.exitValue() != 0) throw new IOException("pg_dump failed: " + out);
        return out;
    }
}
