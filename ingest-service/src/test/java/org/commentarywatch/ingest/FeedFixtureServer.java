package org.commentarywatch.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves feeds written for the tests on a free loopback port, with an ETag and a Last-Modified per path, answering
 * If-None-Match / If-Modified-Since with 304 unless {@link #ignoreConditionals} is set. Also pages, PDFs, robots.txt,
 * redirects and bodies sent without a length (chunked), reachable as 127.0.0.1 and as localhost
 * ({@link #url(String, String)}): two hosts for the fetcher's per-host politeness.
 */
public final class FeedFixtureServer implements AutoCloseable {

    static final String LAST_MODIFIED = "Tue, 01 Dec 2026 06:00:00 GMT";

    private record Resource(String contentType, byte[] body, String etag, boolean chunked, int status,
            String location) {
    }

    private final HttpServer server;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    public volatile boolean ignoreConditionals;

    public FeedFixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The same path on another host name of this loopback server ("localhost"). */
    public String url(String host, String path) {
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    public void serve(String path, String contentType, String body) {
        serve(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public void serve(String path, String contentType, byte[] body) {
        resources.put(path, new Resource(contentType, body, "\"" + Integer.toHexString(Arrays.hashCode(body)) + "\"",
                false, 200, null));
    }

    /** Sent without Content-Length, so that only the bytes themselves tell how large it is. */
    public void serveChunked(String path, String contentType, byte[] body) {
        resources.put(path, new Resource(contentType, body, "\"c" + Integer.toHexString(Arrays.hashCode(body)) + "\"",
                true, 200, null));
    }

    /** {@code path} answers {@code status} (301, 302, 307, ...) with a Location header. */
    public void redirect(String path, int status, String location) {
        resources.put(path, new Resource("text/plain", new byte[0], "\"r" + path.hashCode() + "\"", false, status,
                location));
    }

    /** Requests received for the path, any host name. */
    public int requestCount(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    public int notModifiedCount(String path) {
        return notModified.getOrDefault(path, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.computeIfAbsent(exchange.getRequestURI().getPath(), k -> new AtomicInteger()).incrementAndGet();
            Resource r = resources.get(exchange.getRequestURI().getPath());
            if (r == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (r.location() != null) {
                exchange.getResponseHeaders().set("Location", r.location());
                exchange.sendResponseHeaders(r.status(), -1);
                return;
            }
            exchange.getResponseHeaders().set("ETag", r.etag());
            exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
            String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
            String ims = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            if (!ignoreConditionals && (r.etag().equals(inm) || (inm == null && LAST_MODIFIED.equals(ims)))) {
                notModified.computeIfAbsent(exchange.getRequestURI().getPath(), k -> new AtomicInteger())
                        .incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", r.contentType());
            exchange.sendResponseHeaders(200, r.chunked() ? 0 : r.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(r.body());
            } catch (IOException e) {
                // The client hung up on purpose (a body over its limit): nothing to report.
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
