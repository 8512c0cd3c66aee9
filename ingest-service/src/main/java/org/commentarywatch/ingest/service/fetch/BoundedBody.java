package org.commentarywatch.ingest.service.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: past it the download is cancelled at once (the connection is
 * dropped) and the body fails with {@link FetchException#TOO_LARGE}, so a huge or endless response costs at most
 * the limit.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long max;
    private final String url;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(long max, String url) {
        this.max = max;
        this.url = url;
    }

    /** The body, unless the response announces a length over {@code max} (then it is refused before any byte). */
    static HttpResponse.BodySubscriber<byte[]> of(HttpResponse.ResponseInfo info, long max, String url) {
        long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        BoundedBody body = new BoundedBody(max, url);
        if (announced > max) {
            body.result.completeExceptionally(FetchException.tooLarge(url, max));
        }
        return body;
    }

    /** For answers whose body is not wanted (redirects, errors): nothing is read. */
    static HttpResponse.BodySubscriber<byte[]> skipped(String url) {
        BoundedBody body = new BoundedBody(0, url);
        body.result.complete(new byte[0]);
        return body;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (data.size() + (long) buffer.remaining() > max) {
                subscription.cancel();
                result.completeExceptionally(FetchException.tooLarge(url, max));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            data.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(data.toByteArray());
    }
}
