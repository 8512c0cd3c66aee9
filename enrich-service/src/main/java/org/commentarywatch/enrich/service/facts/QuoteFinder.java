package org.commentarywatch.enrich.service.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commentarywatch.enrich.model.Fact;

/**
 * Quotations in “…”, "…", «…», „…“, 「…」 and 『…』, with the speaker when the words around them name one:
 * "…," said Putin; Xi told reporters: "…"; according to Lavrov, "…"; «…», — заявил Лавров; По словам Лаврова, «…»;
 * 王毅表示：“…”; “…” (Lo, 2008). Speakers are taken from the knowledge base's actors found there (people first), else from the
 * capitalised name the text gives, and "he said" goes to the last person named before the quotation.
 * Short quoted phrases (scare quotes, titles: fewer than four words, fewer than six Chinese characters) are not
 * quotations.
 */
public final class QuoteFinder {

    /** The actors the tagger found in the same text. */
    public interface SpeakerLookup {

        /** The name of the actor best fit to speak (a person, else an organisation or state) within [from, to), or null. */
        String speakerWithin(int from, int to);

        /** The name of the last person mentioned in [from, to), or null. */
        String lastPersonWithin(int from, int to);

        SpeakerLookup NONE = new SpeakerLookup() {
            @Override
            public String speakerWithin(int from, int to) {
                return null;
            }

            @Override
            public String lastPersonWithin(int from, int to) {
                return null;
            }
        };
    }

    private static final Map<Character, Character> PAIRS = Map.of('“', '”', '«', '»', '„', '“', '「', '」', '『', '』',
            '"', '"');
    private static final int MAX_QUOTE = 1500;

    private static final String VERBS_EN = "(?:said|says|told|tells|added|adds|noted|notes|stated|states|declared|argued|argues|wrote|writes"
            + "|warned|warns|insisted|explained|remarked|recalled|claimed|asserted|replied|stressed|emphasi[sz]ed|observed|concluded|announced)";
    private static final String NAME_EN = "(?<name>(?:(?:Mr|Ms|Mrs|Dr|Prof|President|Premier|Prime Minister|Minister|General|Gen|Foreign Minister)\\.?\\s+)?"
            + "\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]+|de|von|der|van|bin|al-\\p{L}+)){0,3})";
    private static final String NAME_RU = "(?<name>\\p{Lu}[\\p{IsCyrillic}-]+(?:\\s+\\p{Lu}[\\p{IsCyrillic}-]+){0,2})";
    private static final String VERBS_RU = "(?:заявил|сказал|отметил|подчеркнул|написал|добавил|пояснил|указал|говорит|считает|признал|сообщил)\\p{L}*";
    private static final String VERBS_ZH = "(?:表示|说|說|指出|强调|強調|称|稱|写道|寫道|宣布|认为|認為)";

    /** Any word that can introduce speech: windows without one are not searched further. */
    private static final Pattern SPEECH_CUE = Pattern.compile(VERBS_EN + "|[Aa]ccording to|" + VERBS_RU + "|[Пп]о словам|" + VERBS_ZH);
    /** An academic citation right after the quotation: “…” (Lo, 2008), “…” (Smith and Jones 2019: 12). */
    private static final Pattern AFTER_CITATION = Pattern.compile("^\\s*\\((?<name>\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?"
            + "(?:\\s+(?:and|&)\\s+\\p{Lu}[\\p{L}'’-]+)?)(?:\\s+et al\\.)?,?\\s+(?:1[89]|20)\\d{2}");
    private static final Pattern AFTER_VERB_NAME = Pattern.compile("^[\\s,.]*(?:[—–-]\\s*)?" + VERBS_EN + "\\s+(?!that\\b|it\\b)" + NAME_EN);
    private static final Pattern AFTER_NAME_VERB = Pattern.compile("^[\\s,.]*(?:[—–-]\\s*)?" + NAME_EN + "\\s+" + VERBS_EN + "\\b");
    private static final Pattern AFTER_PRONOUN = Pattern.compile("^[\\s,.]*(?:he|she|He|She)\\s+" + VERBS_EN + "\\b");
    private static final Pattern BEFORE_NAME_VERB = Pattern.compile(NAME_EN + "(?:,[^,\"“]{1,80},)?\\s+" + VERBS_EN
            + "(?:\\s+[^,:\"“.]{0,40})?(?:\\s+that)?[,:]?\\s*$");
    private static final Pattern BEFORE_ACCORDING = Pattern.compile("[Aa]ccording to\\s+" + NAME_EN + "[^\"“.]{0,40}[,:]?\\s*$");
    private static final Pattern BEFORE_PRONOUN = Pattern.compile("(?:^|\\s)(?:he|she|He|She)\\s+" + VERBS_EN + "(?:\\s+that)?[,:]?\\s*$");
    private static final Pattern AFTER_RU = Pattern.compile("^[\\s,.]*[—–-]\\s*" + VERBS_RU + "\\s+" + NAME_RU);
    private static final Pattern BEFORE_RU = Pattern.compile(NAME_RU + "\\s+" + VERBS_RU + "[^.«]{0,60}[:,]\\s*$");
    private static final Pattern BEFORE_RU_ACCORDING = Pattern.compile("[Пп]о словам\\s+" + NAME_RU + "[^«.]{0,40}[,:]\\s*$");
    private static final Pattern BEFORE_ZH = Pattern.compile(VERBS_ZH + "[:：,，]?\\s*$");
    private static final Pattern AFTER_ZH = Pattern.compile("^[，,。]?\\s*(?<name>[^，,。“”「」]{1,12}?)" + VERBS_ZH);

    private final SpeakerLookup speakers;

    QuoteFinder(SpeakerLookup speakers) {
        this.speakers = speakers;
    }

    List<Fact> find(String text) {
        List<Fact> quotes = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            Character close = PAIRS.get(text.charAt(i));
            if (close == null) {
                continue;
            }
            int j = closing(text, i, close);
            if (j < 0) {
                continue;
            }
            String content = text.substring(i + 1, j);
            if (isQuotation(content)) {
                Fact quote = Fact.of("quote", text.substring(i, j + 1), i, j + 1);
                String speaker = speaker(text, i, j + 1);
                quotes.add(speaker == null ? quote : quote.withSpeaker(speaker));
            }
            i = j;
        }
        return quotes;
    }

    private static int closing(String text, int open, char close) {
        int limit = Math.min(text.length(), open + MAX_QUOTE);
        for (int k = open + 1; k < limit; k++) {
            char c = text.charAt(k);
            if (c == close) {
                return k;
            }
            if (c == '\n' && k + 1 < limit && text.charAt(k + 1) == '\n') {
                return -1; // a quotation does not run over a paragraph break
            }
        }
        return -1;
    }

    static boolean isQuotation(String content) {
        String s = content.strip();
        long cjk = s.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        if (cjk >= 6) {
            return true;
        }
        return s.split("\\s+").length >= 4;
    }

    private String speaker(String text, int start, int end) {
        int afterEnd = Math.min(text.length(), end + 120);
        String after = text.substring(end, afterEnd);
        int beforeStart = Math.max(0, start - 160);
        int paragraph = text.lastIndexOf('\n', start - 1);
        if (paragraph >= beforeStart) {
            beforeStart = paragraph + 1;
        }
        String before = text.substring(beforeStart, start);
        boolean cueAfter = SPEECH_CUE.matcher(after).find();
        boolean cueBefore = SPEECH_CUE.matcher(before).find();

        String found = named(AFTER_CITATION.matcher(after), end, true, true);
        if (found == null && cueAfter) {
            found = named(AFTER_VERB_NAME.matcher(after), end, true, false);
            if (found == null) {
                found = named(AFTER_NAME_VERB.matcher(after), end, true, false);
            }
            if (found == null) {
                found = named(AFTER_RU.matcher(after), end, true, false);
            }
            if (found == null && AFTER_PRONOUN.matcher(after).lookingAt()) {
                found = speakers.lastPersonWithin(Math.max(0, start - 1000), start);
            }
        }
        if (found == null && cueBefore) {
            found = named(BEFORE_ACCORDING.matcher(before), beforeStart, false, false);
            if (found == null) {
                found = named(BEFORE_NAME_VERB.matcher(before), beforeStart, false, false);
            }
            if (found == null) {
                found = named(BEFORE_RU_ACCORDING.matcher(before), beforeStart, false, false);
            }
            if (found == null) {
                found = named(BEFORE_RU.matcher(before), beforeStart, false, false);
            }
            if (found == null && BEFORE_PRONOUN.matcher(before).find()) {
                found = speakers.lastPersonWithin(Math.max(0, start - 1000), start);
            }
            if (found == null) {
                int tailFrom = Math.max(0, before.length() - 8);
                Matcher zh = BEFORE_ZH.matcher(before).region(tailFrom, before.length());
                if (zh.find()) {
                    // 王毅表示：“…”: the actor right before the verb
                    int verbAt = beforeStart + zh.start();
                    found = speakers.speakerWithin(Math.max(beforeStart, verbAt - 12), verbAt);
                }
            }
        }
        if (found == null && cueAfter) {
            Matcher zh = AFTER_ZH.matcher(after);
            if (zh.lookingAt()) {
                found = speakers.speakerWithin(end + zh.start("name"), end + zh.end("name"));
            }
        }
        return found;
    }

    /** The knowledge base's name for the actor in the matched name, else the name as written. */
    private String named(Matcher m, int offset, boolean atStart, boolean surnameIsEnough) {
        if (!(atStart ? m.lookingAt() : m.find())) {
            return null;
        }
        int from = offset + m.start("name");
        int to = offset + m.end("name");
        String known = speakers.speakerWithin(from, to);
        if (known != null) {
            return known;
        }
        // A name the knowledge base does not know is taken when it looks like one: two capitalised words at least
        // ("Jane Doeson", not "Western" or "The").
        String written = m.group("name").strip()
                .replaceFirst("^(?:Mr|Ms|Mrs|Dr|Prof|President|Premier|Prime Minister|Minister|General|Gen|Foreign Minister)\\.?\\s+", "");
        return written.contains(" ") || surnameIsEnough ? written : null;
    }
}
