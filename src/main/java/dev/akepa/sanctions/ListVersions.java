package dev.akepa.sanctions;

import dev.akepa.verification.screening.ListFiles;
import dev.akepa.verification.screening.SanctionsList;
import org.jdbi.v3.core.Jdbi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The imported list versions and their files. Versions are only ever added. */
public final class ListVersions {
    private final Jdbi jdbi;

    public ListVersions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One imported release. {@code files} maps each source file's name to its SHA-256. */
    public record Version(long id, long importedAtMillis, Map<String, String> files, int entries, int aliases,
                          int weakAliases, int consolidatedEntries) {}

    static String fingerprint(Map<String, String> sha256ByName) {
        return new TreeMap<>(sha256ByName).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    long insert(ListFiles files, SanctionsList.Counts counts, long nowMillis) {
        return jdbi.inTransaction(h -> {
            long id = h.createQuery("""
                            insert into sanctions_list_version
                              (imported_at, fingerprint, entries, aliases, weak_aliases, consolidated_entries)
                            values (:at, :fingerprint, :entries, :aliases, :weak, :consolidated)
                            returning id""")
                    .bind("at", nowMillis).bind("fingerprint", fingerprint(files.sha256()))
                    .bind("entries", counts.entries()).bind("aliases", counts.aliases())
                    .bind("weak", counts.weakAliases()).bind("consolidated", counts.consolidatedEntries())
                    .mapTo(Long.class).one();
            var batch = h.prepareBatch("insert into sanctions_list_file (version_id, name, sha256, content) values (:v, :name, :sha, :content)");
            files.texts().forEach((name, text) -> batch.bind("v", id).bind("name", name)
                    .bind("sha", files.sha256().get(name)).bind("content", text).add());
            batch.execute();
            return id;
        });
    }

    public Optional<Long> newestId() {
        return jdbi.withHandle(h -> h.createQuery("select max(id) from sanctions_list_version").mapTo(Long.class).findOne());
    }

    Optional<String> newestFingerprint() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select fingerprint from sanctions_list_version where id = (select max(id) from sanctions_list_version)""")
                .mapTo(String.class).findOne());
    }

    /** Newest first. */
    public List<Version> all() {
        return jdbi.withHandle(h -> {
            Map<Long, Map<String, String>> filesByVersion = new LinkedHashMap<>();
            h.createQuery("select version_id, name, sha256 from sanctions_list_file order by version_id, name")
                    .map((rs, ctx) -> {
                        filesByVersion.computeIfAbsent(rs.getLong("version_id"), v -> new LinkedHashMap<>())
                                .put(rs.getString("name"), rs.getString("sha256"));
                        return 0;
                    }).list();
            return h.createQuery("select * from sanctions_list_version order by id desc")
                    .map((rs, ctx) -> new Version(rs.getLong("id"), rs.getLong("imported_at"),
                            filesByVersion.getOrDefault(rs.getLong("id"), Map.of()), rs.getInt("entries"),
                            rs.getInt("aliases"), rs.getInt("weak_aliases"), rs.getInt("consolidated_entries")))
                    .list();
        });
    }

    ListFiles files(long versionId) {
        return jdbi.withHandle(h -> {
            Map<String, String> texts = new LinkedHashMap<>();
            Map<String, String> hashes = new LinkedHashMap<>();
            h.createQuery("select name, sha256, content from sanctions_list_file where version_id = :v order by name")
                    .bind("v", versionId)
                    .map((rs, ctx) -> {
                        texts.put(rs.getString("name"), rs.getString("content"));
                        hashes.put(rs.getString("name"), rs.getString("sha256"));
                        return 0;
                    }).list();
            return ListFiles.stored(texts, hashes);
        });
    }
}
