package dev.akepa;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** One naming style for test methods, camelCase: a snake_case method name fails here. */
class TestNamingTest {
    private static final Pattern SNAKE_CASE_METHOD = Pattern.compile("^\\s+(?:public\\s+)?void\\s+([a-z]\\w*_\\w*)\\(", Pattern.MULTILINE);

    @Test
    void testMethodsAreCamelCase() throws Exception {
        List<String> snakeCase = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = SNAKE_CASE_METHOD.matcher(Files.readString(file));
                while (m.find()) snakeCase.add(file.getFileName() + ": " + m.group(1));
            }
        }
        assertThat(snakeCase).as("snake_case method names").isEmpty();
    }
}
