package dev.akepa.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real callbacks from the server to a receiver on 127.0.0.1, checked by {@link WebhookVerifier}. */
class WebhookVerifierTest {
    private final AkepaClient akepa = TestServer.client();
    private final BlockingQueue<Received> callbacks = new LinkedBlockingQueue<>();
    private HttpServer receiver;

    private record Received(Map<String, String> headers, byte[] body) {}

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            callbacks.add(new Received(headers, exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aCallbackVerifiesAndReadsAsTheApplicationItDescribes() throws Exception {
        String customerId = akepa.initCustomer(Customers.individual("WaitReview")).customerId();
        Application application = akepa.identify(new Identification(customerId, null, hook()));
        Received callback = next();
        WebhookVerifier verifier = new WebhookVerifier(akepa.webhookSecret().secret());

        Callback body = verifier.verify(callback.headers(), callback.body());

        assertThat(body.code()).isEqualTo("0");
        assertThat(body.data().applicationId()).isEqualTo(application.applicationId());
        assertThat(body.data().status()).isEqualTo("pending_step_up");
        assertThat(body.data().entityApplications()).isEqualTo(application.entityApplications());
        assertThat(body.data().reference()).isNotBlank();

        byte[] tampered = new String(callback.body()).replace("pending_step_up", "completed").getBytes();
        assertThatThrownBy(() -> verifier.verify(callback.headers(), tampered))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("no v1 signature");
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        assertThatThrownBy(() -> verifier.withClock(later).verify(callback.headers(), callback.body()))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("away from this clock");
        assertThat(verifier.withClock(later).withTolerance(Duration.ofMinutes(15)).verify(callback.headers(), callback.body()))
                .isEqualTo(body);
        assertThatThrownBy(() -> new WebhookVerifier("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))
                .verify(callback.headers(), callback.body())).isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void duringARotationACallbackCarriesTwoSignaturesAndEitherSecretVerifiesIt() throws Exception {
        String before = akepa.webhookSecret().secret();
        SigningSecret rotated = akepa.rotateWebhookSecret();
        assertThat(rotated.previousSecret()).isEqualTo(before);

        String customerId = akepa.initCustomer(Customers.individual("WaitReview")).customerId();
        akepa.identify(new Identification(customerId, null, hook()));
        Received callback = next();

        assertThat(callback.headers().get("Webhook-signature")).contains(" ");
        assertThat(new WebhookVerifier(before).verify(callback.headers(), callback.body()).data().customerId()).isEqualTo(customerId);
        assertThat(new WebhookVerifier(rotated.secret()).verify(callback.headers(), callback.body()).data().customerId()).isEqualTo(customerId);
    }

    @Test
    void theDeliveryLogShowsTheCallbackAndAReplaySendsTheSameBytesUnderTheSameWebhookId() throws Exception {
        String customerId = akepa.initCustomer(Customers.individual("WaitReview")).customerId();
        akepa.identify(new Identification(customerId, null, hook()));
        Received first = next();

        DeliveryPage.Attempt attempt = awaitRecordedAttempt(customerId);
        assertThat(attempt.webhookURL()).isEqualTo(hook());
        assertThat(attempt.httpStatus()).isEqualTo(204);
        assertThat(attempt.deliveryId()).isEqualTo(header(first, "webhook-id"));

        assertThat(akepa.replayDelivery(attempt.deliveryId()).deliveryStatus()).isEqualTo("pending");
        Received again = next();
        assertThat(header(again, "webhook-id")).isEqualTo(attempt.deliveryId());
        assertThat(again.body()).isEqualTo(first.body());
        assertThatThrownBy(() -> akepa.replayDelivery("msg_2hKNfiDbjg28YbJzYS21sS"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.DELIVERY_NOT_FOUND));
    }

    /** Attempts are recorded just after the answer arrives: look for up to 30 s. */
    private DeliveryPage.Attempt awaitRecordedAttempt(String customerId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            DeliveryPage page = akepa.deliveries(customerId, 1, 20);
            if (page.total() > 0) return page.deliveries().get(0);
            Thread.sleep(50);
        }
        throw new AssertionError("no delivery attempt recorded for " + customerId + " within 30 s");
    }

    private static String header(Received r, String name) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/akepa-hook";
    }

    private Received next() throws InterruptedException {
        Received r = callbacks.poll(30, TimeUnit.SECONDS);
        assertThat(r).as("a callback within 30 s").isNotNull();
        return r;
    }
}
