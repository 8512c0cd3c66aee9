package org.commentarywatch.enrich.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.commentarywatch.enrich.config.CommentaryConfig;
import org.commentarywatch.enrich.model.Classification;
import org.commentarywatch.enrich.model.DocumentText;
import org.commentarywatch.enrich.model.Enrichment;
import org.commentarywatch.enrich.model.SimilarityFindings;
import org.commentarywatch.enrich.model.TextFindings;
import org.commentarywatch.enrich.service.classify.DocumentClassifier;
import org.commentarywatch.enrich.service.corpus.Candidate;
import org.commentarywatch.enrich.service.corpus.SimilarityAnalysis;
import org.commentarywatch.enrich.service.stance.StanceClassifier;
import org.commentarywatch.enrich.service.themes.ThemeClassifier;

/**
 * The analysis of one document, the same for the Kafka stage and the API. The language comes first because
 * everything after it reads the text in that language: the sentence rules now, and the actor aliases, theme
 * lexicons and passage embeddings that later analysers add to {@link Enrichment} from the same sentences.
 */
@ApplicationScoped
public class DocumentEnricher {

    private final LanguageDetector languageDetector;
    private final String enricher;
    private final Clock clock;
    /** Vector and corpus neighbours; null leaves them out (tests of the other analyses). */
    private final SimilarityAnalysis similarity;
    /** Knowledge-base actors and facts of the text (the knowledge base is compiled once per process). */
    private final TextFindingsAnalyser textFindings;
    /** Themes and stance (lexicons compiled once per process). */
    private final DocumentClassifier classifier;

    @Inject
    public DocumentEnricher(LanguageDetector languageDetector, CommentaryConfig config, SimilarityAnalysis similarity) {
        this(languageDetector, config.enrich().enricher(), Clock.systemUTC(), similarity);
    }

    public DocumentEnricher(LanguageDetector languageDetector, String enricher, Clock clock) {
        this(languageDetector, enricher, clock, null);
    }

    public DocumentEnricher(LanguageDetector languageDetector, String enricher, Clock clock, SimilarityAnalysis similarity) {
        this.languageDetector = languageDetector;
        this.enricher = enricher;
        this.clock = clock;
        this.similarity = similarity;
        this.textFindings = TextFindingsAnalyser.shared();
        // the theme descriptions and stance prototypes are embedded once, by the model that embeds the documents
        this.classifier = similarity == null ? DocumentClassifier.lexical()
                : new DocumentClassifier(ThemeClassifier.load(), StanceClassifier.load(),
                        Optional.of(similarity.embedder()::embedAll));
    }

    /** A text without an id (the API), its neighbours looked up once. */
    public Enrichment enrich(DocumentText document) {
        return enrich(document, SimilarityAnalysis.Query.api(true));
    }

    /**
     * @param corpus the document's id and how to consult the corpus of earlier documents
     * @throws IllegalArgumentException when the text is blank: there is nothing to enrich
     * @throws org.commentarywatch.enrich.service.corpus.CorpusUnavailableException when the corpus must be
     *         consulted and cannot be
     */
    public Enrichment enrich(DocumentText document, SimilarityAnalysis.Query corpus) {
        if (document.text().isBlank()) {
            throw new IllegalArgumentException("the text is blank");
        }
        // The title adds evidence for the language; the counts describe the body, which is what was published.
        LanguageGuess language = document.languageHint()
                .map(LanguageGuess::declared)
                .orElseGet(() -> languageDetector.detect(document.title().isBlank()
                        ? document.text()
                        : document.title() + "\n\n" + document.text()));
        List<String> sentences = SentenceSplitter.split(document.text(), language.locale());
        // The passages embed on the embedding threads while this thread finds actors and facts.
        SimilarityAnalysis.Pending pendingSimilarity = similarity == null ? null
                : similarity.start(sentences, document.title(), document.text(), corpus);
        TextFindings foundInText = textFindings.analyse(document.text());
        int wordCount = WordCounter.count(document.text());
        // The lexical evidence of themes and stance, still while the passages embed; then the embedding evidence.
        DocumentClassifier.Prepared prepared = classifier.prepare(document.title(), document.text(), sentences,
                wordCount, foundInText.actors());
        Optional<SimilarityAnalysis.Outcome> placed = pendingSimilarity == null ? Optional.empty()
                : pendingSimilarity.finish();
        Classification classification = classifier.decide(prepared, language.code(),
                placed.map(p -> new DocumentClassifier.Embedded(p.embedding().vector(), p.embedding().passageVectors())),
                placed.map(p -> labelled(p.labelledNeighbours())).orElse(List.of())).classification();
        SimilarityFindings similarityFindings = placed.map(SimilarityAnalysis.Outcome::findings).orElse(null);
        return new Enrichment(
                language.code(),
                language.confidence(),
                wordCount,
                sentences.size(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                enricher,
                similarityFindings,
                foundInText,
                classification);
    }

    private static List<DocumentClassifier.LabelledNeighbour> labelled(List<Candidate> candidates) {
        return candidates.stream()
                .flatMap(c -> c.labels().stream().map(l -> new DocumentClassifier.LabelledNeighbour(c.id(),
                        c.similarity(), l.stance(), l.themes())))
                .toList();
    }
}
