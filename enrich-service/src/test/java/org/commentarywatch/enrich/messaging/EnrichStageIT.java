package org.commentarywatch.enrich.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.commentarywatch.enrich.Contracts;
import org.commentarywatch.enrich.Fixtures;
import org.commentarywatch.enrich.config.CommentaryConfig;
import org.commentarywatch.localstack.LocalStackTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The stage against a real broker: records in on commentary.raw, out on commentary.enriched or commentary.dlq. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class EnrichStageIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static KafkaProducer<String, String> producer;

    @Inject
    CommentaryConfig config;

    private TopicReader enriched;
    private TopicReader deadLetters;

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackTestResource.stack().kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close(Duration.ofSeconds(5));
    }

    @BeforeEach
    void openReaders() {
        String bootstrap = LocalStackTestResource.stack().kafkaBootstrapServers();
        enriched = new TopicReader(bootstrap, config.topics().enriched());
        deadLetters = new TopicReader(bootstrap, config.topics().dlq());
    }

    @AfterEach
    void closeReaders() {
        enriched.close();
        deadLetters.close();
    }

    @Test
    void publishesAValidRawDocumentOnceUnderItsIdWithEveryPropertyItHadAndItsEnrichment() throws Exception {
        String id = Fixtures.newId();
        ObjectNode raw = Fixtures.rawDocument(id, "Gas talks", Fixtures.PIECES.get("ru"));

        send(null, id, raw.toString());

        ConsumerRecord<String, String> record = enriched.awaitKey(id, WAIT).get(0);
        Contracts.assertValid(Contracts.ENRICHED_DOCUMENT, record.value());
        JsonNode document = Fixtures.MAPPER.readTree(record.value());
        raw.fieldNames().forEachRemaining(name -> assertEquals(raw.get(name), document.get(name), name));
        assertEquals("ru", document.at("/enrichment/language").textValue());
        assertEquals(3, document.at("/enrichment/sentence_count").intValue());
        assertEquals(1, enriched.recordsWithKey(id, Duration.ofSeconds(1)).size());
    }

    @Test
    void detectsTheLanguageOfChineseAndJapaneseDocuments() throws Exception {
        String chinese = Fixtures.newId();
        String japanese = Fixtures.newId();

        send(null, chinese, Fixtures.rawDocument(chinese, "能源合作", Fixtures.PIECES.get("zh")).toString());
        send(null, japanese, Fixtures.rawDocument(japanese, "ガス協力", Fixtures.PIECES.get("ja")).toString());

        assertEquals("zh", enrichmentOf(enriched.awaitKey(chinese, WAIT).get(0)).get("language").textValue());
        assertEquals("ja", enrichmentOf(enriched.awaitKey(japanese, WAIT).get(0)).get("language").textValue());
    }

    @Test
    void deadLettersMalformedJsonWithItsCauseAndTheOriginalPayloadVerbatim() throws Exception {
        String key = "malformed-" + Fixtures.newId();
        String payload = "{\"id\": \"" + Fixtures.newId() + "\", \"text\": \"cut off here";

        send(null, key, payload);

        ConsumerRecord<String, String> record = deadLetters.awaitKey(key, WAIT).get(0);
        Contracts.assertValid(Contracts.DLQ_RECORD, record.value());
        JsonNode deadLetter = Fixtures.MAPPER.readTree(record.value());
        assertEquals("malformed_json", deadLetter.at("/cause/type").textValue());
        assertFalse(deadLetter.at("/cause/message").textValue().isBlank());
        assertEquals(payload, deadLetter.get("payload").textValue());
        assertEquals("enrich", deadLetter.get("stage").textValue());
        assertEquals(config.topics().raw(), deadLetter.at("/source/topic").textValue());
        assertEquals(key, deadLetter.at("/source/key").textValue());
        assertFalse(deadLetter.has("document_id"));
    }

    @Test
    void deadLettersADocumentWithBlankTextUnderItsId() throws Exception {
        String id = Fixtures.newId();
        String payload = Fixtures.rawDocument(id, "Nothing here", " \n\t ").toString();

        send(null, id, payload);

        ConsumerRecord<String, String> record = deadLetters.awaitKey(id, WAIT).get(0);
        Contracts.assertValid(Contracts.DLQ_RECORD, record.value());
        JsonNode deadLetter = Fixtures.MAPPER.readTree(record.value());
        assertEquals("empty_text", deadLetter.at("/cause/type").textValue());
        assertEquals(id, deadLetter.get("document_id").textValue());
        assertEquals(payload, deadLetter.get("payload").textValue());
    }

    @Test
    void keepsEnrichingAfterPoisonRecordsInTheSamePartition() throws Exception {
        String malformedKey = "malformed-" + Fixtures.newId();
        String blankId = Fixtures.newId();
        String missingIdKey = "no-id-" + Fixtures.newId();
        String validId = Fixtures.newId();

        send(0, malformedKey, "this is not JSON");
        send(0, blankId, Fixtures.rawDocument(blankId, "Blank", "").toString());
        send(0, missingIdKey, "{\"title\": \"No id\", \"text\": \"A text without an id to key it by.\"}");
        send(0, validId, Fixtures.rawDocument(validId, "After the poison", Fixtures.PIECES.get("en")).toString());

        assertEquals("en", enrichmentOf(enriched.awaitKey(validId, WAIT).get(0)).get("language").textValue());
        assertEquals("malformed_json", causeOf(deadLetters.awaitKey(malformedKey, WAIT).get(0)));
        assertEquals("empty_text", causeOf(deadLetters.awaitKey(blankId, WAIT).get(0)));
        assertEquals("missing_id", causeOf(deadLetters.awaitKey(missingIdKey, WAIT).get(0)));
        // The blank document was dead-lettered, never published.
        assertTrue(enriched.recordsWithKey(blankId, Duration.ofSeconds(1)).isEmpty());
    }

    @Test
    void theVersionsOfOneDocumentArePublishedInOrderSoThatTheLatestIsTheLastOnTheTopic() throws Exception {
        String id = Fixtures.newId();
        // A long first version, so that the short later ones reach free workers while it is still being enriched.
        send(0, id, Fixtures.rawDocument(id, "version 1", (Fixtures.PIECES.get("ru") + "\n\n").repeat(40)).toString());
        send(0, id, Fixtures.rawDocument(id, "version 2", Fixtures.PIECES.get("en")).toString());
        send(0, id, Fixtures.rawDocument(id, "version 3", Fixtures.PIECES.get("en")).toString());

        await().atMost(WAIT).until(() -> titles(enriched.recordsWithKey(id, Duration.ofMillis(200))).contains("version 3"));
        List<String> published = titles(enriched.recordsWithKey(id, Duration.ofSeconds(2)));
        assertEquals("version 3", published.get(published.size() - 1), published::toString);
        assertEquals(published.stream().sorted().toList(), published, "an older version published after a newer one");
    }

    private static List<String> titles(List<ConsumerRecord<String, String>> records) throws Exception {
        List<String> titles = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            titles.add(Fixtures.MAPPER.readTree(record.value()).get("title").textValue());
        }
        return titles;
    }

    @Test
    void theConfiguredNumberOfConsumersShareTheRawPartitionsSoThatRecordsOfDifferentPartitionsEnrichSideBySide()
            throws Exception {
        int consumers = ConfigProvider.getConfig().getValue("mp.messaging.incoming.raw.concurrency", Integer.class);
        String group = ConfigProvider.getConfig().getValue("mp.messaging.incoming.raw.group.id", String.class);
        assertTrue(consumers >= 2, "one consumer would enrich one record at a time and leave a core idle");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalStackTestResource.stack().kafkaBootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(config.topics().raw())).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(config.topics().raw()).partitions().size();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                        .describedGroups().get(group).get(10, TimeUnit.SECONDS);
                assertEquals(consumers, description.members().size(), () -> "members of " + group + ": "
                        + description.members());
                List<Integer> assigned = description.members().stream()
                        .peek(member -> assertFalse(member.assignment().topicPartitions().isEmpty(),
                                () -> member.consumerId() + " has no partition"))
                        .flatMap(member -> member.assignment().topicPartitions().stream())
                        .map(TopicPartition::partition).sorted().toList();
                // every partition read, by exactly one consumer: each partition keeps its order
                assertEquals(IntStream.range(0, partitions).boxed().toList(), assigned);
            });
        }
    }

    private void send(Integer partition, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(config.topics().raw(), partition, key, value)).get(10, TimeUnit.SECONDS);
    }

    private static JsonNode enrichmentOf(ConsumerRecord<String, String> record) throws Exception {
        return Fixtures.MAPPER.readTree(record.value()).get("enrichment");
    }

    private static String causeOf(ConsumerRecord<String, String> record) throws Exception {
        Contracts.assertValid(Contracts.DLQ_RECORD, record.value());
        return Fixtures.MAPPER.readTree(record.value()).at("/cause/type").textValue();
    }
}
