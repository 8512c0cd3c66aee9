package org.commentarywatch.enrich.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Tells the language of a text, offline: OpenNLP's language detector with the model of
 * {@code opennlp-models-langdetect} (103 languages, ISO 639-3), read from the classpath.
 *
 * <p>The model's probabilities are spread over 103 languages, so even a clear English paragraph scores
 * about 0.2 and a clear Chinese one 0.03: the raw probability says little. What does separate right from wrong
 * is the margin between the best and the second candidate, (p1 - p2) / p1: 0.85 to 0.99 for three sentences
 * in any of the pipeline's languages, 0.3 to 0.6 for one clear sentence, and under 0.15 for a headline, a name
 * or a short sentence on which the model confuses Russian with Bulgarian or Spanish with Asturian. That margin
 * is the confidence, and below {@link #MIN_MARGIN} the answer is {@code und} rather than a confident wrong
 * guess.
 *
 * <p>Chinese, Japanese and Korean are told by their scripts first: the n-gram model is weakest on them, while
 * kana settle Japanese, Hangul Korean, and Han characters without kana Chinese.
 */
@ApplicationScoped
@Startup // the model takes a moment to load: at boot, not on the first record
public class LanguageDetector {

    /** The model inside the opennlp-models-langdetect jar. */
    static final String MODEL_RESOURCE = "/langdetect-183.bin";

    /** Below this many letters an alphabetic text is not worth a guess. */
    static final int MIN_LETTERS = 20;

    /** Below this many CJK characters, not worth a guess either (a name, a place). */
    static final int MIN_CJK_CHARACTERS = 4;

    /** From this many CJK characters on, the script share alone is the confidence. */
    static final int FULL_CONFIDENCE_CJK_CHARACTERS = 10;

    static final double MAX_CJK_CONFIDENCE = 0.99;

    /** Below this margin between the two best candidates, the text is called undetermined. */
    static final double MIN_MARGIN = 0.2;

    /**
     * The opening of a long text says as much as all of it, while the cost grows with the length: 2,000 characters
     * (300-odd words, a dozen sentences) give the margins of a whole piece at a fifth of the cost of 10,000.
     */
    static final int MAX_SAMPLE_CHARS = 2_000;

    private final LanguageDetectorModel model;

    public LanguageDetector() {
        this.model = loadModel();
    }

    public LanguageGuess detect(String text) {
        String sample = sample(text);
        ScriptProfile scripts = ScriptProfile.of(sample);
        if (scripts.mostlyCjk()) {
            return detectCjk(scripts);
        }
        if (scripts.letters() < MIN_LETTERS) {
            return LanguageGuess.undetermined(0);
        }
        // A detector per call: cheap (it only wraps the shared model), and the ME classes are not thread-safe.
        Language[] ranked = new LanguageDetectorME(model).predictLanguages(sample);
        double best = ranked[0].getConfidence();
        double second = ranked.length > 1 ? ranked[1].getConfidence() : 0;
        double margin = best > 0 ? (best - second) / best : 0;
        return margin < MIN_MARGIN
                ? LanguageGuess.undetermined(margin)
                : new LanguageGuess(LanguageCodes.shortest(ranked[0].getLang()), margin);
    }

    private static LanguageGuess detectCjk(ScriptProfile scripts) {
        int cjk = scripts.han() + scripts.kana() + scripts.hangul();
        if (cjk < MIN_CJK_CHARACTERS) {
            return LanguageGuess.undetermined(0);
        }
        String language;
        int deciding;
        if (scripts.hangul() >= scripts.han() + scripts.kana()) {
            language = "ko";
            deciding = scripts.hangul();
        } else if (scripts.kana() * 10 >= scripts.han() + scripts.kana()) {
            // Japanese prose is a third kana or more; a Chinese text quoting a Japanese name has a handful.
            language = "ja";
            deciding = scripts.han() + scripts.kana();
        } else {
            language = "zh";
            deciding = scripts.han();
        }
        // The share of the text in the deciding script, discounted for a text of a few characters, and short
        // of certainty, which only a caller who declares the language has.
        double share = deciding / (double) scripts.letters();
        double length = Math.min(1, cjk / (double) FULL_CONFIDENCE_CJK_CHARACTERS);
        return new LanguageGuess(language, Math.min(MAX_CJK_CONFIDENCE, share * length));
    }

    private static String sample(String text) {
        if (text.length() <= MAX_SAMPLE_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_SAMPLE_CHARS - 1)) ? MAX_SAMPLE_CHARS - 1 : MAX_SAMPLE_CHARS;
        return text.substring(0, end);
    }

    private static LanguageDetectorModel loadModel() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("language model " + MODEL_RESOURCE
                        + " is not on the classpath: is org.apache.opennlp:opennlp-models-langdetect a dependency?");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the language model " + MODEL_RESOURCE, e);
        }
    }

    /** How many letters of a text belong to the scripts that decide CJK languages. */
    record ScriptProfile(int letters, int han, int kana, int hangul) {

        static ScriptProfile of(String text) {
            int letters = 0;
            int han = 0;
            int kana = 0;
            int hangul = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (!Character.isLetter(cp)) {
                    continue;
                }
                letters++;
                switch (Character.UnicodeScript.of(cp)) {
                    case HAN -> han++;
                    case HIRAGANA, KATAKANA -> kana++;
                    case HANGUL -> hangul++;
                    default -> {
                        // other scripts only count as letters
                    }
                }
            }
            return new ScriptProfile(letters, han, kana, hangul);
        }

        boolean mostlyCjk() {
            return letters > 0 && (han + kana + hangul) * 2 >= letters;
        }
    }
}
