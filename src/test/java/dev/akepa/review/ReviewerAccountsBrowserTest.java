package dev.akepa.review;

import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor manages reviewer accounts in Chromium: adds an analyst who then logs in and cannot open the page,
 * disables them, and their session and next login are refused; each change is on the audit trail.
 */
class ReviewerAccountsBrowserTest {
    static final String PASSWORD = ConsoleBrowserTest.PASSWORD;
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();
    static ConsoleSession supervisor;

    @BeforeAll
    static void start() throws Exception {
        running.server().createSupervisor("sue", PASSWORD);
        supervisor = ConsoleSession.login(running.server().baseUrl(), "sue", PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (supervisor != null) supervisor.close();
    }

    private static String row(String login, String cell) {
        return supervisor.text("tr[data-login='" + login + "'] ." + cell);
    }

    private List<String> auditReasons() {
        return running.server().app().database().jdbi().withHandle(h -> h.createQuery(
                        "select actor || ' ' || trigger_name || ': ' || reason from audit_event where kind = 'account' order by id")
                .mapTo(String.class).list());
    }

    @Test
    void aSupervisorAddsAnAnalystWhoLogsInThenDisablesThem() throws Exception {
        supervisor.open("/review/reviewers");
        supervisor.browser.findElement(By.id("new-login")).sendKeys("andy");
        supervisor.browser.findElement(By.id("new-password")).sendKeys(PASSWORD);
        supervisor.browser.findElement(By.cssSelector("#add-reviewer button")).click();
        supervisor.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(supervisor.text("#done")).isEqualTo("Reviewer added.");
        assertThat(row("andy", "role")).isEqualTo("analyst");
        assertThat(row("andy", "state")).isEqualTo("enabled");
        assertThat(supervisor.browser.findElements(By.cssSelector("tr[data-login='sue'] form"))).isEmpty();

        try (ConsoleSession andy = ConsoleSession.login(running.server().baseUrl(), "andy", PASSWORD)) {
            andy.open("/review/reviewers");
            assertThat(andy.browser.getPageSource()).contains("supervisorRequired");
            // A hand-made form with the analyst's own valid CSRF token is refused too.
            andy.open("/review/queue");
            andy.script("""
                    const f = document.createElement('form'); f.method = 'post'; f.action = '/review/reviewers/sue/disable';
                    f.appendChild(document.querySelector('input[name=csrf]').cloneNode());
                    document.body.appendChild(f); f.submit();""");
            andy.wait.until(d -> d.getPageSource().contains("supervisorRequired"));

            supervisor.open("/review/reviewers");
            supervisor.browser.findElement(By.cssSelector("tr[data-login='andy'] button.disable")).click();
            supervisor.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertThat(row("andy", "state")).startsWith("disabled ");

            // The open session ends at once, and the login form refuses the password.
            andy.open("/review/queue");
            assertThat(andy.browser.getCurrentUrl()).contains("/review/login");
            andy.browser.findElement(By.id("login")).sendKeys("andy");
            andy.browser.findElement(By.id("password")).sendKeys(PASSWORD);
            andy.browser.findElement(By.id("submit")).click();
            // Read the page the refusal leads to, not the one the click is leaving (which has a login field too).
            String refusal = andy.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.error"))).getText();
            assertThat(refusal).startsWith("Wrong login or password.");
            assertThat(andy.browser.getCurrentUrl()).doesNotContain("/review/queue");
            assertThat(andy.browser.findElements(By.id("login"))).isNotEmpty();
        }
        assertThat(auditReasons()).contains("reviewer:sue reviewer-added: reviewer 'andy' added as analyst",
                "reviewer:sue reviewer-disabled: reviewer 'andy' disabled");
    }

    @Test
    void aSupervisorChangesARoleAndTheCliRulesApply() {
        running.server().createReviewer("bert", PASSWORD);
        supervisor.open("/review/reviewers");
        supervisor.browser.findElement(By.cssSelector("tr[data-login='bert'] button.role-change")).click();
        supervisor.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(row("bert", "role")).isEqualTo("supervisor");
        assertThat(auditReasons()).contains("reviewer:sue reviewer-role: reviewer 'bert' is now supervisor");

        // The password rule of `./akepa reviewer add`, checked on the server (the browser's minlength is bypassed).
        supervisor.script("document.getElementById('new-password').removeAttribute('minlength')");
        supervisor.browser.findElement(By.id("new-login")).sendKeys("cara");
        supervisor.browser.findElement(By.id("new-password")).sendKeys("short");
        supervisor.browser.findElement(By.cssSelector("#add-reviewer button")).click();
        // The refusal is the next page: wait for it, or the read may still see the page the click left.
        supervisor.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.error")));
        assertThat(supervisor.text("p.error")).isEqualTo("reviewer password must be at least 12 characters");
        assertThat(supervisor.browser.findElements(By.cssSelector("tr[data-login='cara']"))).isEmpty();

        // Without the session's CSRF token the form is refused like every console form.
        supervisor.open("/review/reviewers");
        supervisor.script("document.querySelector(\"tr[data-login='bert'] form.disable-form input[name=csrf]\").remove()");
        supervisor.browser.findElement(By.cssSelector("tr[data-login='bert'] button.disable")).click();
        supervisor.wait.until(d -> d.getPageSource().contains("csrfTokenInvalid"));
        assertThat(supervisor.browser.getPageSource()).contains("csrfTokenInvalid");
        supervisor.open("/review/reviewers");
        assertThat(row("bert", "state")).isEqualTo("enabled");
    }
}
