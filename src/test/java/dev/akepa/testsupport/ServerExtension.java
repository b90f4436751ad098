package dev.akepa.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * One real server per test class: {@code @RegisterExtension static ServerExtension server = new ServerExtension();}
 * gives the server, a demo-partner client and the workflow steps, and stops everything after the class.
 */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> env;
    private TestServer server;
    private ApiClient api;

    public ServerExtension() {
        this(Map.of());
    }

    public ServerExtension(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = TestServer.start(env);
        api = server.demo();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        server.close();
    }

    public TestServer server() {
        return server;
    }

    /** The demo partner's client. */
    public ApiClient api() {
        return api;
    }

    public Journeys journeys() {
        return new Journeys(api);
    }
}
