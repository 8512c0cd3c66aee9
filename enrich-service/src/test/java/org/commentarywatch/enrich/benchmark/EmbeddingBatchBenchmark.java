package org.commentarywatch.enrich.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;

import org.commentarywatch.enrich.PieceGenerator;
import org.commentarywatch.enrich.service.SentenceSplitter;
import org.commentarywatch.enrich.service.embedding.MiniLm;
import org.commentarywatch.enrich.service.embedding.Passage;
import org.commentarywatch.enrich.service.embedding.Passages;
import org.junit.jupiter.api.Test;

/**
 * H5: does one ONNX call over a [B, seq] batch of passages (sorted by token length, padded to the longest of the
 * batch, mean-pooled over the attention mask, L2-normalised) cost fewer CPU-ms per passage than today's one passage
 * per call ({@link MiniLm#embed})? Same model bytes and session options as {@code MiniLm.load()}, the session called
 * directly. CPU is the calling threads' own time: with one intra-op and one inter-op thread ONNX Runtime computes in
 * the caller, so the figure survives a loaded machine where wall-clock rates do not. Also checks that every batched
 * vector equals today's (cosine). Not part of the build (neither *Test nor *IT); run it with
 *
 * <pre>./mvnw -o -B -pl enrich-service test -Dtest=EmbeddingBatchBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * {@code -Dbenchmark.passages=2000} (passages per measurement) is the default.
 */
class EmbeddingBatchBenchmark {

    private static final int PASSAGES = Integer.getInteger("benchmark.passages", 2000);
    private static final int[] BATCH_SIZES = {1, 2, 4, 8, 16};
    private static final int[] CALLERS = {1, 2};
    private static final int MAX_PASSAGES_PER_PIECE = 64;
    private static final int MAX_SENTENCES = 4;

    /** Written for this benchmark: other scripts and very short or long passages, for the equality check only. */
    private static final List<String> MIXED = List.of(
            "Ok.",
            "Москва и Пекин снова говорят о новом газопроводе, но цена всё ещё не согласована.",
            "北京和莫斯科的贸易额去年再次增长，但技术合作仍然谨慎。",
            "Die Gespräche in Astana endeten ohne gemeinsame Erklärung, doch beide Seiten sprachen von Fortschritten.",
            "Les deux capitales affirment que leur partenariat n'est dirigé contre personne.",
            "The envoy said little. Then, at length and with many qualifications about payments in national currencies, "
                    + "grain corridors, fertiliser quotas, customs figures, naval exercises in the Pacific, a border "
                    + "settled decades ago and a pipeline whose price is still unknown, he conceded that the summit had "
                    + "produced more symbolism than substance, and that neither side wanted to be seen as the junior "
                    + "partner in a relationship that others describe as a marriage of convenience rather than an alliance.");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void batchedInferenceAgainstOnePassagePerCall() throws Exception {
        try (MiniLm miniLm = MiniLm.load(); Batched batched = Batched.load()) {
            List<String> passages = passages(miniLm, PASSAGES);
            double averageTokens = Arrays.stream(batched.tokenCounts(passages)).average().orElse(0);

            // Equality first (it also warms both paths up).
            List<String> checked = new ArrayList<>(passages.subList(0, Math.min(400, passages.size())));
            checked.addAll(MIXED);
            List<float[]> reference = checked.stream().map(miniLm::embed).toList();
            Map<Integer, Double> minCosine = new HashMap<>();
            for (int b : BATCH_SIZES) {
                List<float[]> vectors = batched.embedAll(checked, b);
                double min = 1;
                for (int i = 0; i < checked.size(); i++) {
                    min = Math.min(min, cosine(reference.get(i), vectors.get(i)));
                }
                minCosine.put(b, min);
            }

            StringBuilder table = new StringBuilder();
            table.append(String.format(Locale.ROOT,
                    "%n%d passages (%.1f word pieces on average, %d cores), equality over %d passages (%d in other "
                            + "scripts or extreme lengths)%n",
                    passages.size(), averageTokens, Runtime.getRuntime().availableProcessors(), checked.size(),
                    MIXED.size()));
            table.append(String.format(Locale.ROOT, "%-22s %7s %12s %16s %16s %12s%n", "method", "callers",
                    "passages/s", "thread CPU ms/p", "process CPU ms/p", "min cosine"));
            String loadBefore = loadAverage();
            for (int callers : CALLERS) {
                Figures today = measure(passages, callers, 1, (texts, b) -> texts.stream().map(miniLm::embed).toList());
                table.append(row("embed (today)", callers, today, Double.NaN));
                for (int b : BATCH_SIZES) {
                    Figures figures = measure(passages, callers, b, batched::embedAll);
                    table.append(row("batch B=" + b, callers, figures, minCosine.get(b)));
                }
            }
            table.append("load average before: ").append(loadBefore).append(", after: ").append(loadAverage());
            System.out.println(table);
        }
    }

    /** Realistic passages: 800-word pieces cut the way the service cuts them (≤ 126 word pieces, ≤ 4 sentences). */
    private static List<String> passages(MiniLm miniLm, int count) {
        Random random = new Random(5);
        List<String> passages = new ArrayList<>();
        while (passages.size() < count) {
            String piece = PieceGenerator.piece(random, 800);
            Passages.build(SentenceSplitter.split(piece, Locale.ENGLISH), miniLm, Passages.MODEL_MAX_TOKENS,
                            MAX_SENTENCES).stream()
                    .limit(MAX_PASSAGES_PER_PIECE).map(Passage::text).forEach(passages::add);
        }
        return List.copyOf(passages.subList(0, count));
    }

    private interface Method {
        List<float[]> embedAll(List<String> texts, int batchSize) throws Exception;
    }

    private record Figures(double passagesPerSecond, double threadCpuMsPerPassage, double processCpuMsPerPassage) {
    }

    /**
     * The passages go out to the callers a document at a time (groups of 9, the benchmark pieces' mean), as
     * {@code DocumentEmbedder} would see them; each caller batches within its group.
     */
    private static Figures measure(List<String> passages, int callers, int batchSize, Method method) throws Exception {
        int group = 9;
        List<List<String>> documents = new ArrayList<>();
        for (int from = 0; from < passages.size(); from += group) {
            documents.add(passages.subList(from, Math.min(passages.size(), from + group)));
        }
        // Warm-up of this configuration: a tenth of the documents.
        for (List<String> document : documents.subList(0, documents.size() / 10)) {
            method.embedAll(document, batchSize);
        }
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            AtomicInteger next = new AtomicInteger();
            long processStart = processCpuNanos();
            long start = System.nanoTime();
            List<Future<Long>> cpu = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                cpu.add(pool.submit(() -> {
                    long threadStart = THREADS.getCurrentThreadCpuTime();
                    for (int d; (d = next.getAndIncrement()) < documents.size(); ) {
                        method.embedAll(documents.get(d), batchSize);
                    }
                    return THREADS.getCurrentThreadCpuTime() - threadStart;
                }));
            }
            long threadCpu = 0;
            for (Future<Long> f : cpu) {
                threadCpu += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long processCpu = processCpuNanos() - processStart;
            return new Figures(passages.size() / seconds, threadCpu / 1e6 / passages.size(),
                    processCpu / 1e6 / passages.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String row(String method, int callers, Figures figures, double minCosine) {
        return String.format(Locale.ROOT, "%-22s %7d %12.1f %16.2f %16.2f %12s%n", method, callers,
                figures.passagesPerSecond(), figures.threadCpuMsPerPassage(), figures.processCpuMsPerPassage(),
                Double.isNaN(minCosine) ? "reference" : String.format(Locale.ROOT, "%.6f", minCosine));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** The candidate: the session called directly with a padded batch. */
    private static final class Batched implements AutoCloseable {

        private final OrtEnvironment environment;
        private final OrtSession session;
        private final HuggingFaceTokenizer tokenizer;
        private final boolean typeIds;

        private Batched(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) throws OrtException {
            this.environment = environment;
            this.session = session;
            this.tokenizer = tokenizer;
            this.typeIds = session.getInputNames().contains("token_type_ids");
        }

        /** As {@code MiniLm.load()}: same resource bytes, one intra-op and one inter-op thread. */
        static Batched load() throws Exception {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            byte[] model;
            try (InputStream in = open("all-minilm-l6-v2-q.onnx")) {
                model = in.readAllBytes();
            }
            OrtSession session = environment.createSession(model, options);
            HuggingFaceTokenizer tokenizer;
            try (InputStream in = open("all-minilm-l6-v2-q-tokenizer.json")) {
                // As OnnxBertBiEncoder builds it: the bundled file's own truncation (128 with [CLS] and [SEP]).
                tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
            }
            System.out.println("model inputs " + session.getInputNames() + ", outputs " + session.getOutputNames());
            return new Batched(environment, session, tokenizer);
        }

        int[] tokenCounts(List<String> texts) {
            return texts.stream().mapToInt(t -> tokenizer.encode(t, true, false).getIds().length).toArray();
        }

        List<float[]> embedAll(List<String> texts, int batchSize) throws OrtException {
            Encoding[] encodings = tokenizer.batchEncode(texts, true, false);
            Integer[] order = new Integer[texts.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
            float[][] vectors = new float[texts.size()][];
            for (int from = 0; from < order.length; from += batchSize) {
                int to = Math.min(order.length, from + batchSize);
                Encoding[] batch = new Encoding[to - from];
                for (int i = from; i < to; i++) {
                    batch[i - from] = encodings[order[i]];
                }
                float[][] embedded = run(batch);
                for (int i = from; i < to; i++) {
                    vectors[order[i]] = embedded[i - from];
                }
            }
            return Arrays.asList(vectors);
        }

        private float[][] run(Encoding[] batch) throws OrtException {
            int rows = batch.length;
            int length = batch[rows - 1].getIds().length; // sorted: the last is the longest
            long[] ids = new long[rows * length];
            long[] mask = new long[rows * length];
            long[] types = new long[rows * length];
            for (int r = 0; r < rows; r++) {
                long[] rowIds = batch[r].getIds();
                System.arraycopy(rowIds, 0, ids, r * length, rowIds.length);
                System.arraycopy(batch[r].getAttentionMask(), 0, mask, r * length, rowIds.length);
                System.arraycopy(batch[r].getTypeIds(), 0, types, r * length, rowIds.length);
            }
            long[] shape = {rows, length};
            try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                 OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                 OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
                Map<String, OnnxTensor> inputs = new HashMap<>();
                inputs.put("input_ids", idTensor);
                inputs.put("attention_mask", maskTensor);
                if (typeIds) {
                    inputs.put("token_type_ids", typeTensor);
                }
                try (OrtSession.Result result = session.run(inputs)) {
                    float[][][] hidden = (float[][][]) result.get(0).getValue();
                    float[][] pooled = new float[rows][];
                    for (int r = 0; r < rows; r++) {
                        pooled[r] = meanPoolNormalised(hidden[r], mask, r * length, length);
                    }
                    return pooled;
                }
            }
        }

        private static float[] meanPoolNormalised(float[][] tokens, long[] mask, int offset, int length) {
            float[] sum = new float[tokens[0].length];
            int count = 0;
            for (int t = 0; t < length; t++) {
                if (mask[offset + t] == 0) {
                    continue;
                }
                count++;
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += tokens[t][d];
                }
            }
            double norm = 0;
            for (int d = 0; d < sum.length; d++) {
                sum[d] /= count;
                norm += sum[d] * sum[d];
            }
            norm = Math.sqrt(norm);
            for (int d = 0; d < sum.length; d++) {
                sum[d] /= (float) norm;
            }
            return sum;
        }

        private static InputStream open(String name) throws IOException {
            InputStream in = OnnxBertBiEncoder.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IOException(name + " is not on the classpath");
            }
            return in;
        }

        @Override
        public void close() throws OrtException {
            tokenizer.close();
            session.close();
        }
    }
}
