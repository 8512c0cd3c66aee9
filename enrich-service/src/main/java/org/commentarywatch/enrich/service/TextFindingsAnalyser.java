package org.commentarywatch.enrich.service;

import java.util.List;

import org.commentarywatch.enrich.model.ActorMention;
import org.commentarywatch.enrich.model.Fact;
import org.commentarywatch.enrich.model.TextFindings;
import org.commentarywatch.enrich.service.actors.ActorTagger;
import org.commentarywatch.enrich.service.actors.KnowledgeBase;
import org.commentarywatch.enrich.service.actors.KnowledgeBaseEntry;
import org.commentarywatch.enrich.service.facts.FactExtractor;
import org.commentarywatch.enrich.service.facts.QuoteFinder;

/**
 * Actors and facts of one text: the knowledge base's actors (tagged once) and the facts, whose quotations are
 * attributed to the actors found around them. Thread-safe; the knowledge base is compiled once per process.
 */
public final class TextFindingsAnalyser {

    private static volatile TextFindingsAnalyser shared;

    private final ActorTagger tagger;

    public TextFindingsAnalyser(ActorTagger tagger) {
        this.tagger = tagger;
    }

    /** The analyser over the knowledge base shipped with the service, built on first use. */
    public static TextFindingsAnalyser shared() {
        TextFindingsAnalyser instance = shared;
        if (instance == null) {
            synchronized (TextFindingsAnalyser.class) {
                instance = shared;
                if (instance == null) {
                    instance = new TextFindingsAnalyser(new ActorTagger(KnowledgeBase.load()));
                    shared = instance;
                }
            }
        }
        return instance;
    }

    public ActorTagger tagger() {
        return tagger;
    }

    public TextFindings analyse(String text) {
        List<ActorTagger.Span> spans = tagger.spans(text);
        List<ActorMention> actors = tagger.summarise(spans);
        List<Fact> facts = new FactExtractor(new SpanSpeakers(spans, tagger.knowledgeBase())).extract(text);
        boolean truncated = tagger.truncates(text) || text.length() > FactExtractor.DEFAULT_MAX_CHARS;
        return new TextFindings(actors, facts, truncated);
    }

    /** Speakers from the tagged spans (in text order). */
    private record SpanSpeakers(List<ActorTagger.Span> spans, KnowledgeBase knowledgeBase)
            implements QuoteFinder.SpeakerLookup {

        @Override
        public String speakerWithin(int from, int to) {
            String fallback = null;
            for (ActorTagger.Span span : spans) {
                if (span.start() >= to) {
                    break;
                }
                if (span.start() < from) {
                    continue;
                }
                for (String id : span.actorIds()) {
                    KnowledgeBaseEntry entry = knowledgeBase.get(id);
                    if ("person".equals(entry.type())) {
                        return entry.name();
                    }
                    if (fallback == null && !"place".equals(entry.type()) && !"project".equals(entry.type())) {
                        fallback = entry.name();
                    }
                }
            }
            return fallback;
        }

        @Override
        public String lastPersonWithin(int from, int to) {
            String last = null;
            for (ActorTagger.Span span : spans) {
                if (span.start() >= to) {
                    break;
                }
                if (span.start() >= from) {
                    for (String id : span.actorIds()) {
                        KnowledgeBaseEntry entry = knowledgeBase.get(id);
                        if ("person".equals(entry.type())) {
                            last = entry.name();
                        }
                    }
                }
            }
            return last;
        }
    }
}
