package org.commentarywatch.enrich.service.facts;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commentarywatch.enrich.model.Fact;

/**
 * The hard facts of a text, each with its character offsets: money (value in units of the currency, ISO 4217
 * code), percentages, full dates and months (ISO 8601), years, quantities with a unit, and quotations with their
 * speaker when the text names one nearby. English, Russian and Chinese ways of writing them.
 *
 * <p>Where two readings overlap the more specific wins, in this order: quotation (its words are the speaker's;
 * the numbers inside still count), money, date, percent, quantity, year. Bounded: only the first
 * {@link #DEFAULT_MAX_CHARS} characters are read and at most {@link #MAX_FACTS} facts are kept.
 */
public final class FactExtractor {

    public static final int DEFAULT_MAX_CHARS = 200_000;
    public static final int MAX_FACTS = 300;

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String NUM = Numbers.NUMBER;
    private static final String BEFORE_NUMBER = "(?<![\\p{IsLatin}\\p{IsCyrillic}\\d.,])";

    // ---- money
    private static final String PREFIX_CURRENCY = "(?<pcur>US\\s?\\$|U\\.S\\.\\s?\\$|USD\\s?|A\\$|C\\$|HK\\$|S\\$|\\$|€|EUR\\s?|£|GBP\\s?"
            + "|¥|JPY\\s?|CNY\\s?|RMB\\s?|₽|RUB\\s?)";
    private static final String SUFFIX_CURRENCY = "(?<scur>(?:US |U\\.S\\. |American )?dollars?|euros?|yuan|renminbi|RMB|CNY|USD|EUR|RUB"
            + "|roubles?|rubles?|yen|pounds? sterling|долл(?:ар\\p{L}*|\\.)|евро|юан\\p{L}*|рубл\\p{L}*|руб\\.|иен\\p{L}*"
            + "|美元|欧元|歐元|人民币|人民幣|日元|卢布|盧布|元)";
    private static final Pattern MONEY_PREFIXED = Pattern.compile(BEFORE_NUMBER + PREFIX_CURRENCY + "\\s?(?<num>" + NUM + ")"
            + "(?:\\s?(?<scale>" + Numbers.SCALE + "|" + Numbers.CJK_SCALE + "))?", FLAGS);
    private static final Pattern MONEY_SUFFIXED = Pattern.compile(BEFORE_NUMBER + "(?<num>" + NUM + ")\\s?"
            + "(?:(?<scale>" + Numbers.SCALE + "|" + Numbers.CJK_SCALE + ")\\s?)?" + SUFFIX_CURRENCY + "(?![\\p{IsLatin}\\p{IsCyrillic}])", FLAGS);

    // ---- percent
    private static final Pattern PERCENT = Pattern.compile(BEFORE_NUMBER + "(?<num>" + NUM + ")\\s?(?:%|％|per\\s?cent\\b|percent\\b"
            + "|percentage points?\\b|процент\\p{L}*|п\\.\\s?п\\.)", FLAGS);
    private static final Pattern PERCENT_ZH = Pattern.compile("百分之(?<num>" + NUM + ")");

    // ---- dates
    private static final String MONTH_EN = "(?<mon>January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
    private static final String MONTH_RU = "(?<mon>январ\\p{L}*|феврал\\p{L}*|март\\p{L}*|апрел\\p{L}*|ма[йяе]|июн\\p{L}*|июл\\p{L}*"
            + "|август\\p{L}*|сентябр\\p{L}*|октябр\\p{L}*|ноябр\\p{L}*|декабр\\p{L}*)";
    private static final String YEAR = "(?<year>1[5-9]\\d{2}|20\\d{2}|21\\d{2})";
    private static final Pattern DATE_DMY_EN = Pattern.compile("(?<!\\d)(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH_EN
            + ",?\\s+" + YEAR + "(?!\\d)");
    private static final Pattern DATE_MDY_EN = Pattern.compile(MONTH_EN + "\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+" + YEAR + "(?!\\d)");
    private static final Pattern DATE_DMY_RU = Pattern.compile("(?<!\\d)(?<day>\\d{1,2})\\s+" + MONTH_RU + "\\s+" + YEAR
            + "(?:\\s?(?:года|году|год|г\\.))?(?!\\d)", FLAGS);
    private static final Pattern DATE_ISO = Pattern.compile("(?<![\\d.\\-])" + YEAR + "-(?<mo>\\d{2})-(?<day>\\d{2})(?![\\d])");
    private static final Pattern DATE_DOTTED = Pattern.compile("(?<![\\d.])(?<day>\\d{1,2})\\.(?<mo>\\d{1,2})\\." + YEAR + "(?!\\d)");
    private static final Pattern DATE_ZH = Pattern.compile(YEAR + "\\s?年\\s?(?<mo>\\d{1,2})\\s?月\\s?(?<day>\\d{1,2})\\s?[日号]");
    private static final Pattern MONTH_YEAR_EN = Pattern.compile("(?<![\\p{L}])" + MONTH_EN + ",?\\s+" + YEAR + "(?!\\d)");
    private static final Pattern MONTH_YEAR_RU = Pattern.compile("(?<![\\p{L}])" + MONTH_RU + "\\s+" + YEAR
            + "(?:\\s?(?:года|году|год|г\\.))?(?!\\d)", FLAGS);
    private static final Pattern MONTH_YEAR_ZH = Pattern.compile(YEAR + "\\s?年\\s?(?<mo>\\d{1,2})\\s?月");

    // ---- years
    private static final Pattern YEAR_ALONE = Pattern.compile("(?<![\\p{IsLatin}\\p{IsCyrillic}\\d.,$€£¥₽/])" + "(?<year>1[89]\\d{2}|20\\d{2})"
            + "(?:\\s?(?:年|года|году|год|г\\.))?(?![\\d%％]|s\\b|\\.\\d|,\\d)");

    // ---- quantities
    private static final String UNIT = "(?<unit>cubic (?:metres|meters)|cu\\.? ?m|bcm|tcm|m3|m³|square (?:kilometres|kilometers)|sq\\.? ?km|km2|km²"
            + "|kilometres|kilometers|km|miles|tonnes|tons|metric tons|barrels (?:per|a) day|barrels|bpd|b/d|bbl|MW|GW|TWh"
            + "|troops|soldiers|servicemen"
            + "|куб(?:\\.|ическ\\p{L}*)\\s?м(?:етр\\p{L}*|\\.)?|кубометр\\p{L}*|км|километр\\p{L}*|тонн\\p{L}*|баррел\\p{L}*|военнослужащ\\p{L}*"
            + "|立方米|公里|千米|吨|噸|桶)";
    private static final Pattern QUANTITY = Pattern.compile(BEFORE_NUMBER + "(?<num>" + NUM + ")\\s?"
            + "(?:(?<scale>" + Numbers.SCALE + "|" + Numbers.CJK_SCALE + ")\\s?)?" + UNIT + "(?![\\p{IsLatin}\\p{IsCyrillic}\\d])", FLAGS);

    private static final Map<String, String> MONTHS = Map.ofEntries(
            Map.entry("jan", "01"), Map.entry("feb", "02"), Map.entry("mar", "03"), Map.entry("apr", "04"),
            Map.entry("may", "05"), Map.entry("jun", "06"), Map.entry("jul", "07"), Map.entry("aug", "08"),
            Map.entry("sep", "09"), Map.entry("oct", "10"), Map.entry("nov", "11"), Map.entry("dec", "12"),
            Map.entry("янв", "01"), Map.entry("фев", "02"), Map.entry("мар", "03"), Map.entry("апр", "04"),
            Map.entry("май", "05"), Map.entry("мая", "05"), Map.entry("мае", "05"), Map.entry("июн", "06"),
            Map.entry("июл", "07"), Map.entry("авг", "08"), Map.entry("сен", "09"), Map.entry("окт", "10"),
            Map.entry("ноя", "11"), Map.entry("дек", "12"));

    private final int maxChars;
    private final QuoteFinder quotes;

    /**
     * @param speakers names the actor the knowledge base knows at a place in the text (a person or an organisation
     *        starting at or after the given offset), used to attribute quotations
     */
    public FactExtractor(int maxChars, QuoteFinder.SpeakerLookup speakers) {
        this.maxChars = maxChars;
        this.quotes = new QuoteFinder(speakers);
    }

    public FactExtractor(QuoteFinder.SpeakerLookup speakers) {
        this(DEFAULT_MAX_CHARS, speakers);
    }

    public List<Fact> extract(String fullText) {
        String text = fullText.length() > maxChars ? fullText.substring(0, maxChars) : fullText;
        List<Fact> facts = new ArrayList<>();
        facts.addAll(quotes.find(text));
        BitSet taken = new BitSet(text.length());
        List<int[]> regions = numericRegions(text);
        List<Fact> numeric = new ArrayList<>();
        money(text, regions, taken, numeric);
        dates(text, regions, taken, numeric);
        collect(PERCENT, text, regions, taken, numeric, m -> Fact.of("percent", m.group(), m.start(), m.end())
                .withValue(Numbers.parse(m.group("num"))));
        collect(PERCENT_ZH, text, regions, taken, numeric, m -> Fact.of("percent", m.group(), m.start(), m.end())
                .withValue(Numbers.parse(m.group("num"))));
        collect(QUANTITY, text, regions, taken, numeric, FactExtractor::quantity);
        collect(YEAR_ALONE, text, regions, taken, numeric, m -> Fact.of("year", m.group(), m.start(), m.end())
                .withValue((double) Integer.parseInt(m.group("year"))).withNormalized(m.group("year")));
        facts.addAll(numeric);
        facts.sort(Comparator.comparingInt(Fact::start).thenComparingInt(Fact::end));
        return facts.size() > MAX_FACTS ? List.copyOf(facts.subList(0, MAX_FACTS)) : facts;
    }

    private static void money(String text, List<int[]> regions, BitSet taken, List<Fact> out) {
        collect(MONEY_PREFIXED, text, regions, taken, out, m -> {
            String currency = currency(m.group("pcur"));
            return currency == null ? null : moneyFact(m, currency);
        });
        collect(MONEY_SUFFIXED, text, regions, taken, out, m -> {
            String currency = currency(m.group("scur"));
            return currency == null ? null : moneyFact(m, currency);
        });
    }

    private static Fact moneyFact(Matcher m, String currency) {
        double value = Numbers.parse(m.group("num")) * Numbers.scale(m.group("scale"));
        return Fact.of("money", m.group(), m.start(), m.end()).withValue(value).withCurrency(currency);
    }

    static String currency(String written) {
        String c = written.strip().toLowerCase(Locale.ROOT);
        if (c.startsWith("a$")) {
            return "AUD";
        }
        if (c.startsWith("c$")) {
            return "CAD";
        }
        if (c.startsWith("hk$")) {
            return "HKD";
        }
        if (c.startsWith("s$")) {
            return "SGD";
        }
        if (c.contains("$") || c.contains("dollar") || c.startsWith("usd") || c.startsWith("долл") || c.equals("美元")) {
            return "USD";
        }
        if (c.startsWith("€") || c.startsWith("eur") || c.equals("евро") || c.equals("欧元") || c.equals("歐元")) {
            return "EUR";
        }
        if (c.startsWith("£") || c.startsWith("gbp") || c.startsWith("pound")) {
            return "GBP";
        }
        if (c.startsWith("jpy") || c.equals("yen") || c.startsWith("иен") || c.equals("日元")) {
            return "JPY";
        }
        // ¥ is written for both yuan and yen; in commentary on China it is nearly always the yuan.
        if (c.startsWith("¥") || c.startsWith("cny") || c.startsWith("rmb") || c.equals("yuan") || c.equals("renminbi")
                || c.startsWith("юан") || c.equals("人民币") || c.equals("人民幣") || c.equals("元")) {
            return "CNY";
        }
        if (c.startsWith("₽") || c.startsWith("rub") || c.startsWith("roub") || c.startsWith("рубл") || c.startsWith("руб")
                || c.equals("卢布") || c.equals("盧布")) {
            return "RUB";
        }
        return null;
    }

    private static void dates(String text, List<int[]> regions, BitSet taken, List<Fact> out) {
        collect(DATE_ISO, text, regions, taken, out, m -> date(m, m.group("mo")));
        collect(DATE_ZH, text, regions, taken, out, m -> date(m, m.group("mo")));
        collect(DATE_DMY_EN, text, regions, taken, out, m -> date(m, month(m.group("mon"))));
        collect(DATE_MDY_EN, text, regions, taken, out, m -> date(m, month(m.group("mon"))));
        collect(DATE_DMY_RU, text, regions, taken, out, m -> date(m, month(m.group("mon"))));
        collect(DATE_DOTTED, text, regions, taken, out, m -> date(m, m.group("mo")));
        collect(MONTH_YEAR_EN, text, regions, taken, out, m -> monthYear(m, month(m.group("mon"))));
        collect(MONTH_YEAR_RU, text, regions, taken, out, m -> monthYear(m, month(m.group("mon"))));
        collect(MONTH_YEAR_ZH, text, regions, taken, out, m -> monthYear(m, m.group("mo")));
    }

    private static String month(String written) {
        String w = written.toLowerCase(Locale.ROOT);
        String m = MONTHS.get(w.length() >= 3 ? w.substring(0, 3) : w);
        return m;
    }

    private static Fact date(Matcher m, String month) {
        if (month == null) {
            return null;
        }
        int mo = Integer.parseInt(month);
        int day = Integer.parseInt(m.group("day"));
        int year = Integer.parseInt(m.group("year"));
        try {
            java.time.LocalDate date = java.time.LocalDate.of(year, mo, day);
            return Fact.of("date", m.group(), m.start(), m.end()).withNormalized(date.toString());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static Fact monthYear(Matcher m, String month) {
        if (month == null) {
            return null;
        }
        int mo = Integer.parseInt(month);
        if (mo < 1 || mo > 12) {
            return null;
        }
        // "May 2022" is a month; "may" in lower case is a verb
        if (m.group("mon") != null && Character.isLowerCase(m.group("mon").charAt(0))
                && m.group("mon").toLowerCase(Locale.ROOT).equals("may")) {
            return null;
        }
        return Fact.of("date", m.group(), m.start(), m.end())
                .withNormalized(String.format(Locale.ROOT, "%s-%02d", m.group("year"), mo));
    }

    private static Fact quantity(Matcher m) {
        String unit = m.group("unit").toLowerCase(Locale.ROOT);
        double value = Numbers.parse(m.group("num")) * Numbers.scale(m.group("scale"));
        String normalized;
        if (unit.equals("bcm")) {
            normalized = "m3";
            value *= 1e9;
        } else if (unit.equals("tcm")) {
            normalized = "m3";
            value *= 1e12;
        } else if (unit.startsWith("cubic") || unit.startsWith("cu") || unit.startsWith("m3") || unit.startsWith("m³")
                || unit.startsWith("куб") || unit.equals("立方米")) {
            normalized = "m3";
        } else if (unit.startsWith("square") || unit.startsWith("sq") || unit.startsWith("km2") || unit.startsWith("km²")) {
            normalized = "km2";
        } else if (unit.startsWith("kilomet") || unit.equals("km") || unit.startsWith("км") || unit.startsWith("километр")
                || unit.equals("公里") || unit.equals("千米")) {
            normalized = "km";
        } else if (unit.equals("miles")) {
            normalized = "mi";
        } else if (unit.startsWith("ton") || unit.startsWith("metric") || unit.startsWith("тонн") || unit.equals("吨") || unit.equals("噸")) {
            normalized = "t";
        } else if (unit.contains("day") || unit.equals("bpd") || unit.equals("b/d")) {
            normalized = "bbl/d";
        } else if (unit.startsWith("barrel") || unit.equals("bbl") || unit.startsWith("баррел") || unit.equals("桶")) {
            normalized = "bbl";
        } else if (unit.equals("mw") || unit.equals("gw") || unit.equals("twh")) {
            normalized = m.group("unit").toUpperCase(Locale.ROOT).replace("TWH", "TWh");
        } else {
            normalized = "troops";
        }
        return Fact.of("quantity", m.group(), m.start(), m.end()).withValue(value).withUnit(normalized);
    }

    /**
     * Stretches of the text around its digits: every number-based fact lies in one, and commentary is mostly words,
     * so the patterns run over a small part of a long text.
     */
    static List<int[]> numericRegions(String text) {
        List<int[]> regions = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int end = i + 1;
            while (i < n && i - end < 64) {
                if (Character.isDigit(text.charAt(i))) {
                    end = i + 1;
                }
                i++;
            }
            int from = Math.max(0, start - 16);
            int to = Math.min(n, end + 48);
            if (!regions.isEmpty() && regions.get(regions.size() - 1)[1] >= from) {
                regions.get(regions.size() - 1)[1] = to;
            } else {
                regions.add(new int[] {from, to});
            }
        }
        return regions;
    }

    private static void collect(Pattern pattern, String text, List<int[]> regions, BitSet taken, List<Fact> out, Function<Matcher, Fact> make) {
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int[] region : regions) {
            m.region(region[0], region[1]);
            collectIn(m, text, taken, out, make);
        }
    }

    private static void collectIn(Matcher m, String text, BitSet taken, List<Fact> out, Function<Matcher, Fact> make) {
        while (m.find()) {
            if (m.end() <= m.start()) {
                continue;
            }
            int nextTaken = taken.nextSetBit(m.start());
            if (nextTaken != -1 && nextTaken < m.end()) {
                continue;
            }
            Fact fact;
            try {
                fact = make.apply(m);
            } catch (NumberFormatException e) {
                fact = null;
            }
            if (fact != null) {
                out.add(fact);
                taken.set(m.start(), m.end());
            }
        }
    }
}
