package uk.apprenticeships.st1398.gateway.cache;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.WriteStream;
import java.util.function.Consumer;

/**
 * Writes a body through to the caller's response and keeps a copy of at most {@code expected} bytes (the answer's
 * {@code Content-Length}, already checked against the entry limit), handed to {@code complete} when the body has
 * ended as announced. Back-pressure is the response's own: nothing is read ahead.
 */
final class TeeStream implements WriteStream<Buffer> {

    private final HttpServerResponse response;
    private final int expected;
    private final Consumer<Buffer> complete;
    private Buffer copy;

    TeeStream(HttpServerResponse response, int expected, Consumer<Buffer> complete) {
        this.response = response;
        this.expected = expected;
        this.complete = complete;
        this.copy = Buffer.buffer(expected);
    }

    private void keep(Buffer data) {
        if (copy != null) {
            if (copy.length() + data.length() > expected) {
                copy = null; // more than announced: not ours to store
            } else {
                copy.appendBuffer(data);
            }
        }
    }

    private void ended(AsyncResult<Void> result) {
        if (result.succeeded() && copy != null && copy.length() == expected) {
            complete.accept(copy);
        }
        copy = null;
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        response.exceptionHandler(handler);
        return this;
    }

    @Override
    public Future<Void> write(Buffer data) {
        keep(data);
        return response.write(data);
    }

    @Override
    public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
        keep(data);
        response.write(data, handler);
    }

    @Override
    public Future<Void> end() {
        return response.end().onComplete(this::ended);
    }

    @Override
    public void end(Handler<AsyncResult<Void>> handler) {
        end().onComplete(handler);
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        response.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return response.writeQueueFull();
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        response.drainHandler(handler);
        return this;
    }
}
