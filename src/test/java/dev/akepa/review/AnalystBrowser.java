package dev.akepa.review;

import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A new analyst account on the test class's server and its own Chromium logged in as it, shared by the class's
 * tests: made on first use (so it needs no ordering against the server's extension), closed after the class.
 */
final class AnalystBrowser implements AfterAllCallback {
    private final ServerExtension running;
    private final String login;
    private ConsoleSession session;

    AnalystBrowser(ServerExtension running, String login) {
        this.running = running;
        this.login = login;
    }

    synchronized ConsoleSession session() {
        if (session == null) {
            running.server().createReviewer(login, ConsoleBrowserTest.PASSWORD);
            try {
                session = ConsoleSession.login(running.server().baseUrl(), login, ConsoleBrowserTest.PASSWORD);
            } catch (Exception e) {
                throw new IllegalStateException("could not log " + login + " in to the console", e);
            }
        }
        return session;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws Exception {
        if (session != null) session.close();
        session = null;
    }
}
