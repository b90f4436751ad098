package dev.akepa.api;

import dev.akepa.verification.screening.OfacSample;
import dev.akepa.http.RegisteredRoute;
import dev.akepa.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api.md lists exactly the routes the running server registers, each with its access, in each mode: a route
 * added without a row (or a row left after its route went) fails here. Reads the router's own registration, so
 * it holds whatever else describes the API.
 */
class RouteTableTest {
    /** | GET | `/akepa/status/{customerId}` | partner | both | … | */
    private static final Pattern ROW = Pattern.compile(
            "^\\| (GET|POST|PUT|PATCH|DELETE) \\| `([^`]+)` \\| ([a-z, ]+) \\| (both|sandbox|production) \\|", Pattern.MULTILINE);

    @Test
    void sandboxServerRegistersExactlyTheDocumentedRoutes() throws Exception {
        try (TestServer server = TestServer.start()) {
            assertThat(registered(server)).isEqualTo(documented("sandbox"));
        }
    }

    @Test
    void productionServerRegistersExactlyTheDocumentedRoutes() throws Exception {
        try (TestServer server = TestServer.start(Map.of("AKEPA_MODE", "production",
                "AKEPA_SANCTIONS_DIR", OfacSample.directory().toString()))) {
            assertThat(registered(server)).isEqualTo(documented("production"));
        }
    }

    private static Set<String> registered(TestServer server) {
        return server.app().routes().stream().map(RouteTableTest::line).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String line(RegisteredRoute route) {
        String access = route.access().isEmpty() ? "public"
                : route.access().stream().map(String::toLowerCase).collect(Collectors.joining(", "));
        return route.method() + " " + route.path() + " " + access;
    }

    private static Set<String> documented(String mode) throws Exception {
        Matcher m = ROW.matcher(Files.readString(Path.of("docs/api.md")));
        Set<String> rows = new TreeSet<>();
        while (m.find()) {
            if (m.group(4).equals("both") || m.group(4).equals(mode)) {
                rows.add(m.group(1) + " " + m.group(2) + " " + m.group(3).trim());
            }
        }
        assertThat(rows).as("rows of docs/api.md's route table").isNotEmpty();
        return rows;
    }

}
