package org.commentarywatch.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import org.commentarywatch.ingest.config.JsonMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * A failure below the REST layer, on a real Vert.x router and HTTP server: the answer is the API's JSON error with a
 * message, never the framework's bare page; failures that chose their own status keep it.
 */
class JsonFailureHandlerTest {

    private static final ObjectMapper JSON = JsonMapping.configure(new ObjectMapper());

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private int start() throws Exception {
        Router router = Router.router(vertx);
        new JsonFailureHandler(JSON).install(router);
        router.route("/boom").handler(context -> {
            throw new IllegalStateException("a surprise below the REST layer");
        });
        router.route("/too-large").handler(context -> context.fail(413));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return server.actualPort();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnexpectedExceptionAnswers500WithAJsonMessageNamingItsKindAndErrorId() throws Exception {
        HttpResponse<String> response = get(start(), "/boom");

        assertEquals(500, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode body = JSON.readTree(response.body());
        assertEquals("internal_error", body.path("error").asText());
        String message = body.path("message").asText();
        assertTrue(message.contains("IllegalStateException") && message.matches(".*error id [0-9a-f-]{36}.*"),
                message);
    }

    @Test
    void aFailureWithItsOwnStatusKeepsIt() throws Exception {
        assertEquals(413, get(start(), "/too-large").statusCode());
    }
}
