package org.commentarywatch.enrich.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.commentarywatch.enrich.config.CommentaryConfig;
import org.commentarywatch.enrich.model.DocumentText;
import org.commentarywatch.enrich.model.Enrichment;

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

    @Inject
    public DocumentEnricher(LanguageDetector languageDetector, CommentaryConfig config) {
        this(languageDetector, config.enrich().enricher(), Clock.systemUTC());
    }

    public DocumentEnricher(LanguageDetector languageDetector, String enricher, Clock clock) {
        this.languageDetector = languageDetector;
        this.enricher = enricher;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when the text is blank: there is nothing to enrich */
    public Enrichment enrich(DocumentText document) {
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
        return new Enrichment(
                language.code(),
                language.confidence(),
                WordCounter.count(document.text()),
                sentences.size(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                enricher);
    }
}
