package dev.akepa.review;

import dev.akepa.crypto.Sha256;
import dev.akepa.testsupport.ApiClient;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.Journeys;
import dev.akepa.testsupport.ServerExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static dev.akepa.testsupport.JsonMatch.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

/** The console over plain HTTP: cookies, CSRF, masking, reveal, decisions, documents, logout and session expiry. */
class ConsoleHttpTest {
    static final String PASSWORD = "correct horse battery";
    static final String CSRF_REFUSED = """
            {"code":"csrfTokenInvalid","message":"The form's CSRF token is missing or wrong: reload the page and try again",
             "requestId":"{{requestId}}"}""";
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();
    static ApiClient partner;
    static Jdbi db;

    @BeforeAll
    static void createReviewer() {
        partner = running.api();
        db = running.server().app().database().jdbi();
        running.server().createReviewer("alice", PASSWORD);
    }

    private static ReviewClient alice() {
        return new ReviewClient(running.server()).loggedIn("alice", PASSWORD);
    }

    @Test
    void loginSetsAnHttpOnlyStrictSessionCookieWhoseValueIsStoredOnlyAsAHash() {
        ReviewClient browser = new ReviewClient(running.server());
        HttpResponse<String> r = browser.login("alice", PASSWORD);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("location")).hasValue("/review/queue");
        String cookie = ReviewClient.setCookies(r).stream().filter(c -> c.startsWith("akepa_console=")).findFirst().orElseThrow();
        assertThat(cookie).matches("akepa_console=[A-Za-z0-9_-]{43}; Path=/review; HttpOnly; SameSite=Strict");
        String value = browser.cookies.get("akepa_console");
        assertThat(Sql.one(db, Integer.class, "select count(*) from reviewer_session where token_hash = :h",
                "h", Sha256.hex(value))).isEqualTo(1);
        assertThat(Sql.one(db, Integer.class, "select count(*) from reviewer_session where token_hash = :v", "v", value)).isZero();
    }

    @Test
    void theSessionCookieIsSecureWhenTheRequestCameOverTls() {
        HttpResponse<String> r = new ReviewClient(running.server()).login("alice", PASSWORD, "X-Forwarded-Proto", "https");
        assertThat(ReviewClient.setCookies(r)).anySatisfy(c ->
                assertThat(c).startsWith("akepa_console=").endsWith("; HttpOnly; SameSite=Strict; Secure"));
    }

    @Test
    void theLoginFormRefusesAPostWithoutItsCsrfToken() {
        ReviewClient browser = new ReviewClient(running.server());
        browser.get("/review/login");
        assertJson(ReviewClient.asApi(browser.postForm("/review/login", Map.of("login", "alice", "password", PASSWORD))),
                403, CSRF_REFUSED);
        assertJson(ReviewClient.asApi(browser.postForm("/review/login",
                Map.of("csrf", "forged", "login", "alice", "password", PASSWORD))), 403, CSRF_REFUSED);
        assertThat(browser.cookies).doesNotContainKey("akepa_console");
    }

    @Test
    void consolePagesWithoutASessionSendBrowsersToTheLoginPage() {
        HttpResponse<String> r = new ReviewClient(running.server()).get("/review/queue", "Accept", "text/html,application/xhtml+xml");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("location")).hasValue("/review/login");
    }

    @Test
    void aDecisionFormWithoutOrWithAWrongCsrfTokenIsRefusedAndChangesNothing() {
        String customerId = ReviewCases.waitingIndividual(partner);
        ReviewClient browser = alice();
        String path = "/review/applications/" + customerId + "/decisions";
        assertJson(ReviewClient.asApi(browser.postForm(path,
                Map.of("entityId", customerId, "outcome", "denied", "reason", "forged"))), 403, CSRF_REFUSED);
        assertJson(ReviewClient.asApi(browser.postForm(path,
                Map.of("csrf", "AAAA", "entityId", customerId, "outcome", "denied", "reason", "forged"))), 403, CSRF_REFUSED);
        // A token from another session is wrong too: tokens are tied to their session.
        String otherSessionsToken = alice().csrf();
        assertJson(ReviewClient.asApi(browser.postForm(path, Map.of("csrf", otherSessionsToken,
                "entityId", customerId, "outcome", "denied", "reason", "forged"))), 403, CSRF_REFUSED);
        assertThat(new Journeys(partner).status(customerId).dataText("status")).isEqualTo("waiting_review");

        HttpResponse<String> ok = browser.postForm(path, Map.of("csrf", browser.csrf(),
                "entityId", customerId, "outcome", "denied", "reason", "selfie does not match"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
        assertThat(new Journeys(partner).status(customerId).dataText("outcome")).isEqualTo("Denied");
    }

    @Test
    void aDecisionNeedsAReason() {
        String customerId = ReviewCases.waitingIndividual(partner);
        ReviewClient browser = alice();
        HttpResponse<String> r = browser.postForm("/review/applications/" + customerId + "/decisions",
                Map.of("csrf", browser.csrf(), "entityId", customerId, "outcome", "approved", "reason", "  "));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("A decision needs a reason.");
        assertThat(new Journeys(partner).status(customerId).dataText("status")).isEqualTo("waiting_review");
    }

    @Test
    void piiIsMaskedUntilARevealWhichNeedsTheCsrfTokenAndIsAudited() {
        String ssn = Fixtures.issuableSsn();
        String customerId = ReviewCases.waitingIndividual(partner, ssn);
        ReviewClient browser = alice();
        HttpResponse<String> page = browser.get("/review/applications/" + customerId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(page.body()).contains("WaitReview", "•••••" + ssn.substring(5))
                .doesNotContain(ssn, "1990-04-12", "1 Main St");

        String reveal = "/review/applications/" + customerId + "/reveal";
        assertJson(ReviewClient.asApi(browser.postForm(reveal, Map.of())), 403, CSRF_REFUSED);
        assertThat(reveals(customerId)).isZero();

        HttpResponse<String> revealed = browser.postForm(reveal, Map.of("csrf", browser.csrf()));
        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(revealed.body()).contains(ssn, "1990-04-12", "1 Main St");
        assertThat(reveals(customerId)).isEqualTo(1);
        assertThat(Sql.one(db, String.class, "select actor from audit_event where kind = 'reveal' and customer_id = :c",
                "c", customerId)).isEqualTo("reviewer:alice");
    }

    private static int reveals(String customerId) {
        return Sql.one(db, Integer.class, "select count(*) from audit_event where kind = 'reveal' and customer_id = :c",
                "c", customerId);
    }

    @Test
    void documentsAreStreamedWithTheirContentTypeAndNeverCached() throws Exception {
        Journeys journeys = new Journeys(partner);
        String customerId = ReviewCases.waitingIndividual(partner);
        String documentId = Sql.one(db, String.class, "select id from document where entity_id = :c and doc_view = 'front'",
                "c", customerId);
        HttpResponse<byte[]> image = alice().getBytes("/review/documents/" + documentId);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("content-type")).hasValue("image/jpeg");
        assertThat(image.headers().firstValue("cache-control")).hasValue("no-store");
        // The very bytes that were uploaded: their SHA-256 is the one recorded at upload.
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image.body())))
                .isEqualTo(Sql.one(db, String.class, "select sha256 from document where id = :id", "id", documentId));

        String unattached = journeys.uploadedDocument("license", "loose");
        assertThat(alice().getBytes("/review/documents/" + unattached).statusCode()).isEqualTo(404);
        assertThat(new ReviewClient(running.server()).getBytes("/review/documents/" + documentId).statusCode()).isEqualTo(401);
    }

    @Test
    void logoutNeedsTheCsrfTokenAndEndsTheSessionOnTheServer() {
        ReviewClient browser = alice();
        String session = browser.cookies.get("akepa_console");
        assertJson(ReviewClient.asApi(browser.postForm("/review/logout", Map.of())), 403, CSRF_REFUSED);
        HttpResponse<String> out = browser.postForm("/review/logout", Map.of("csrf", browser.csrf()));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("location")).hasValue("/review/login");
        assertThat(browser.cookies).doesNotContainKey("akepa_console");
        // The old cookie value is dead everywhere, not merely forgotten by this browser.
        assertThat(browser.get("/review/queue", "Cookie", "akepa_console=" + session).statusCode()).isEqualTo(401);
    }

    @Test
    void anIdleSessionAndASessionPastItsAbsoluteExpiryAreRefused() {
        ReviewClient idle = alice();
        ReviewClient old = alice();
        assertThat(idle.get("/review/queue").statusCode()).isEqualTo(200);
        long now = System.currentTimeMillis();
        Sql.update(db, "update reviewer_session set last_seen_at = :t where token_hash = :h",
                "t", now - 31 * 60_000L, "h", Sha256.hex(idle.cookies.get("akepa_console")));
        Sql.update(db, "update reviewer_session set expires_at = :t where token_hash = :h",
                "t", now - 1, "h", Sha256.hex(old.cookies.get("akepa_console")));
        assertThat(idle.get("/review/queue").statusCode()).isEqualTo(401);
        assertThat(old.get("/review/queue").statusCode()).isEqualTo(401);
        assertThat(alice().get("/review/queue").statusCode()).isEqualTo(200);
    }

    @Test
    void fiveFailedLoginsLockThatLoginForFifteenMinutesEvenWithTheRightPassword() {
        running.server().createReviewer("bob", PASSWORD);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = new ReviewClient(running.server()).login("bob", "wrong password " + i);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("Wrong login or password");
        }
        long lockedUntil = Sql.one(db, Long.class, "select locked_until from reviewer where login = 'bob'");
        assertThat(lockedUntil - System.currentTimeMillis()).isBetween(10 * 60_000L, 15 * 60_000L);
        assertThat(new ReviewClient(running.server()).login("bob", PASSWORD).statusCode()).isEqualTo(401);
        assertThat(new ReviewClient(running.server()).apiToken("bob", PASSWORD).status()).isEqualTo(401);
        // Per login: another reviewer is not affected.
        assertThat(new ReviewClient(running.server()).login("alice", PASSWORD).statusCode()).isEqualTo(303);
        assertThat(Sql.one(db, Integer.class,
                "select count(*) from audit_event where kind = 'login' and actor = 'reviewer:bob' and trigger_name = 'locked'"))
                .isEqualTo(1);

        // Fifteen minutes later (moved in the database rather than waited for) the right password works again.
        Sql.update(db, "update reviewer set locked_until = :t where login = 'bob'", "t", System.currentTimeMillis() - 1);
        assertThat(new ReviewClient(running.server()).login("bob", PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void theQueueFiltersByPartnerStatusAndAgeOldestFirstAndPages() {
        ApiClient other = running.server().other();
        String older = ReviewCases.waitingBusiness(other);
        String newer = ReviewCases.waitingIndividual(other);
        // Business entity denied, representative still waiting: in the queue with its journey completed.
        String mixed = ReviewCases.waitingBusinessAndRepresentative(other, "RepWait1");
        ReviewClient api = new ReviewClient(running.server());
        String token = api.token("alice", PASSWORD);
        assertThat(api.postJson("/review/decisions", """
                {"customerId":"%1$s","entityId":"%1$s","outcome":"denied","reason":"shell company"}""".formatted(mixed),
                "x-akepa-reviewer-token", token).dataText("status")).isEqualTo("completed");
        Sql.update(db, "update entity_application set updated_at = :t where entity_id = :e",
                "t", System.currentTimeMillis() - 2 * 3_600_000L, "e", older);
        ReviewClient browser = alice();

        String all = browser.get("/review/queue?partner=other").body();
        assertThat(all).contains(older, newer, mixed);
        assertThat(all.indexOf(older)).isLessThan(all.indexOf(newer));
        assertThat(browser.get("/review/queue?partner=demo").body()).doesNotContain(older, newer);
        String aged = browser.get("/review/queue?partner=other&age=1h").body();
        assertThat(aged).contains(older).doesNotContain(newer);
        assertThat(browser.get("/review/queue?partner=other&status=completed").body()).contains(mixed).doesNotContain(older, newer);
        assertThat(browser.get("/review/queue?partner=other&status=waiting_review").body()).contains(older, newer).doesNotContain(mixed);

        for (int i = 0; i < ReviewQueue.PAGE_SIZE; i++) ReviewCases.waitingBusiness(other);
        String first = browser.get("/review/queue?partner=other").body();
        assertThat(first).contains(older, "older →").doesNotContain("← newer");
        String second = browser.get("/review/queue?partner=other&status=&age=&page=2").body();
        assertThat(second).contains("← newer").doesNotContain(older);
        assertThat(count(second, "class=\"case-link\"")).isEqualTo(3);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }
}
