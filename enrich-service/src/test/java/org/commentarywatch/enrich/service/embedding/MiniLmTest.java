package org.commentarywatch.enrich.service.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.Executor;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packaged model, loaded from the langchain4j jar with the tuned session, offline. */
class MiniLmTest {

    private static MiniLm model;

    @BeforeAll
    static void load() {
        model = MiniLm.load();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void embedsATextAsA384DimensionalUnitVector() {
        float[] vector = model.embed("Moscow and Beijing signed a new gas contract.");

        assertEquals(MiniLm.DIMENSION, vector.length);
        assertEquals(1.0, Vectors.norm(vector), 1e-4);
    }

    @Test
    void placesParaphrasesCloserThanUnrelatedTexts() {
        float[] gas = model.embed("Russia and China agreed to build a second gas pipeline.");
        float[] paraphrase = model.embed("Moscow and Beijing decided on another pipeline for natural gas.");
        float[] cooking = model.embed("Fold the beaten egg whites gently into the chocolate batter.");

        assertTrue(Vectors.cosine(gas, paraphrase) > Vectors.cosine(gas, cooking) + 0.3,
                () -> "paraphrase " + Vectors.cosine(gas, paraphrase) + ", unrelated " + Vectors.cosine(gas, cooking));
    }

    @Test
    void embedsExactlyAsLangchain4jsEncoderDoesInEveryScriptAndLength() throws Exception {
        List<String> texts = List.of(
                "Ok.",
                "Moscow and Beijing signed a new gas contract.",
                "Москва и Пекин снова обсуждают газопровод, но о цене пока не договорились.",
                "北京和莫斯科的贸易额再次增长，但技术合作仍然谨慎。",
                "Die Gespräche endeten ohne gemeinsame Erklärung.",
                "Les deux capitales disent que leur partenariat ne vise personne.",
                "At length, and with many qualifications about payments, grain, fertiliser, naval drills, an old border "
                        + "settlement and a pipeline without a price, the envoy conceded that the meeting had produced "
                        + "more symbolism than substance, and that neither side wished to look like the junior partner "
                        + "in what others call a marriage of convenience rather than an alliance, again and again.");
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(MiniLm.resource(MiniLm.MODEL_RESOURCE),
                new OrtSession.SessionOptions())) {
            Reference reference = new Reference(new OnnxBertBiEncoder(environment, session,
                    new ByteArrayInputStream(MiniLm.resource(MiniLm.TOKENIZER_RESOURCE)), PoolingMode.MEAN));
            for (String text : texts) {
                assertArrayEquals(reference.embed(text).content().vector(), model.embed(text), 1e-5f, text);
            }
        }
    }

    @Test
    void countsWordPiecesWithoutSpecialTokensAndWithoutTheBundledTruncation() {
        assertEquals(2, model.count("hello world"));
        String long_ = "word ".repeat(300);
        assertEquals(300, model.count(long_));
    }

    @Test
    void readsOnlyTheFirst126TokensOfWhatItIsGiven() {
        String first = "alpha beta gamma delta ".repeat(32).strip(); // 128 tokens
        float[] cut = model.embed(String.join(" ", List.of(first.split(" ")).subList(0, 126)));
        float[] whole = model.embed(first + " and then something entirely different about cooking pasta");

        assertArrayEquals(cut, whole, 1e-5f);
    }

    @Test
    void cutsALongTextAtTokenBoundariesIntoPiecesWithinTheLimitLosingNothing() {
        String text = "The delegation discussed pipelines, ports and payment systems at length. ".repeat(20).strip();

        List<String> pieces = model.cut(text, 50);

        assertTrue(pieces.size() > 1);
        pieces.forEach(piece -> assertTrue(model.count(piece) <= 50, piece));
        assertEquals(model.count(text), pieces.stream().mapToInt(model::count).sum());
        assertEquals(text.replace(" ", ""), String.join("", pieces).replace(" ", ""));
    }

    /** langchain4j keeps the encoder's own embed method package-private; its embedding-model base class calls it. */
    private static final class Reference extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        Reference(OnnxBertBiEncoder encoder) {
            super((Executor) Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return MiniLm.DIMENSION;
        }
    }
}
