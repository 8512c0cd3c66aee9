package org.commentarywatch.enrich;

import java.util.List;
import java.util.Random;

/**
 * Commentary-like pieces of a chosen length, made up from a small phrase book written for the tests and the
 * benchmark (nothing taken from the reference corpus). Sentences of 10 to 35 words, paragraphs of 3 to 6.
 */
public final class PieceGenerator {

    private static final List<String> SUBJECTS = List.of("Moscow", "Beijing", "The Kremlin", "Chinese diplomats",
            "Russian officials", "Western analysts", "The new trade envoy", "Energy companies on both sides",
            "A senior adviser in Washington", "European governments", "Central Asian capitals", "The joint commission",
            "Military planners", "Several banks in Shanghai", "The foreign ministry spokesperson");
    private static final List<String> VERBS = List.of("argued that", "insisted that", "warned that", "suggested that",
            "made clear that", "announced that", "hinted that", "denied that", "conceded that", "repeated that");
    private static final List<String> CLAUSES = List.of(
            "the partnership has limits that neither side is willing to name",
            "the gas deal would be signed before the end of the year",
            "payments in national currencies now cover most of the bilateral trade",
            "joint naval exercises in the Pacific would continue next summer",
            "the relationship is a marriage of convenience rather than an alliance",
            "sanctions have pushed the two economies closer than ever before",
            "technology transfers remain slow and cautious",
            "the price of the new pipeline is still being negotiated",
            "Central Asia is becoming a quiet arena of competition",
            "the summit produced more symbolism than substance",
            "grain and fertiliser exports had doubled over three years",
            "the security council vote showed how closely they coordinate",
            "neither capital wants to be the junior partner",
            "old border disputes were settled long ago and will not return",
            "a common front against Western pressure is their main glue");
    private static final List<String> TAILS = List.of("", ", according to people familiar with the talks",
            ", though the details remain vague", " in a statement on Tuesday", ", a claim that others dispute",
            " during a press conference", ", citing figures from the customs service", " after months of haggling");
    private static final List<String> OPENERS = List.of("", "Yet ", "Meanwhile, ", "At the same time, ",
            "In private, ", "For now, ", "Still, ", "By contrast, ");

    private PieceGenerator() {
    }

    /** A piece of about {@code words} words (whole sentences, so a few more). */
    public static String piece(Random random, int words) {
        StringBuilder text = new StringBuilder();
        int count = 0;
        int inParagraph = 0;
        int paragraphLength = 3 + random.nextInt(4);
        while (count < words) {
            String sentence = sentence(random);
            if (text.length() > 0) {
                text.append(inParagraph == 0 ? "\n\n" : " ");
            }
            text.append(sentence);
            count += sentence.split("\\s+").length;
            inParagraph++;
            if (inParagraph == paragraphLength) {
                inParagraph = 0;
                paragraphLength = 3 + random.nextInt(4);
            }
        }
        return text.toString();
    }

    private static String sentence(Random random) {
        String sentence = pick(random, OPENERS) + pick(random, SUBJECTS) + " "
                + pick(random, VERBS) + " " + pick(random, CLAUSES) + pick(random, TAILS);
        if (random.nextInt(3) == 0) {
            sentence += ", and " + pick(random, CLAUSES);
        }
        return sentence + ".";
    }


    private static String pick(Random random, List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
