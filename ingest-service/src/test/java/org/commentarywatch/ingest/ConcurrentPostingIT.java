package org.commentarywatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Several clients posting at once, as the end-to-end benchmark does: long multilingual texts, exact duplicates (also
 * sent at the same instant from every thread) and near-duplicates. Every post must be accepted and every distinct
 * text must reach commentary.raw. Before the fix, one post in a few hundred answered a bare 500: the request resumed on
 * the Kafka client's thread found its request context gone.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ConcurrentPostingIT extends RawTopicTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Twice the end-to-end benchmark's clients: with 4 the fault showed about once in a few hundred posts, with 8 within
     * the first 20 (before the fix). More with -Dconcurrent.threads=16 -Dconcurrent.posts=600.
     */
    private static final int THREADS = Integer.getInteger("concurrent.threads", 8);
    private static final int POSTS = Integer.getInteger("concurrent.posts", 120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Sentence parts per language, written for this test; Chinese without spaces, as it is written. */
    private static final List<List<List<String>>> LANGUAGES = List.of(
            List.of(List.of("The ministry", "A delegation", "The envoy", "Analysts in the capital"),
                    List.of("discussed", "questioned", "welcomed", "postponed"),
                    List.of("a grain corridor", "the border survey", "a credit line", "the port lease"),
                    List.of("after a long night of talks.", "without naming a date.", "to nobody's surprise.")),
            List.of(List.of("Министерство", "Делегация", "Посланник", "Аналитики в столице"),
                    List.of("обсудили", "поставили под сомнение", "приветствовали", "отложили"),
                    List.of("зерновой коридор", "пограничную съёмку", "кредитную линию", "аренду порта"),
                    List.of("после долгих переговоров.", "не назвав даты.", "никого не удивив.")),
            List.of(List.of("外交部", "代表团", "特使", "首都的分析人士"),
                    List.of("讨论了", "质疑了", "欢迎了", "推迟了"),
                    List.of("粮食走廊", "边境勘测", "信贷额度", "港口租约"),
                    List.of("经过一夜的谈判。", "但没有给出日期。", "这并不令人意外。")),
            List.of(List.of("Le ministère", "Une délégation", "L'envoyé", "Les analystes de la capitale"),
                    List.of("a discuté", "a mis en doute", "a salué", "a reporté"),
                    List.of("un corridor céréalier", "le relevé frontalier", "une ligne de crédit", "le bail du port"),
                    List.of("après une longue nuit.", "sans fixer de date.", "sans surprendre personne.")),
            List.of(List.of("Das Ministerium", "Eine Delegation", "Der Gesandte", "Analysten in der Hauptstadt"),
                    List.of("besprach", "bezweifelte", "begrüßte", "verschob"),
                    List.of("einen Getreidekorridor", "die Grenzvermessung", "eine Kreditlinie", "die Hafenpacht"),
                    List.of("nach langen Gesprächen.", "ohne ein Datum zu nennen.", "wie erwartet.")));

    private record Post(String title, String text, String url) {
    }

    private static String text(Random random, String run, int n) {
        int language = n % LANGUAGES.size();
        List<List<String>> parts = LANGUAGES.get(language);
        String separator = language == 2 ? "" : " ";
        int words = 300 + random.nextInt(1701);
        StringBuilder text = new StringBuilder("Piece " + n + " of run " + run + "." + separator);
        int inParagraph = 0;
        for (int w = 0; w < words; w += 8) {
            for (List<String> part : parts) {
                text.append(part.get(random.nextInt(part.size()))).append(part == parts.get(3) ? "" : separator);
            }
            if (++inParagraph == 5) {
                text.append("\n\n");
                inParagraph = 0;
            } else {
                text.append(separator);
            }
        }
        return text.toString().strip();
    }

    private static String nearDuplicate(String text, Random random) {
        String[] paragraphs = text.split("\n\n");
        paragraphs[random.nextInt(paragraphs.length)] += " A sentence added to the later version.";
        return String.join("\n\n", paragraphs);
    }

    private String post(Post post) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("title", post.title()).put("text", post.text())
                .put("source", "concurrency test").put("published", "2026-11-30");
        if (post.url() != null) {
            body.put("url", post.url());
        }
        body.putArray("authors").add("Test Writer");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(documents)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), "answer to '" + post.title() + "' over " + response.version() + ": "
                + response.body());
        return JSON.readTree(response.body()).path("id").asText();
    }

    @Test
    void concurrentPostsWithExactAndNearDuplicatesAreAllAcceptedAndEveryTextIsEmitted() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(42);
        List<Post> posts = new ArrayList<>();
        List<Post> originals = new ArrayList<>();
        for (int n = 0; posts.size() < POSTS; n++) {
            double roll = random.nextDouble();
            if (!originals.isEmpty() && roll < 0.2) {
                posts.add(originals.get(random.nextInt(originals.size())));
            } else if (!originals.isEmpty() && roll < 0.35) {
                Post original = originals.get(random.nextInt(originals.size()));
                posts.add(new Post(original.title() + " (updated)", nearDuplicate(original.text(), random), null));
            } else {
                Post original = new Post("Piece " + n + " " + run, text(random, run, n),
                        n % 3 == 0 ? "https://news.example.org/" + run + "/" + n : null);
                originals.add(original);
                posts.add(original);
            }
        }
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (Post post : posts) {
                answers.add(pool.submit(() -> post(post)));
            }
            for (Future<String> answer : answers) {
                ids.add(answer.get(120, TimeUnit.SECONDS));
            }
            // The same content from every thread at the same instant: without a URL, and under a URL of its own each.
            for (int round = 0; round < 10; round++) {
                String text = text(random, run, 1000 + round);
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Future<String>> same = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int r = round;
                    String url = round % 2 == 0 ? null : "https://mirror" + t + ".example.net/" + run + "/" + round;
                    same.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return post(new Post("Simultaneous " + r + " " + run, text, url));
                    }));
                }
                Set<String> answered = new LinkedHashSet<>();
                for (Future<String> answer : same) {
                    answered.add(answer.get(120, TimeUnit.SECONDS));
                }
                assertEquals(1, answered.size(), "one document holds content posted at once: " + answered);
                ids.addAll(answered);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> expected = new ArrayList<>(ids);
        Collections.sort(expected);
        for (String id : expected) {
            assertTrue(!raw.awaitKey(id, 1).isEmpty(), "document " + id + " on " + config.topics().raw());
        }
    }
}
