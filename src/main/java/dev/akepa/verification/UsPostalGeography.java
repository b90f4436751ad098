package dev.akepa.verification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which USPS state or territory codes ({@link UsState}) each three-digit ZIP prefix belongs to (the generated
 * resource {@code verification/us-zip-prefixes.txt}; see ZipPrefixTableGenerator in the test sources).
 */
final class UsPostalGeography {
    private static final String TABLE = "/verification/us-zip-prefixes.txt";

    private final Map<String, Set<String>> statesByPrefix;

    private UsPostalGeography(Map<String, Set<String>> statesByPrefix) {
        this.statesByPrefix = statesByPrefix;
    }

    static UsPostalGeography load() {
        try (InputStream in = UsPostalGeography.class.getResourceAsStream(TABLE)) {
            if (in == null) throw new IllegalStateException(TABLE + " is missing from the classpath");
            Map<String, Set<String>> table = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] fields = line.trim().split(" ");
                table.put(fields[0], Set.of(java.util.Arrays.copyOfRange(fields, 1, fields.length)));
            }
            return new UsPostalGeography(Map.copyOf(table));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isStateCode(String code) {
        return UsState.ofCode(code).isPresent();
    }

    /** The states a well-formed ZIP code's prefix belongs to; empty when USPS assigns the prefix to none. */
    Set<String> statesOf(String zip) {
        return statesByPrefix.getOrDefault(zip.substring(0, 3), Set.of());
    }
}
