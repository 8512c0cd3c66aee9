package org.commentarywatch.ingest.service.extraction;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.commentarywatch.ingest.config.CommentaryConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one entry to extraction, by media type: every input route (the REST API today; feeds, fetched pages and the
 * drop folder later) hands over bytes and the type they came as and gets text plus the document's own metadata,
 * which then goes through the cleaning stage.
 */
@ApplicationScoped
public class DocumentExtractor {

    public static final String HTML = "text/html";
    public static final String XHTML = "application/xhtml+xml";
    public static final String PDF = "application/pdf";
    public static final String PLAIN = "text/plain";
    public static final String MARKDOWN = "text/markdown";
    public static final String MARKDOWN_X = "text/x-markdown";
    /** What {@link #extract} accepts, for error messages and the API description. */
    public static final List<String> SUPPORTED = List.of(HTML, PDF, PLAIN, MARKDOWN);

    private final PdfExtractor.Limits limits;

    @Inject
    public DocumentExtractor(CommentaryConfig config) {
        this(new PdfExtractor.Limits(config.extraction().pdfMaxPages(), config.extraction().timeout()));
    }

    public DocumentExtractor(PdfExtractor.Limits limits) {
        this.limits = limits;
    }

    /**
     * @param contentType as sent, parameters included ({@code text/html; charset=windows-1252})
     * @param url where the document was found, if known (resolves relative links)
     * @throws UnsupportedContentTypeException for a type without an extractor
     * @throws UnreadableDocumentException for a document of a supported type that cannot be read
     */
    public Extraction extract(byte[] body, String contentType, Optional<String> url) {
        String type = baseType(contentType);
        Optional<Charset> charset = charset(contentType);
        return switch (type) {
            case HTML, XHTML -> HtmlExtractor.extract(body, charset, url);
            case PDF -> PdfExtractor.extract(body, limits);
            case PLAIN -> Extraction.text(decode(body, charset), false);
            case MARKDOWN, MARKDOWN_X -> Extraction.text(decode(body, charset), true);
            default -> throw new UnsupportedContentTypeException("cannot read '" + (type.isEmpty() ? "no type" : type)
                    + "'; send one of application/json, " + String.join(", ", SUPPORTED)
                    + " or multipart/form-data with a file part of one of those types");
        };
    }

    /** {@code text/html; charset=utf-8} → {@code text/html}. */
    public static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The type a file name suggests, for uploads sent as application/octet-stream. */
    public static Optional<String> typeOfFileName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return Optional.of(PDF);
        }
        if (lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml")) {
            return Optional.of(HTML);
        }
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return Optional.of(MARKDOWN);
        }
        if (lower.endsWith(".txt")) {
            return Optional.of(PLAIN);
        }
        return Optional.empty();
    }

    private static Optional<Charset> charset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                try {
                    return Optional.of(Charset.forName(pair[1].strip().replace("\"", "")));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static String decode(byte[] body, Optional<Charset> charset) {
        String text = new String(body, charset.orElse(StandardCharsets.UTF_8));
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
