package uk.apprenticeships.st1398.gateway.cache;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.RoutingContext;

/**
 * A read the cache could not answer, on its way to the service: the proxy hands it the service's answer, and it
 * keeps a copy of the body as it streams to the caller when the answer may be stored. Set on the routing context
 * by {@link ResponseCache}'s handler; absent when the route is not cached or the read may not be stored.
 */
public interface CacheFill {

    /** The routing-context key under which the proxy finds the fill. */
    String KEY = CacheFill.class.getName();

    /** The fill for this request, or {@code null}. */
    static CacheFill of(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    /**
     * Called by the proxy with the headers it is about to send to the service: a fill that asks for the whole answer
     * in place of a caller's conditional read removes the caller's validators.
     */
    void forwarding(MultiMap headers);

    /**
     * Called by the proxy first with the service's answer, before anything is written to the caller: {@code true}
     * when the fill answers the caller itself (a {@code 304} to the caller's conditional read, once the answer's body
     * is read and stored), and the proxy then does nothing more with either.
     */
    boolean answers(HttpClientResponse answer, HttpServerResponse response);

    /**
     * Called by the proxy once the answer's status and headers are known and copied to the caller's response,
     * before any body is written: the stream to write the body to, which is {@code response} itself when the answer
     * is not stored, or one that writes through to it and keeps a copy, stored when the body has ended.
     */
    WriteStream<Buffer> body(int status, MultiMap headers, HttpServerResponse response);

    /**
     * Called by the proxy when the service answered {@code 304}: a stored answer with the same strong validator is
     * fresh again (RFC 9111 section 4.3.4).
     */
    void notModified(MultiMap headers);
}
