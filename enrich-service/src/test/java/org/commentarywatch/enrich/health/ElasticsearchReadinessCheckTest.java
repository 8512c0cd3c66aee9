package org.commentarywatch.enrich.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;

import org.apache.http.HttpHost;
import org.commentarywatch.enrich.Fixtures;
import org.commentarywatch.enrich.client.ElasticsearchCorpus;
import org.commentarywatch.enrich.config.CorpusConfig;
import org.commentarywatch.enrich.service.corpus.CorpusUnavailableException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With no Elasticsearch on the port: readiness DOWN quickly, and the corpus says "unavailable", never "empty". */
class ElasticsearchReadinessCheckTest {

    private RestClient rest;

    @BeforeEach
    void pointAtNothing() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        rest = RestClient.builder(new HttpHost("localhost", port)).build();
    }

    @AfterEach
    void close() throws IOException {
        rest.close();
    }

    @Test
    void isDownWithinTheTimeoutWhileElasticsearchIsUnreachable() {
        CorpusConfig config = (CorpusConfig) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CorpusConfig.class}, (proxy, method, args) -> method.getName().equals("timeout")
                        ? Duration.ofSeconds(1) : null);
        long start = System.nanoTime();

        HealthCheckResponse response = new ElasticsearchReadinessCheck(rest, Fixtures.MAPPER, config).call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals(ElasticsearchReadinessCheck.NAME, response.getName());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void theCorpusIsUnavailableRatherThanEmptyWhileElasticsearchIsUnreachable() {
        ElasticsearchCorpus corpus = new ElasticsearchCorpus(rest, Fixtures.MAPPER, "commentary", 50, Duration.ofSeconds(1));

        assertThrows(CorpusUnavailableException.class, () -> corpus.nearest(new float[384], Optional.of("x"), 5, 3));
        assertThrows(CorpusUnavailableException.class, () -> corpus.text("x"));
    }
}
