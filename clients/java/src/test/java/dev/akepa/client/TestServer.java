package dev.akepa.client;

import static org.assertj.core.api.Assertions.fail;

/**
 * The Akepa server these tests run against, in sandbox mode: {@code -Dakepa.url=http://127.0.0.1:PORT} (and
 * akepa.login / akepa.password, default the demo partner). The server's own suite starts one and runs these tests
 * against it (JavaClientTest); by hand: {@code ./akepa serve}, then
 * {@code mvn -f clients/java/pom.xml test -Dakepa.url=http://127.0.0.1:8080}.
 */
final class TestServer {
    private TestServer() {}

    static String url() {
        String url = System.getProperty("akepa.url", "");
        if (url.isBlank()) fail("set -Dakepa.url to a running Akepa server in sandbox mode (see TestServer's Javadoc)");
        return url;
    }

    static AkepaClient client() {
        return AkepaClient.builder(url())
                .credentials(System.getProperty("akepa.login", "demo"), System.getProperty("akepa.password", "demo-password"))
                .build();
    }
}
