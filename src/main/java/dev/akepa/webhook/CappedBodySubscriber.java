package dev.akepa.webhook;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body to its end (so the connection can be reused) but keeps only its first bytes, for the
 * attempt's error text; a receiver cannot make us buffer a large answer.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<String> {
    private final int keep;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();

    CappedBodySubscriber(int keep) {
        this.keep = keep;
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int take = Math.min(buffer.remaining(), keep - kept.size());
            for (int i = 0; i < take; i++) kept.write(buffer.get());
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(kept.toString(StandardCharsets.UTF_8));
    }
}
