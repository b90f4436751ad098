package dev.akepa.webhook;

import dev.akepa.webhook.OutboxStore.Attempt;
import dev.akepa.webhook.OutboxStore.Claimed;
import dev.akepa.webhook.OutboxStore.Result;
import dev.akepa.webhook.Sender.Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One attempt at a claimed callback: check the address again, sign, POST, and judge the answer. */
final class AttemptMaker {
    private static final Logger log = LoggerFactory.getLogger(AttemptMaker.class);

    private final SigningSecrets secrets;
    private final UrlGuard guard;
    private final Sender sender;
    private final RetryPolicy retries;
    private final WebhookMetrics metrics;
    private final Clock clock;

    AttemptMaker(SigningSecrets secrets, UrlGuard guard, Sender sender, RetryPolicy retries, WebhookMetrics metrics,
                 Clock clock) {
        this.secrets = secrets;
        this.guard = guard;
        this.sender = sender;
        this.retries = retries;
        this.metrics = metrics;
        this.clock = clock;
    }

    Attempt attempt(Claimed claimed) {
        long startedAt = clock.millis();
        if (claimed.series() == 1 && claimed.attempts() == 0) {
            metrics.lag(Duration.ofMillis(startedAt - claimed.changedAt()));
        }
        long startNanos = System.nanoTime();
        try {
            URI target = guard.vet(claimed.url());
            byte[] body = claimed.body().getBytes(StandardCharsets.UTF_8);
            long timestamp = TimeUnit.MILLISECONDS.toSeconds(clock.millis());
            String signature = Signatures.header(secrets.signingKeys(claimed.partnerId()), claimed.id(), timestamp, body);
            Answer answer = sender.post(target, claimed.id(), timestamp, signature, body);
            return judge(claimed, startedAt, elapsedMillis(startNanos), answer);
        } catch (UrlGuard.RefusedUrl e) {
            return failed(claimed, startedAt, elapsedMillis(startNanos), null, "refused: " + e.getMessage(), Optional.empty());
        } catch (RuntimeException e) {
            log.error("Webhook attempt for {} could not be made", claimed.id(), e);
            return failed(claimed, startedAt, elapsedMillis(startNanos), null, "internal error: " + e.getMessage(),
                    Optional.empty());
        }
    }

    private Attempt judge(Claimed claimed, long startedAt, long latency, Answer answer) {
        return switch (answer) {
            case Answer.Response r when r.status() >= 200 && r.status() < 300 ->
                    new Attempt(startedAt, r.status(), latency, Result.DELIVERED, null, 0);
            case Answer.Response r when r.status() == 410 -> new Attempt(startedAt, 410, latency, Result.GONE,
                    "410 Gone: no more callbacks to this URL for this application", 0);
            case Answer.Response r -> failed(claimed, startedAt, latency, r.status(), describe(r), r.retryAfter());
            case Answer.NoResponse n -> failed(claimed, startedAt, latency, null, n.error(), Optional.empty());
        };
    }

    private Attempt failed(Claimed claimed, long startedAt, long latency, Integer status, String error,
                           Optional<String> retryAfter) {
        Optional<Duration> delay = retries.delayAfter(claimed.attempts() + 1, retryAfter);
        if (delay.isEmpty()) {
            return new Attempt(startedAt, status, latency, Result.FAILED, error + " (retries exhausted, given up)", 0);
        }
        long next = startedAt + latency + delay.get().toMillis();
        return new Attempt(startedAt, status, latency, Result.RETRYING, error, next);
    }

    private static String describe(Answer.Response r) {
        String text = "HTTP " + r.status();
        if (r.status() >= 300 && r.status() < 400) text += " (redirects are not followed)";
        String start = r.bodyStart().strip();
        return start.isEmpty() ? text : text + ": " + start;
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
