package org.commentarywatch.search.service;

/** Snippets for hits that highlighting left without one (a match in the title only, say). */
public final class Snippets {

    private Snippets() {
    }

    /**
     * The opening of the text, cut at a word boundary, HTML-escaped like a highlighted snippet so that clients
     * can treat both alike.
     */
    public static String opening(String text, int length) {
        String collapsed = text.strip().replaceAll("\\s+", " ");
        if (collapsed.length() <= length) {
            return escape(collapsed);
        }
        int cut = collapsed.lastIndexOf(' ', length);
        String head = collapsed.substring(0, cut > length / 2 ? cut : length).strip();
        return escape(head) + "\u2026";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#x27;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
