package org.commentarywatch.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves feeds written for the tests on a free loopback port, with an ETag and a Last-Modified per path, answering
 * If-None-Match / If-Modified-Since with 304 unless {@link #ignoreConditionals} is set.
 */
public final class FeedFixtureServer implements AutoCloseable {

    static final String LAST_MODIFIED = "Tue, 01 Dec 2026 06:00:00 GMT";

    private record Resource(String contentType, byte[] body, String etag) {
    }

    private final HttpServer server;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();
    public volatile boolean ignoreConditionals;

    public FeedFixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void serve(String path, String contentType, String body) {
        resources.put(path, new Resource(contentType, body.getBytes(StandardCharsets.UTF_8),
                "\"" + Integer.toHexString(body.hashCode()) + "\""));
    }

    public int notModifiedCount(String path) {
        return notModified.getOrDefault(path, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Resource r = resources.get(exchange.getRequestURI().getPath());
            if (r == null) {
                exchange.sendResponseHeaders(404, -1);
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
            exchange.sendResponseHeaders(200, r.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(r.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
