package dev.akepa.verification.screening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One release of OFAC's legacy CSV files, as text by file name: sdn.csv, alt.csv and add.csv always, and the
 * consolidated (non-SDN) list's cons_prim.csv, cons_alt.csv and cons_add.csv (same columns) when it is present.
 * The SHA-256 of each file as delivered identifies the release.
 */
public record ListFiles(Map<String, String> texts, Map<String, String> sha256) {
    static final List<String> SDN = List.of("sdn.csv", "alt.csv", "add.csv");
    static final List<String> CONSOLIDATED = List.of("cons_prim.csv", "cons_alt.csv", "cons_add.csv");

    public ListFiles {
        texts = Map.copyOf(texts);
        sha256 = Map.copyOf(sha256);
    }

    /**
     * @throws NoSuchFileException if the directory, one of the SDN files, or part of a present consolidated list
     *                             is missing
     */
    public static ListFiles read(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toAbsolutePath().toString(), null,
                    "OFAC list directory not found (it must hold sdn.csv, alt.csv and add.csv)");
        }
        Map<String, byte[]> raw = new LinkedHashMap<>();
        for (String name : SDN) raw.put(name, required(directory.resolve(name)));
        if (CONSOLIDATED.stream().anyMatch(n -> Files.exists(directory.resolve(n)))) {
            for (String name : CONSOLIDATED) raw.put(name, required(directory.resolve(name)));
        }
        return of(raw);
    }

    static ListFiles of(Map<String, byte[]> raw) {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        raw.forEach((name, bytes) -> {
            texts.put(name, CsvRecords.decode(bytes));
            hashes.put(name, sha256(bytes));
        });
        return new ListFiles(texts, hashes);
    }

    /** Rebuilt from stored text (the hashes were taken of the delivered bytes at import). */
    public static ListFiles stored(Map<String, String> texts, Map<String, String> sha256) {
        return new ListFiles(texts, sha256);
    }

    public boolean hasConsolidated() {
        return texts.containsKey(CONSOLIDATED.getFirst());
    }

    private static byte[] required(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "OFAC list file is missing");
        return Files.readAllBytes(file);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
