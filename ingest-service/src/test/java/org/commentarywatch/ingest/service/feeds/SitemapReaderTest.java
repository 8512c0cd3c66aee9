package org.commentarywatch.ingest.service.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SitemapReaderTest {

    private static final String SITE = "https://journal.example.org";

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNewsSitemapGivesEachPageWithItsNewsTitleAndPublicationDate() {
        SitemapReader.Sitemap sitemap = SitemapReader.read(bytes("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url><loc>https://journal.example.org/2026/12/river-ports</loc>
                    <lastmod>2026-12-02T09:00:00Z</lastmod>
                    <news:news><news:publication><news:name>Invented Journal</news:name>
                      <news:language>en</news:language></news:publication>
                      <news:publication_date>2026-12-01T18:30:00+01:00</news:publication_date>
                      <news:title>River ports agree on a shared timetable</news:title></news:news></url>
                  <url><loc>https://journal.example.org/about</loc><lastmod>2026-11-20</lastmod></url>
                </urlset>
                """), SITE + "/news-sitemap.xml");

        List<FeedItem> items = assertInstanceOf(SitemapReader.Pages.class, sitemap).items();
        assertEquals(2, items.size());
        FeedItem story = items.get(0);
        assertEquals(Optional.of(SITE + "/2026/12/river-ports"), story.link());
        assertEquals(Optional.of("River ports agree on a shared timetable"), story.title());
        assertEquals(Optional.of(Instant.parse("2026-12-01T17:30:00Z")), story.published(),
                "the news publication date wins over lastmod");
        assertTrue(story.html().isEmpty() && story.text().isEmpty(), "a sitemap carries no content: the page is fetched");
        FeedItem plain = items.get(1);
        assertEquals(Optional.empty(), plain.title());
        assertEquals(Optional.of(Instant.parse("2026-11-20T00:00:00Z")), plain.published(), "a plain page dates by lastmod");
    }

    @Test
    void anIndexGivesItsSitemapsWithTheirDates() {
        SitemapReader.Sitemap sitemap = SitemapReader.read(bytes("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>https://journal.example.org/sitemaps/2026-11.xml</loc>
                    <lastmod>2026-11-30T23:00:00Z</lastmod></sitemap>
                  <sitemap><loc>https://journal.example.org/sitemaps/pages.xml</loc></sitemap>
                </sitemapindex>
                """), SITE + "/sitemap.xml");

        List<SitemapReader.Child> children = assertInstanceOf(SitemapReader.Index.class, sitemap).sitemaps();
        assertEquals(List.of(
                new SitemapReader.Child(SITE + "/sitemaps/2026-11.xml", Optional.of(Instant.parse("2026-11-30T23:00:00Z"))),
                new SitemapReader.Child(SITE + "/sitemaps/pages.xml", Optional.empty())), children);
    }

    @Test
    void theMostRecentSitemapsAreTheNewestDatedThenTheLastListedUndated() {
        SitemapReader.Child october = child("10", "2026-10-31T00:00:00Z");
        SitemapReader.Child november = child("11", "2026-11-30T00:00:00Z");
        SitemapReader.Child firstUndated = new SitemapReader.Child(SITE + "/a.xml", Optional.empty());
        SitemapReader.Child lastUndated = new SitemapReader.Child(SITE + "/b.xml", Optional.empty());
        List<SitemapReader.Child> listed = List.of(firstUndated, october, november, lastUndated);

        assertEquals(List.of(november, october), SitemapReader.mostRecent(listed, 2));
        assertEquals(List.of(november, october, lastUndated, firstUndated), SitemapReader.mostRecent(listed, 9));
        assertEquals(List.of(), SitemapReader.mostRecent(listed, 0));
    }

    private static SitemapReader.Child child(String month, String lastModified) {
        return new SitemapReader.Child(SITE + "/sitemaps/2026-" + month + ".xml", Optional.of(Instant.parse(lastModified)));
    }

    @Test
    void onlyUrlsetAndSitemapindexRootsAreSitemaps() {
        assertTrue(SitemapReader.isSitemap(bytes("<?xml version=\"1.0\"?><!-- generated -->\n<urlset/>")));
        assertTrue(SitemapReader.isSitemap(bytes("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>")));
        assertFalse(SitemapReader.isSitemap(bytes("<rss version=\"2.0\"><channel/></rss>")));
        assertFalse(SitemapReader.isSitemap(bytes("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>")));
        assertFalse(SitemapReader.isSitemap(bytes("{\"version\": \"https://jsonfeed.org/version/1.1\"}")));
        assertFalse(SitemapReader.isSitemap(bytes("not xml at all")));
    }

    @Test
    void pagesOutsideTheSitemapsDirectoryAreKeptAndThoseThatAreNotHttpLeftOut() {
        SitemapReader.Sitemap sitemap = SitemapReader.read(bytes("""
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>ftp://journal.example.org/archive.zip</loc></url>
                  <url><loc>https://journal.example.org/kept</loc></url>
                </urlset>
                """), SITE + "/sitemaps/pages.xml");

        List<FeedItem> items = assertInstanceOf(SitemapReader.Pages.class, sitemap).items();
        assertEquals(List.of(Optional.of(SITE + "/kept")), items.stream().map(FeedItem::link).toList());
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsEverResolvedOrExpanded() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://journal.example.org/&x;</loc></url></urlset>
                """;
        FeedParser.UnparsableFeedException e = assertThrows(FeedParser.UnparsableFeedException.class,
                () -> SitemapReader.read(bytes(xxe), SITE + "/sitemap.xml"));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void aTruncatedSitemapIsRefusedWithTheParsersReason() {
        FeedParser.UnparsableFeedException e = assertThrows(FeedParser.UnparsableFeedException.class,
                () -> SitemapReader.read(bytes("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
                        + SITE + "/a</loc></url><url>"), SITE + "/sitemap.xml"));
        assertTrue(e.getMessage().startsWith("not a readable sitemap: "), e.getMessage());
        assertFalse(e.getMessage().contains("Failed to parse"), "the parser's own reason, not its wrapper: " + e.getMessage());
    }
}
