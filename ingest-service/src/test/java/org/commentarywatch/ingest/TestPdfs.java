package org.commentarywatch.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * PDFs written by the tests themselves, with PDFBox: a single-column piece with document information, a
 * two-column report with running heads, page numbers, words hyphenated across lines and superscript footnote
 * markers, an encrypted one and a corrupt byte array. All text is invented for the tests.
 */
public final class TestPdfs {

    public static final String TWO_COLUMN_TITLE = "Ferries, Grain and the Northern Lakes";
    public static final String RUNNING_HEAD = "Invented Quarterly of Inland Transport";

    /** Paragraphs of the left column, page by page; the right column's follow. Long words get hyphenated. */
    public static final List<String> LEFT = List.of(
            "Ferry operators on the northern lakes expect shorter winter timetables again, and the regional "
                    + "council has promised an investigation into the maintenance backlog of the older vessels.",
            "Freight forwarders meanwhile describe a quieter season, with grain consignments rerouted towards "
                    + "the southern railheads whenever the harbour cranes stand idle for repairs.");
    public static final List<String> RIGHT = List.of(
            "Independent shipbuilders argue that replacement hulls would pay for themselves within a decade, "
                    + "although their calculations assume uninterrupted financing from provincial authorities.",
            "Passenger associations remain unconvinced and continue collecting signatures for a petition that "
                    + "demands reliable departures throughout the coldest months of the year.");
    /** Words the tests expect to be hyphenated across a line break in the two-column PDF. */
    public static final List<String> HYPHENATED = List.of("investigation", "consignments", "calculations",
            "associations");

    private static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
    private static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);

    private TestPdfs() {
    }

    public static byte[] singleColumn(String title, String author, List<String> paragraphs) {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor(author);
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.clear();
            created.set(2024, Calendar.MARCH, 5, 10, 15, 0);
            info.setCreationDate(created);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                float y = 780;
                y = write(out, BOLD, 16, 72, y, List.of(title));
                y -= 10;
                for (String paragraph : paragraphs) {
                    y = write(out, REGULAR, 11, 72, y, wrap(paragraph, REGULAR, 11, 450, List.of())) - 8;
                }
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Three pages, each with the running head at the top, "Page n of 3" at the bottom and two columns: the left
     * column holds {@link #LEFT}, the right column {@link #RIGHT}, with {@link #HYPHENATED} broken across lines and
     * a superscript footnote marker after the first paragraph of each column.
     */
    public static byte[] twoColumns() {
        try (PDDocument doc = new PDDocument()) {
            int pages = 3;
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                    write(out, REGULAR, 9, 72, 805, List.of(RUNNING_HEAD));
                    float top = 770;
                    if (p == 1) {
                        top = write(out, BOLD, 18, 72, top, List.of(TWO_COLUMN_TITLE)) - 14;
                    }
                    column(out, 72, top, p == 1 ? LEFT : variant(LEFT, p));
                    column(out, 315, top, p == 1 ? RIGHT : variant(RIGHT, p));
                    write(out, REGULAR, 9, 280, 40, List.of("Page " + p + " of " + pages));
                }
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same paragraphs on later pages, told apart by a page mark so repeated-line removal cannot touch them. */
    private static List<String> variant(List<String> paragraphs, int page) {
        List<String> out = new ArrayList<>();
        String[] ordinals = { "", "", "Second", "Third" };
        for (String paragraph : paragraphs) {
            out.add(ordinals[page] + " report: " + paragraph);
        }
        return out;
    }

    private static void column(PDPageContentStream out, float x, float y, List<String> paragraphs) throws IOException {
        for (String paragraph : paragraphs) {
            List<String> lines = wrap(paragraph, REGULAR, 10, 220, HYPHENATED);
            y = write(out, REGULAR, 10, x, y, lines);
            // a superscript footnote marker after the paragraph's last word
            String last = lines.get(lines.size() - 1);
            float end = x + REGULAR.getStringWidth(last) / 1000 * 10;
            out.beginText();
            out.setFont(REGULAR, 6);
            out.newLineAtOffset(end + 0.5f, y + 12 + 4);
            out.showText("7");
            out.endText();
            y -= 12;
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

    /** Greedy wrapping; a word from {@code hyphenate} that does not fit is broken with a hyphen. */
    static List<String> wrap(String text, PDFont font, float size, float width, List<String> hyphenate)
            throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            String bare = word.replaceAll("[^A-Za-z]", "");
            if (hyphenate.contains(bare)) {
                // break as far in as fits, keeping at least three letters on either side
                for (int cut = word.length() - 3; cut >= 3; cut--) {
                    String head = (line.length() == 0 ? "" : line + " ") + word.substring(0, cut) + "-";
                    if (font.getStringWidth(head) / 1000 * size <= width) {
                        lines.add(head);
                        line.setLength(0);
                        line.append(word.substring(cut));
                        word = null;
                        break;
                    }
                }
                if (word == null) {
                    continue;
                }
            }
            lines.add(line.toString());
            line.setLength(0);
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    public static byte[] encrypted() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                write(out, REGULAR, 11, 72, 700, List.of("A locked note about nothing in particular."));
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] corrupt() {
        return "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not the rest of a PDF\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.save(bytes);
        return bytes.toByteArray();
    }
}
