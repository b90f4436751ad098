package dev.akepa;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Package-private by default: a top-level type is public only when code of another package (main or test sources,
 * or a template) names it. A type made public for nothing fails here; drop its {@code public}.
 */
class PackagePrivateByDefaultTest {
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:final |abstract |sealed |non-sealed )*(?:class|interface|record|enum|@interface) (\\w+)", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    /** The entry point: the JVM and the launchers name it, not Java code. */
    private static final List<String> ENTRY_POINTS = List.of("App");

    @Test
    void publicTypesAreNamedFromAnotherPackage() throws IOException {
        Map<Path, String> sources = read(List.of(Path.of("src/main/java"), Path.of("src/test/java"), Path.of("src/main/jte")));
        List<String> needlesslyPublic = new ArrayList<>();
        for (var source : sources.entrySet()) {
            if (!source.getKey().startsWith("src/main/java")) continue;
            Matcher type = PUBLIC_TYPE.matcher(source.getValue());
            if (!type.find() || ENTRY_POINTS.contains(type.group(1))) continue;
            String packageName = packageOf(source.getValue());
            Pattern named = Pattern.compile("\\b" + Pattern.quote(type.group(1)) + "\\b");
            boolean namedElsewhere = sources.entrySet().stream()
                    .filter(other -> !other.getKey().equals(source.getKey()))
                    .filter(other -> !other.getKey().toString().endsWith(".java") || !packageOf(other.getValue()).equals(packageName))
                    .anyMatch(other -> named.matcher(other.getValue()).find());
            if (!namedElsewhere) needlesslyPublic.add(packageName + "." + type.group(1));
        }
        assertThat(needlesslyPublic).as("public types no other package names").isEmpty();
    }

    private static Map<Path, String> read(List<Path> roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".jte")).forEach(files::add);
            }
        }
        return files.stream().collect(Collectors.toMap(p -> p, p -> {
            try {
                return Files.readString(p);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    private static String packageOf(String source) {
        Matcher m = PACKAGE.matcher(source);
        return m.find() ? m.group(1) : "";
    }
}
