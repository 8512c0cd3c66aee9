package org.commentarywatch.ingest.service.extraction;

import java.util.List;
import java.util.Optional;

/**
 * What an extractor read out of a document: its text (not yet cleaned; PDF pages separated by form feeds) and the
 * metadata the document itself carries. Every field but the text may be absent; what the caller states (query
 * parameters, form fields, a feed item) takes precedence over it.
 *
 * @param markdown the text is Markdown (the cleaning stage strips its syntax)
 */
public record Extraction(
        String text,
        Optional<String> title,
        List<String> authors,
        Optional<String> published,
        Optional<String> source,
        Optional<String> url,
        Optional<String> language,
        boolean markdown) {

    public Extraction {
        title = title.map(String::strip).filter(s -> !s.isEmpty());
        authors = List.copyOf(authors);
        source = source.map(String::strip).filter(s -> !s.isEmpty());
        url = url.map(String::strip).filter(s -> !s.isEmpty());
        language = language.map(String::strip).filter(s -> !s.isEmpty());
    }

    public static Extraction text(String text, boolean markdown) {
        return new Extraction(text, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), markdown);
    }
}
