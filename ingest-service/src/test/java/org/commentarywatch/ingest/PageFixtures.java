package org.commentarywatch.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Pages for the fetching tests, invented for them: a news page with its furniture (navigation, cookie banner, share
 * bar, caption, related links, newsletter box) around three paragraphs, and a two-page, two-column PDF report with a
 * running head and page numbers. Each takes a number so that every page's text is its own (the service recognises
 * exact duplicates under another URL).
 */
public final class PageFixtures {

    public static final String RUNNING_HEAD = "Invented Review of Inland Waterways";
    /** The four column paragraphs of a report in reading order: page 1 left, right; page 2 left, right. */
    public static final List<String> REPORT_OPENINGS = List.of("Report number %d opens with the river barges",
            "Depot owners answer that the schedule", "Engineers from the waterways office propose",
            "Environmental groups warn that dredging");
    public static final List<String> PAGE_FURNITURE = List.of("Accept all", "Sign in", "Share on Facebook",
            "Subscribe now", "Photo:", "Keep reading", "Most read");

    private static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
    private static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);

    private PageFixtures() {
    }

    /** The sentence that opens the article's body, for assertions. */
    public static String articleOpening(int n) {
        return "Harbour pilots in district number " + n + " say the new radio beacons";
    }

    /**
     * @param canonical the page's rel=canonical, written as given
     * @param author named in the page's JSON-LD only
     */
    public static String article(int n, String title, String canonical, String author, String published) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>%1$s | Invented Harbour Gazette</title>
                  <link rel="canonical" href="%2$s">
                  <meta property="og:site_name" content="Invented Harbour Gazette">
                  <script type="application/ld+json">
                  {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "%1$s",
                   "author": {"@type": "Person", "name": "%3$s"}, "datePublished": "%4$s"}
                  </script>
                </head>
                <body>
                  <div id="cookie-banner"><p>We use cookies on this site.</p><button>Accept all</button></div>
                  <nav><a href="/">Home</a> <a href="/ports">Ports</a> <a href="/login">Sign in</a></nav>
                  <main>
                    <article>
                      <h1>%1$s</h1>
                      <div class="share-bar"><a>Share on Facebook</a> <a>Email</a></div>
                      <p>%5$s have cut the waiting time for ships entering the estuary at night, although the older
                      trawlers still lack receivers that can read the signal.</p>
                      <figure><img src="/img/beacon.jpg" alt=""><figcaption>A beacon on the north mole. Photo: Invented
                      Picture Desk</figcaption></figure>
                      <p>The port authority plans to lend receivers to the smallest boats over the winter, paid for from
                      the fees that cruise operators pay for the deep-water berth.</p>
                      <div class="newsletter-signup"><p>The Gazette in your inbox every morning.</p><p>Subscribe now</p></div>
                      <p>Fishermen's associations welcome the loan but ask for training in the evenings, when crews are
                      ashore, rather than during the morning tide.</p>
                    </article>
                    <aside class="related"><h4>Keep reading</h4><p><a href="/a">Dredgers return to the bay</a></p></aside>
                  </main>
                  <div class="sidebar"><h4>Most read</h4><ol><li>Ferry fares rise</li></ol></div>
                  <footer><p>Follow us on social media</p></footer>
                </body>
                </html>
                """.formatted(title, canonical, author, published, articleOpening(n));
    }

    /** Two pages of two columns, the running head on top of each, "Page p of 2" at the bottom, no metadata. */
    public static byte[] report(int n, String title) {
        List<String> paragraphs = List.of(
                REPORT_OPENINGS.get(0).formatted(n) + " that carry timber from the upland mills to the coastal depots, "
                        + "where dock managers complain that the new loading schedule leaves crews waiting for hours "
                        + "between arrivals.",
                REPORT_OPENINGS.get(1) + " was drafted together with the carriers and that the waiting times fall "
                        + "once the spring floods recede, a claim the crews dispute in letters to the regional paper.",
                REPORT_OPENINGS.get(2) + " deepening the channel near the old lock, which would let heavier barges "
                        + "pass without unloading part of their cargo onto smaller boats upstream.",
                REPORT_OPENINGS.get(3) + " would disturb spawning grounds, and they ask the office to publish its "
                        + "survey of the riverbed before any contract for the work is signed.");
        try (PDDocument doc = new PDDocument()) {
            for (int p = 1; p <= 2; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                    write(out, REGULAR, 9, 72, 805, List.of(RUNNING_HEAD));
                    float top = 770;
                    if (p == 1) {
                        top = write(out, BOLD, 18, 72, top, List.of(title)) - 14;
                    }
                    write(out, REGULAR, 10, 72, top, TestPdfs.wrap(paragraphs.get(2 * (p - 1)), REGULAR, 10, 220,
                            List.of()));
                    write(out, REGULAR, 10, 315, top, TestPdfs.wrap(paragraphs.get(2 * (p - 1) + 1), REGULAR, 10,
                            220, List.of()));
                    write(out, REGULAR, 9, 280, 40, List.of("Page " + p + " of 2"));
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float write(PDPageContentStream out, PDFont font, float size, float x, float y, List<String> lines)
            throws IOException {
        for (String line : lines) {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y);
            out.showText(line);
            out.endText();
            y -= size * 1.2f;
        }
        return y;
    }
}
