package org.commentarywatch.ingest.service.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;

/**
 * Main text and metadata of a web page.
 * <p>
 * Metadata, first found wins: JSON-LD ({@code NewsArticle}, {@code Article} and their kin, also inside
 * {@code @graph}), then OpenGraph ({@code og:*}, {@code article:*}), then meta tags (author, date, Dublin Core,
 * Highwire {@code citation_*}), then the page itself ({@code <title>}, {@code <h1>}, {@code <html lang>}). The
 * canonical URL is {@code <link rel=canonical>}, else {@code og:url}, else the JSON-LD url.
 * <p>
 * Main text: the page's obvious furniture is removed first (navigation, header, footer, aside, forms, figures and
 * their captions, and elements whose class or id names a cookie banner, newsletter box, share bar, "related" or
 * "read more" block, advert or comments), then Readability4J picks the article; when it finds too little the
 * de-furnished body is used. The text keeps one block (paragraph, heading, list item) per paragraph, and then goes
 * through the cleaning stage like every other input.
 */
public final class HtmlExtractor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String FURNITURE = "script, style, noscript, template, iframe, svg, canvas, nav, header, "
            + "footer, aside, form, button, select, figure, figcaption, picture, video, audio, dialog, "
            + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog], "
            + "[aria-hidden=true], [hidden]";
    /** Class or id tokens (split on space, dash, underscore) that name furniture. */
    private static final Pattern FURNITURE_TOKEN = Pattern.compile("(?i)^(?:nav|navbar|navigation|menu|breadcrumbs?|"
            + "cookies?|consent|gdpr|banner|newsletter|subscribe|subscription|signup|paywall|share|sharing|social|"
            + "related|recirculation|recommended|recommendations|readmore|promo|promotion|advert|advertisement|ads?|"
            + "sponsor|sponsored|outbrain|taboola|comments?|disqus|sidebar|widget|popup|modal|masthead|footer|"
            + "header|jobs?|careers?|caption|credit|credits|byline|tags|toolbar|print|author-bio)$");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
            "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th",
            "address", "hr", "br");
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting", "report",
            "scholarlyarticle", "reportagenewsarticle", "opinionnewsarticle", "analysisnewsarticle",
            "backgroundnewsarticle", "techarticle", "socialmediaposting", "webpage");
    private static final int MIN_ARTICLE_CHARS = 250;

    private HtmlExtractor() {
    }

    /**
     * @param charset from the Content-Type, if it named one; otherwise the page's own meta charset, else UTF-8
     * @param baseUrl where the page was found, to resolve relative canonical links
     */
    public static Extraction extract(byte[] html, Optional<Charset> charset, Optional<String> baseUrl) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(html), charset.map(Charset::name).orElse(null),
                    baseUrl.orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return extract(doc, baseUrl);
    }

    public static Extraction extract(String html, Optional<String> baseUrl) {
        return extract(Jsoup.parse(html, baseUrl.orElse("")), baseUrl);
    }

    private static Extraction extract(Document doc, Optional<String> baseUrl) {
        Optional<JsonNode> ld = jsonLdArticle(doc);
        Optional<String> title = MetadataValues.first(
                ld.flatMap(a -> text(a, "headline")),
                meta(doc, "og:title"), meta(doc, "citation_title"), meta(doc, "dc.title"), meta(doc, "twitter:title"),
                ld.flatMap(a -> text(a, "name")),
                titleElement(doc), firstText(doc, "h1"));
        List<String> authors = MetadataValues.names(ld.map(a -> names(a.path("author"))).orElse(List.of()));
        if (authors.isEmpty()) {
            authors = MetadataValues.names(metas(doc, "author", "article:author", "citation_author", "dc.creator",
                    "parsely-author", "sailthru.author"));
        }
        if (authors.isEmpty()) {
            authors = MetadataValues.names(doc.select("[rel=author], [itemprop=author] [itemprop=name], "
                    + "[itemprop=author]").eachText().stream().limit(3).toList());
        }
        Optional<String> published = MetadataValues.first(
                ld.flatMap(a -> text(a, "datePublished")).flatMap(MetadataValues::date),
                meta(doc, "article:published_time").flatMap(MetadataValues::date),
                meta(doc, "citation_publication_date").flatMap(MetadataValues::date),
                meta(doc, "dc.date.issued").flatMap(MetadataValues::date),
                meta(doc, "dc.date").flatMap(MetadataValues::date),
                meta(doc, "date").flatMap(MetadataValues::date),
                meta(doc, "pubdate").flatMap(MetadataValues::date),
                meta(doc, "publishdate").flatMap(MetadataValues::date),
                meta(doc, "parsely-pub-date").flatMap(MetadataValues::date),
                attr(doc, "time[itemprop=datePublished], time[pubdate], time[datetime]", "datetime")
                        .flatMap(MetadataValues::date));
        Optional<String> source = MetadataValues.first(
                ld.flatMap(a -> a.path("publisher").isObject() ? text(a.path("publisher"), "name")
                        : text(a, "publisher")),
                meta(doc, "og:site_name"), meta(doc, "citation_publisher"), meta(doc, "dc.publisher"),
                meta(doc, "application-name"));
        Optional<String> url = MetadataValues.first(
                attr(doc, "link[rel=canonical]", "abs:href"), attr(doc, "link[rel=canonical]", "href"),
                meta(doc, "og:url"),
                ld.flatMap(a -> text(a, "url")),
                ld.flatMap(a -> a.path("mainEntityOfPage").isObject() ? text(a.path("mainEntityOfPage"), "@id")
                        : text(a, "mainEntityOfPage")))
                .filter(u -> u.matches("(?i)^https?://.*"));
        Optional<String> language = MetadataValues.first(
                attr(doc, "html[lang]", "lang").flatMap(MetadataValues::language),
                ld.flatMap(a -> text(a, "inLanguage")).flatMap(MetadataValues::language),
                meta(doc, "content-language").flatMap(MetadataValues::language),
                meta(doc, "dc.language").flatMap(MetadataValues::language),
                meta(doc, "og:locale").flatMap(MetadataValues::language));

        String text = mainText(doc, baseUrl);
        return new Extraction(text, title, authors, published, source, url, language, false);
    }

    // ------------------------------------------------------------------ main text

    private static String mainText(Document doc, Optional<String> baseUrl) {
        Document stripped = doc.clone();
        removeFurniture(stripped);
        String fallback = Optional.ofNullable(stripped.body()).map(HtmlExtractor::blockText).orElse("");
        try {
            Article article = new Readability4J(baseUrl.orElse("http://localhost/"), stripped.clone()).parse();
            Element content = article.getArticleContent();
            if (content != null) {
                String text = blockText(content);
                if (text.length() >= MIN_ARTICLE_CHARS || text.length() * 2 >= fallback.length()) {
                    return text;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // Readability gave up on this page: the de-furnished body is the best there is.
        }
        return fallback;
    }

    static void removeFurniture(Document doc) {
        doc.select(FURNITURE).remove();
        List<Element> furniture = new ArrayList<>();
        int pageText = doc.body() == null ? 0 : doc.body().text().length();
        for (Element element : doc.getAllElements()) {
            if (element == doc || element == doc.body() || "html".equals(element.tagName())) {
                continue;
            }
            if ((namesFurniture(element.className()) || namesFurniture(element.id()))
                    // a wrapper named after its layout ("with-sidebar") that holds most of the page is content
                    && element.text().length() * 2 < pageText) {
                furniture.add(element);
            }
        }
        furniture.forEach(Element::remove);
    }

    private static boolean namesFurniture(String names) {
        if (names == null || names.isBlank()) {
            return false;
        }
        for (String name : names.split("\\s+")) {
            for (String token : name.split("[-_]")) {
                if (FURNITURE_TOKEN.matcher(token).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Text with one block per paragraph: blank lines between blocks, a line break for {@code <br>}. */
    static String blockText(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element element) {
                    if ("br".equals(element.tagName())) {
                        out.append('\n');
                    } else if (BLOCKS.contains(element.tagName())) {
                        out.append("\n\n");
                    }
                    if ("li".equals(element.tagName())) {
                        out.append("- ");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.tagName())) {
                    out.append("\n\n");
                }
            }
        }, root);
        return out.toString().replaceAll("[ \\t\\u00A0]+", " ").replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n").replaceAll("(?m)^- *$", "").strip();
    }

    // ------------------------------------------------------------------ metadata

    private static Optional<JsonNode> jsonLdArticle(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                Optional<JsonNode> found = findArticle(JSON.readTree(script.data()), 0);
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException | RuntimeException e) {
                // broken JSON-LD is common; the other sources remain
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> findArticle(JsonNode node, int depth) {
        if (node == null || depth > 5) {
            return Optional.empty();
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                Optional<JsonNode> found = findArticle(item, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        JsonNode type = node.path("@type");
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText().toLowerCase(java.util.Locale.ROOT)));
        } else if (type.isTextual()) {
            types.add(type.asText().toLowerCase(java.util.Locale.ROOT));
        }
        if (types.stream().anyMatch(t -> ARTICLE_TYPES.contains(t) && !"webpage".equals(t))) {
            return Optional.of(node);
        }
        Optional<JsonNode> inGraph = findArticle(node.get("@graph"), depth + 1);
        if (inGraph.isPresent()) {
            return inGraph;
        }
        return types.contains("webpage") && node.has("headline") ? Optional.of(node) : Optional.empty();
    }

    private static List<String> names(JsonNode author) {
        List<String> names = new ArrayList<>();
        if (author.isArray()) {
            author.forEach(a -> names.addAll(names(a)));
        } else if (author.isObject()) {
            text(author, "name").ifPresent(names::add);
        } else if (author.isTextual()) {
            names.add(author.asText());
        }
        return names;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isArray() && !value.isEmpty()) {
            value = value.get(0);
        }
        if (value.isObject()) {
            value = value.has("name") ? value.path("name") : value.path("@id");
        }
        return value.isValueNode() ? Optional.of(value.asText().strip()).filter(s -> !s.isEmpty()) : Optional.empty();
    }

    private static Optional<String> meta(Document doc, String name) {
        List<String> values = metas(doc, name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static List<String> metas(Document doc, String... names) {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            for (Element meta : doc.select("meta")) {
                String key = meta.hasAttr("property") ? meta.attr("property")
                        : meta.hasAttr("name") ? meta.attr("name") : meta.attr("http-equiv");
                if (key.equalsIgnoreCase(name)) {
                    String content = meta.attr("content").strip();
                    if (!content.isEmpty()) {
                        values.add(content);
                    }
                }
            }
        }
        return values;
    }

    private static Optional<String> attr(Document doc, String selector, String attribute) {
        Element element = doc.selectFirst(selector);
        if (element == null) {
            return Optional.empty();
        }
        String value = element.attr(attribute).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<String> firstText(Document doc, String selector) {
        Element element = doc.selectFirst(selector);
        return element == null ? Optional.empty() : Optional.of(element.text()).filter(s -> !s.isBlank());
    }

    /** {@code <title>} without a trailing " | Site name" or " - Site name". */
    private static Optional<String> titleElement(Document doc) {
        String title = doc.title().strip();
        if (title.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = title.split("\\s+[|–—]\\s+|\\s+-\\s+");
        return Optional.of(parts.length > 1 && parts[0].length() >= 10 ? parts[0] : title);
    }
}
