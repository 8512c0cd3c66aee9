package org.commentarywatch.ingest;

import java.net.URI;

import org.commentarywatch.ingest.config.CommentaryConfig;
import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;

/** What the document ITs share: the documents endpoint, and commentary.raw read from the start of each test. */
abstract class RawTopicTestBase {

    static final String ID = "[0-9a-f]{32}";

    @Inject
    CommentaryConfig config;

    @TestHTTPResource("/api/documents")
    URI documents;

    RawTopic raw;

    @BeforeEach
    void openTopic() {
        raw = new RawTopic(LocalStackTestResource.stack().kafkaBootstrapServers(), config.topics().raw());
    }

    @AfterEach
    void closeTopic() {
        raw.close();
    }
}
