package org.commentarywatch.ingest.service.feeds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;

/**
 * XML sitemaps (sitemaps.org 0.9, with Google's news extension) read as feeds: each listed page is an item whose
 * title and date come from its {@code news:news} block when there is one ({@code news:title},
 * {@code news:publication_date}), else its date from {@code lastmod}; it has no content of its own, so its page is
 * fetched like any feed item's. A sitemap index lists further sitemaps, which the poller fetches itself
 * ({@link Index}). Parsed by crawler-commons, lenient about URLs on other hosts (as feeds are) and with DOCTYPE
 * declarations refused, so no entity is resolved or expanded.
 */
final class SitemapReader {

    /** What a sitemap URL served. */
    sealed interface Sitemap permits Pages, Index {
    }

    /** A {@code urlset}: the pages it lists, in its order. */
    record Pages(List<FeedItem> items) implements Sitemap {
        Pages {
            items = List.copyOf(items);
        }
    }

    /** A {@code sitemapindex}: the sitemaps it lists, in its order. */
    record Index(List<Child> sitemaps) implements Sitemap {
        Index {
            sitemaps = List.copyOf(sitemaps);
        }
    }

    record Child(String url, Optional<Instant> lastModified) {
    }

    private static final Set<String> ROOTS = Set.of("urlset", "sitemapindex");

    private SitemapReader() {
    }

    /** Whether the body is an XML document whose root is {@code urlset} or {@code sitemapindex}. */
    static boolean isSitemap(byte[] body) {
        // A factory per call: StAX factories are not promised to be thread-safe, and a poll is rare enough.
        XMLInputFactory xml = XMLInputFactory.newFactory();
        xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = null;
        try {
            reader = xml.createXMLStreamReader(new ByteArrayInputStream(body));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    return ROOTS.contains(reader.getLocalName());
                }
            }
            return false;
        } catch (XMLStreamException e) {
            // Not XML, or not well-formed before its root: whichever parser comes next says why.
            return false;
        } finally {
            close(reader);
        }
    }

    /**
     * @param url where the sitemap was fetched: relative locations resolve against it
     * @throws FeedParser.UnparsableFeedException when the body is not a readable sitemap
     */
    static Sitemap read(byte[] body, String url) {
        SiteMapParser parser = new SiteMapParser(false);
        parser.setAllowDocTypeDefinitions(false);
        parser.enableExtension(Extension.NEWS);
        AbstractSiteMap map;
        try {
            map = parser.parseSiteMap("application/xml", body, new URL(url));
        } catch (UnknownFormatException | IOException | RuntimeException e) {
            throw new FeedParser.UnparsableFeedException("not a readable sitemap: " + FeedParser.rootMessage(e), e);
        }
        if (map instanceof SiteMapIndex index) {
            List<Child> children = new ArrayList<>();
            for (AbstractSiteMap child : index.getSitemaps()) {
                children.add(new Child(child.getUrl().toString(), instant(child.getLastModified())));
            }
            return new Index(children);
        }
        List<FeedItem> items = new ArrayList<>();
        for (SiteMapURL entry : ((SiteMap) map).getSiteMapUrls()) {
            // Not entry.isValid(): that says whether the page lies under the sitemap's directory, which sites with
            // their sitemaps in /sitemaps/ never do.
            if (!isHttp(entry.getUrl())) {
                continue;
            }
            Optional<NewsAttributes> news = news(entry);
            String link = entry.getUrl().toString();
            Optional<Instant> published = news.flatMap(n -> Optional.ofNullable(n.getPublicationDateTime()))
                    .map(date -> date.toInstant())
                    .or(() -> instant(entry.getLastModified()));
            items.add(new FeedItem(Optional.of(link), news.map(NewsAttributes::getTitle).map(String::strip)
                    .filter(t -> !t.isEmpty()), Optional.of(link), List.of(), published, Optional.empty(),
                    Optional.empty()));
        }
        return new Pages(items);
    }

    private static Optional<NewsAttributes> news(SiteMapURL entry) {
        ExtensionMetadata[] attributes = entry.getAttributesForExtension(Extension.NEWS);
        return attributes == null ? Optional.empty()
                : Arrays.stream(attributes).filter(NewsAttributes.class::isInstance).map(NewsAttributes.class::cast)
                        .findFirst();
    }

    private static boolean isHttp(URL url) {
        String scheme = url.getProtocol();
        return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
    }

    private static Optional<Instant> instant(Date date) {
        return Optional.ofNullable(date).map(Date::toInstant);
    }

    /**
     * The {@code count} most recent of an index's sitemaps: by {@code lastmod}, newest first; undated ones after the
     * dated, the later listed first (indexes list their sitemaps oldest first, when they keep an order at all).
     */
    static List<Child> mostRecent(List<Child> children, int count) {
        List<Child> order = new ArrayList<>(children);
        Collections.reverse(order);
        // Stable: among equal dates (or none) the reversed listing order stays.
        order.sort(Comparator.comparing((Child c) -> c.lastModified().orElse(Instant.MIN)).reversed());
        return List.copyOf(order.subList(0, Math.min(Math.max(count, 0), order.size())));
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing held that closing could release
            }
        }
    }
}
