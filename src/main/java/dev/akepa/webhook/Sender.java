package dev.akepa.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP POST of a signed callback. The whole exchange, body included, must finish within the timeout;
 * redirects are never followed (a 3xx is a failed attempt), and only the start of a response body is kept.
 */
final class Sender implements AutoCloseable {
    private static final int KEPT_BODY_BYTES = 200;

    private final HttpClient client;
    private final Duration timeout;

    sealed interface Answer {
        /** The receiver answered; retryAfter as the receiver asked (Retry-After header), if it did. */
        record Response(int status, Optional<String> retryAfter, String bodyStart) implements Answer {}

        /** No HTTP answer: refused connection, TLS failure, timeout… */
        record NoResponse(String error) implements Answer {}
    }

    Sender(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    Answer post(URI uri, String webhookId, long timestampSeconds, String signature, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "Akepa-Webhooks/1")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestampSeconds))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(request, info -> new CappedBodySubscriber(KEPT_BODY_BYTES));
        try {
            HttpResponse<String> response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new Answer.Response(response.statusCode(), response.headers().firstValue("retry-after"),
                    response.body());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return timedOut();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) return timedOut();
            String detail = cause.getMessage() == null || cause.getMessage().isBlank() ? "" : ": " + cause.getMessage();
            return new Answer.NoResponse(cause.getClass().getSimpleName() + detail);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Answer.NoResponse("stopped before an answer arrived (server shutting down)");
        }
    }

    private Answer timedOut() {
        return new Answer.NoResponse("no complete answer within " + timeout.toMillis() + " ms (timeout)");
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
