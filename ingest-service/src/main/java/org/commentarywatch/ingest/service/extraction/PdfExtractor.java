package org.commentarywatch.ingest.service.extraction;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Text of a PDF in reading order, from the positions of its glyphs (PDFBox 3).
 * <ul>
 * <li>Glyphs are grouped into lines by baseline, and a line is cut into segments where a horizontal gap is wider than
 * {@value #COLUMN_GAP_EM} em (a column gutter).</li>
 * <li>A page is two-column when some vertical strip in its middle half is crossed by at most
 * {@value #MAX_CROSSING_SHARE} of its segments while at least three segments lie on either side. Segments that cross
 * the gutter (a title, a full-width figure note) cut the page into bands; each band is read left column first, then
 * right column.</li>
 * <li>Superscript digits (smaller and raised above the baseline) are footnote markers and are dropped.</li>
 * <li>A blank line marks a paragraph: a vertical gap clearly wider than the page's line spacing, or an indented first
 * line after a sentence end.</li>
 * <li>Pages are separated by form feeds, so that the cleaning stage can tell running heads and feet and page
 * numbers, which it removes together with line-break hyphenation and wrapped lines.</li>
 * </ul>
 * Metadata: title, author and creation date from the document information, else from the first page (the largest
 * type near its top, a "By ..." line, a date in its first lines). Bounded by a page count and a time limit.
 */
public final class PdfExtractor {

    static final double COLUMN_GAP_EM = 1.5;
    static final double MAX_CROSSING_SHARE = 0.15;
    private static final Pattern BYLINE = Pattern.compile("(?i)^(?:written\\s+)?by\\s+(\\p{Lu}.{1,100})$");
    private static final Pattern DATE_HINT = Pattern.compile(
            "(?i)\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d|\\d\\s+(?:jan|feb|mar|apr|may|jun|"
                    + "jul|aug|sep|oct|nov|dec)|\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static final Pattern FILE_NAME_TITLE = Pattern.compile("(?i).*\\.(?:docx?|pdf|indd|tex|rtf|odt)$"
            + "|^microsoft (?:word|powerpoint).*|^untitled.*");

    public record Limits(int maxPages, Duration timeout) {
    }

    private PdfExtractor() {
    }

    public static Extraction extract(byte[] pdf, Limits limits) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            if (pages > limits.maxPages()) {
                throw new UnreadableDocumentException("too_many_pages", "the PDF has " + pages
                        + " pages; at most " + limits.maxPages() + " are read (commentary.extraction.pdf.max-pages)");
            }
            Collector collector = new Collector(System.nanoTime() + limits.timeout().toNanos(), limits.timeout());
            collector.getText(document);
            List<List<Line>> pageLines = collector.pages;
            StringBuilder text = new StringBuilder();
            for (List<Line> page : pageLines) {
                if (text.length() > 0) {
                    text.append('\f');
                }
                for (Line line : page) {
                    text.append(line.text).append('\n');
                }
            }
            return metadata(document, pageLines.isEmpty() ? List.of() : pageLines.get(0), text.toString());
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("encrypted_pdf",
                    "the PDF is encrypted and needs a password to be read; submit an unprotected copy");
        } catch (Timeout e) {
            throw new UnreadableDocumentException("extraction_timeout", "reading the PDF took longer than "
                    + limits.timeout().toSeconds() + " s (commentary.extraction.timeout)");
        } catch (IOException e) {
            throw new UnreadableDocumentException("unreadable_pdf", "the body is not a readable PDF: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof UnreadableDocumentException) {
                throw e;
            }
            throw new UnreadableDocumentException("unreadable_pdf", "the PDF could not be read: " + e);
        }
    }

    private static Extraction metadata(PDDocument document, List<Line> firstPage, String text) {
        PDDocumentInformation info = document.getDocumentInformation();
        Optional<String> title = Optional.ofNullable(info.getTitle()).map(String::strip)
                .filter(t -> t.length() >= 3 && !FILE_NAME_TITLE.matcher(t).matches());
        if (title.isEmpty()) {
            title = largestTypeNearTop(firstPage);
        }
        List<String> authors = MetadataValues.names(Optional.ofNullable(info.getAuthor()).map(List::of)
                .orElse(List.of()));
        List<Line> head = firstPage.subList(0, Math.min(firstPage.size(), 15));
        if (authors.isEmpty()) {
            for (Line line : head) {
                var byline = BYLINE.matcher(line.text);
                if (byline.matches()) {
                    authors = MetadataValues.names(List.of(byline.group(1)));
                    break;
                }
            }
        }
        Optional<String> published = Optional.empty();
        for (Line line : head) {
            if (DATE_HINT.matcher(line.text).find() && line.text.length() <= 80) {
                published = MetadataValues.date(line.text);
                if (published.isPresent()) {
                    break;
                }
            }
        }
        if (published.isEmpty()) {
            published = MetadataValues.date(info.getCreationDate());
        }
        Optional<String> language = Optional.ofNullable(document.getDocumentCatalog().getLanguage())
                .flatMap(MetadataValues::language);
        return new Extraction(text, title, authors, published, Optional.empty(), Optional.empty(), language, false);
    }

    private static Optional<String> largestTypeNearTop(List<Line> page) {
        if (page.isEmpty()) {
            return Optional.empty();
        }
        List<Line> top = page.subList(0, Math.min(page.size(), 12));
        double largest = top.stream().mapToDouble(l -> l.size).max().orElse(0);
        double body = page.stream().mapToDouble(l -> l.size).sorted().skip(page.size() / 2).findFirst().orElse(0);
        if (largest <= body * 1.15) {
            return Optional.empty();
        }
        StringBuilder title = new StringBuilder();
        for (Line line : top) {
            if (line.size >= largest * 0.95) {
                title.append(title.length() == 0 ? "" : " ").append(line.text);
            } else if (title.length() > 0) {
                break;
            }
        }
        return Optional.of(title.toString().strip()).filter(t -> !t.isEmpty());
    }

    // ------------------------------------------------------------------ layout

    record Glyph(double x, double y, double width, double size, String text) {
        double end() {
            return x + width;
        }
    }

    /** A line (or a column's part of one) in reading order. */
    static final class Line {
        final String text;
        final double x0;
        final double x1;
        final double y;
        final double size;

        Line(String text, double x0, double x1, double y, double size) {
            this.text = text;
            this.x0 = x0;
            this.x1 = x1;
            this.y = y;
            this.size = size;
        }
    }

    private static final class Timeout extends RuntimeException {
        Timeout() {
            super(null, null, false, false);
        }
    }

    private static final class Collector extends PDFTextStripper {
        final List<List<Line>> pages = new ArrayList<>();
        private final List<Glyph> glyphs = new ArrayList<>();
        private final long deadline;
        private float pageWidth;

        Collector(long deadline, Duration timeout) throws IOException {
            this.deadline = deadline;
            setSortByPosition(false);
        }

        @Override
        protected void startPage(PDPage page) {
            glyphs.clear();
            pageWidth = page.getCropBox().getWidth();
            checkTime();
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            String unicode = text.getUnicode();
            if (unicode == null || unicode.isEmpty()) {
                return;
            }
            double size = Math.max(text.getFontSizeInPt(), text.getHeightDir());
            if (size <= 0) {
                size = 10;
            }
            glyphs.add(new Glyph(text.getXDirAdj(), text.getYDirAdj(), text.getWidthDirAdj(), size, unicode));
            if (glyphs.size() % 4096 == 0) {
                checkTime();
            }
        }

        @Override
        protected void endPage(PDPage page) {
            pages.add(Layout.read(glyphs, pageWidth));
            checkTime();
        }

        private void checkTime() {
            if (System.nanoTime() > deadline) {
                throw new Timeout();
            }
        }
    }

    /** From glyphs to lines in reading order. */
    static final class Layout {

        private Layout() {
        }

        static List<Line> read(List<Glyph> glyphs, double pageWidth) {
            List<Line> segments = segments(glyphs);
            if (segments.isEmpty()) {
                return List.of();
            }
            double gutter = gutter(segments, pageWidth);
            List<Line> ordered = new ArrayList<>();
            if (Double.isNaN(gutter)) {
                ordered.addAll(segments);
            } else {
                List<Line> left = new ArrayList<>();
                List<Line> right = new ArrayList<>();
                for (Line segment : segments) {
                    if (segment.x1 <= gutter) {
                        left.add(segment);
                    } else if (segment.x0 >= gutter) {
                        right.add(segment);
                    } else {
                        ordered.addAll(left);
                        ordered.addAll(right);
                        left.clear();
                        right.clear();
                        ordered.add(segment);
                    }
                }
                ordered.addAll(left);
                ordered.addAll(right);
            }
            return withParagraphBreaks(ordered);
        }

        /** Lines from glyphs: grouped by baseline, cut at wide gaps; superscript digits dropped. */
        static List<Line> segments(List<Glyph> glyphs) {
            List<Glyph> sorted = new ArrayList<>(glyphs);
            sorted.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x));
            List<List<Glyph>> rows = new ArrayList<>();
            List<Glyph> row = new ArrayList<>();
            double rowY = Double.NaN;
            double rowSize = 0;
            for (Glyph glyph : sorted) {
                if (!row.isEmpty() && Math.abs(glyph.y() - rowY) > 0.45 * Math.max(rowSize, glyph.size())) {
                    rows.add(row);
                    row = new ArrayList<>();
                }
                if (row.isEmpty()) {
                    rowY = glyph.y();
                    rowSize = glyph.size();
                }
                row.add(glyph);
                rowSize = Math.max(rowSize, glyph.size());
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
            // Raised small digits sort into the row above their baseline: attach them to the row below if close.
            List<Line> lines = new ArrayList<>();
            for (List<Glyph> r : rows) {
                r.sort(Comparator.comparingDouble(Glyph::x));
                double size = median(r.stream().filter(g -> !g.text().isBlank()).mapToDouble(Glyph::size).toArray(), 10);
                double baseline = median(r.stream().filter(g -> g.size() >= size * 0.9).mapToDouble(Glyph::y).toArray(),
                        r.get(0).y());
                StringBuilder text = new StringBuilder();
                double x0 = Double.NaN;
                double lastEnd = Double.NaN;
                boolean space = false;
                for (Glyph g : r) {
                    if (g.text().isBlank()) {
                        space = true;
                        continue;
                    }
                    boolean superscript = g.size() < size * 0.8 && g.y() < baseline - size * 0.15
                            && g.text().chars().allMatch(Character::isDigit);
                    if (superscript) {
                        continue;
                    }
                    if (!Double.isNaN(lastEnd)) {
                        double gap = g.x() - lastEnd;
                        if (gap > COLUMN_GAP_EM * size) {
                            lines.add(new Line(text.toString().strip(), x0, lastEnd, baseline, size));
                            text.setLength(0);
                            x0 = Double.NaN;
                            space = false;
                        } else if (space || gap > 0.2 * size) {
                            text.append(' ');
                        }
                    }
                    if (Double.isNaN(x0)) {
                        x0 = g.x();
                    }
                    text.append(g.text());
                    lastEnd = g.end();
                    space = false;
                }
                if (text.length() > 0) {
                    lines.add(new Line(text.toString().strip(), x0, lastEnd, baseline, size));
                }
            }
            return lines;
        }

        /** The x of a two-column page's gutter, or NaN for a single column. */
        static double gutter(List<Line> segments, double pageWidth) {
            double best = Double.NaN;
            int bestCrossing = Integer.MAX_VALUE;
            for (double g = pageWidth * 0.3; g <= pageWidth * 0.7; g += 2) {
                int crossing = 0;
                int left = 0;
                int right = 0;
                for (Line s : segments) {
                    if (s.x1 <= g) {
                        left++;
                    } else if (s.x0 >= g) {
                        right++;
                    } else {
                        crossing++;
                    }
                }
                if (left >= 3 && right >= 3 && crossing < bestCrossing) {
                    bestCrossing = crossing;
                    best = g;
                }
            }
            if (Double.isNaN(best) || bestCrossing > MAX_CROSSING_SHARE * segments.size()) {
                return Double.NaN;
            }
            return best;
        }

        /** A blank line (empty text) before a line that starts a paragraph. */
        static List<Line> withParagraphBreaks(List<Line> lines) {
            double[] gaps = new double[Math.max(0, lines.size() - 1)];
            int n = 0;
            for (int i = 1; i < lines.size(); i++) {
                double gap = lines.get(i).y - lines.get(i - 1).y;
                if (gap > 0) {
                    gaps[n++] = gap;
                }
            }
            double spacing = median(java.util.Arrays.copyOf(gaps, n), 12);
            double width = median(lines.stream().mapToDouble(l -> l.x1 - l.x0).toArray(), 0);
            List<Line> out = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                if (i > 0) {
                    Line previous = lines.get(i - 1);
                    double gap = line.y - previous.y;
                    boolean wideGap = gap > spacing * 1.6 || gap < -spacing; // a jump back up: the next column
                    boolean indented = line.x0 > previous.x0 + line.size * 1.2 && Math.abs(gap) < spacing * 1.6
                            && previous.text.matches(".*[.!?:\"”’)]$");
                    // the last line of a paragraph stops short of the column's right edge
                    boolean shortEnd = previous.x1 - previous.x0 < width * 0.8
                            && previous.text.matches(".*[.!?\"”’)]$") && !line.text.isEmpty()
                            && Character.isUpperCase(line.text.charAt(0));
                    if ((wideGap && !(gap < 0 && continues(previous.text, line.text))) || indented || shortEnd) {
                        out.add(new Line("", line.x0, line.x0, line.y, line.size));
                    }
                }
                out.add(line);
            }
            return out;
        }

        /** A column that ends mid-sentence continues at the top of the next one. */
        private static boolean continues(String previous, String next) {
            return !previous.matches(".*[.!?:\"”’)]$") && !next.isEmpty() && !Character.isUpperCase(next.charAt(0))
                    || previous.endsWith("-");
        }

        private static double median(double[] values, double fallback) {
            if (values.length == 0) {
                return fallback;
            }
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }
}
