package org.commentarywatch.enrich.service.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.commentarywatch.enrich.model.Fact;
import org.commentarywatch.enrich.service.TextFindingsAnalyser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactExtractorTest {

    private static final FactExtractor PLAIN = new FactExtractor(QuoteFinder.SpeakerLookup.NONE);

    private static List<Fact> facts(String text) {
        return TextFindingsAnalyser.shared().analyse(text).facts();
    }

    private static List<Fact> of(String kind, String text) {
        return facts(text).stream().filter(f -> f.kind().equals(kind)).collect(Collectors.toList());
    }

    private static Fact only(String kind, String text) {
        List<Fact> found = of(kind, text);
        assertEquals(1, found.size(), () -> kind + " in '" + text + "': " + facts(text));
        Fact fact = found.get(0);
        assertEquals(fact.text(), text.substring(fact.start(), fact.end()), "offsets point at the words");
        return fact;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Trade reached $117.5 billion last year.|$117.5 billion|117.5e9|USD",
            "a loan of US$400bn over ten years|US$400bn|400e9|USD",
            "investment worth ¥1.2 trillion in total|¥1.2 trillion|1.2e12|CNY",
            "a fine of €30 million was imposed|€30 million|30e6|EUR",
            "бюджет в ₽5 трлн на три года|₽5 трлн|5e12|RUB",
            "some 400 billion dollars of contracts|400 billion dollars|400e9|USD",
            "a deal of $2.5bn was signed|$2.5bn|2.5e9|USD",
            "a grant of $750m was offered|$750m|750e6|USD",
            "контракт на 30 млрд долларов подписан|30 млрд долларов|30e9|USD",
            "товарооборот превысил 117,5 млрд долл. в прошлом году|117,5 млрд долл.|117.5e9|USD",
            "双边贸易额达到1175亿美元。|1175亿美元|117.5e9|USD",
            "投资4000亿元人民币。|4000亿元|400e9|CNY",
            "a contract worth 2,000,000 yuan|2,000,000 yuan|2e6|CNY",
            "£3 billion of British funds|£3 billion|3e9|GBP"})
    void readsMoneyWithCurrencyAndScale(String text, String written, double value, String currency) {
        Fact money = only("money", text);
        assertEquals(written, money.text());
        assertEquals(value, money.value(), value * 1e-9);
        assertEquals(currency, money.currency());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Exports grew 25% in a year.|25%|25",
            "a share of 12.5 per cent|12.5 per cent|12.5",
            "рост на 3,5 процента|3,5 процента|3.5",
            "增长了百分之三十，占比达到40％。|40％|40"})
    void readsPercentages(String text, String written, double value) {
        Fact percent = only("percent", text);
        assertEquals(written, percent.text());
        assertEquals(value, percent.value(), 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "They met on 4 February 2022 in the capital.|4 February 2022|2022-02-04",
            "They met on February 4, 2022, in the capital.|February 4, 2022|2022-02-04",
            "Встреча прошла 4 февраля 2022 года в столице.|4 февраля 2022 года|2022-02-04",
            "双方于2022年2月4日会晤。|2022年2月4日|2022-02-04",
            "Published 2023-03-21 online.|2023-03-21|2023-03-21",
            "Подписано 21.03.2023 в Москве.|21.03.2023|2023-03-21",
            "The plan dates from March 2023 at the latest.|March 2023|2023-03"})
    void readsDatesAsIsoDates(String text, String written, String normalized) {
        Fact date = only("date", text);
        assertEquals(written, date.text());
        assertEquals(normalized, date.normalized());
    }

    @Test
    void readsYearsButNotNumbersThatAreNotYears() {
        List<Fact> years = of("year", "Since 2014 and again in 1969, but not 12000 units nor the 1990s nor 3.2014.");
        assertEquals(List.of("2014", "1969"), years.stream().map(Fact::normalized).collect(Collectors.toList()));
        assertEquals(2014.0, years.get(0).value());
        assertEquals("2001", only("year", "Договор 2001 года").normalized());
        assertEquals("2001", only("year", "2001年签署的条约").normalized());
    }

    @Test
    void aMayThatIsAVerbIsNoDate() {
        assertEquals(List.of(), of("date", "Prices may 2024 rise"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "The line carries 38 billion cubic metres a year.|38 billion cubic metres|38e9|m3",
            "a route of 2,000 km across the steppe|2,000 km|2000|km",
            "exports of 50 bcm per year|50 bcm|50e9|m3",
            "по газопроводу 38 млрд кубометров газа|38 млрд кубометров|38e9|m3",
            "年输气量380亿立方米。|380亿立方米|38e9|m3",
            "some 1.5 million barrels per day of crude|1.5 million barrels per day|1.5e6|bbl/d",
            "around 10,000 troops took part|10,000 troops|10000|troops"})
    void readsQuantitiesWithUnits(String text, String written, double value, String unit) {
        Fact quantity = only("quantity", text);
        assertEquals(written, quantity.text());
        assertEquals(value, quantity.value(), value * 1e-9);
        assertEquals(unit, quantity.unit());
    }

    @Test
    void attributesQuotationsToTheSpeakerTheTextNames() {
        String after = "“Our cooperation has no forbidden zones at all,” said Putin after the talks.";
        Fact quote = only("quote", after);
        assertEquals("Vladimir Putin", quote.speaker());
        assertEquals(0, quote.start());

        Fact before = only("quote", "Xi told reporters: \"The world is changing in ways unseen for a century.\"");
        assertEquals("Xi Jinping", before.speaker());

        Fact according = only("quote", "According to Lavrov, “the West has pushed the two countries closer together.”");
        assertEquals("Sergey Lavrov", according.speaker());

        Fact unknownPerson = only("quote", "\"We will not pick a side in this quarrel,\" said Jane Doeson of the institute.");
        assertEquals("Jane Doeson", unknownPerson.speaker());

        Fact cited = only("quote", "Realists see “a balance struck against threats, not against power” (Walters, 2011).");
        assertEquals("Walters", cited.speaker());

        Fact pronoun = only("quote", "Wang Yi spoke first. \"Both sides must show restraint now,\" he said.");
        assertEquals("Wang Yi", pronoun.speaker());
    }

    @Test
    void attributesRussianAndChineseQuotations() {
        assertEquals("Sergey Lavrov", only("quote", "«Наши отношения переживают лучший период в истории», — заявил Лавров.").speaker());
        assertEquals("Dmitry Peskov", only("quote", "По словам Пескова, «переговоры прошли в конструктивной атмосфере».").speaker());
        assertEquals("Wang Yi", only("quote", "王毅表示：“中俄关系不针对任何第三方。”").speaker());
        assertEquals("Vladimir Putin", only("quote", "「两国合作不受外部因素影响」，普京说。").speaker());
    }

    @Test
    void leavesTheSpeakerOutWhenNoneIsNamedAndSkipsScareQuotes() {
        Fact quote = only("quote", "The slogan was “a partnership stronger than any alliance in history.”");
        assertNull(quote.speaker());
        assertEquals(List.of(), of("quote", "The so-called \"no limits\" partnership and a «tilt»."));
    }

    @Test
    void keepsNumbersInsideQuotationsAndDoesNotDoubleCountOverlaps() {
        List<Fact> found = facts("“Trade will reach $200 billion by 2030,” said Putin.");
        assertEquals(List.of("quote", "money", "year"), found.stream().map(Fact::kind).collect(Collectors.toList()));
    }

    @Test
    void readsOnlyTheBeginningOfAnOverlongTextAndCapsTheNumberOfFacts() {
        FactExtractor small = new FactExtractor(50, QuoteFinder.SpeakerLookup.NONE);
        assertEquals(1, small.extract("In 2014 it began. " + "x".repeat(100) + " In 2015 it ended.").size());
        String many = "In 2014. ".repeat(1000);
        assertEquals(FactExtractor.MAX_FACTS, PLAIN.extract(many).size());
    }

    @Test
    void aTextWithoutFactsHasNone() {
        assertTrue(PLAIN.extract("Nothing here is a number or a quotation.").isEmpty());
    }
}
