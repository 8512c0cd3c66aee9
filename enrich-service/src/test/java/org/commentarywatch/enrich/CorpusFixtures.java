package org.commentarywatch.enrich;

/** Pieces written for the neighbour, novelty and near-duplicate tests (not taken from the reference corpus). */
public final class CorpusFixtures {

    /** An earlier piece about an energy deal. */
    public static final String PIPELINE = """
            Russian and Chinese negotiators have agreed on the main terms of a second gas pipeline across Mongolia, \
            ending years of haggling over price. The line would carry up to fifty billion cubic metres a year from \
            fields in western Siberia to the industrial north of China. Officials in Moscow called the agreement a \
            turning point, while their counterparts in Beijing spoke only of a framework that still needs a contract.

            Analysts note that China holds most of the leverage. Europe has stopped buying much Russian gas, and the \
            new route is the only large market left for those fields. Beijing can therefore wait for better terms, \
            and it has shown no hurry to commit to fixed volumes. The first deliveries are not expected before the \
            end of the decade.""";

    /** The same piece re-published elsewhere with light edits: a word changed here and there, a sentence added. */
    public static final String PIPELINE_EDITED = """
            Russian and Chinese negotiators have agreed on the key terms of a second gas pipeline across Mongolia, \
            ending years of haggling over price. The line would carry up to fifty billion cubic metres a year from \
            fields in western Siberia to the industrial north of China. Officials in Moscow called the deal a \
            turning point, while their counterparts in Beijing spoke only of a framework that still needs a contract.

            Analysts note that China holds most of the leverage. Europe has stopped buying much Russian gas, and the \
            new route is the only big market left for those fields. Beijing can therefore wait for better terms, \
            and it has shown no hurry to commit to fixed volumes. The first deliveries are not expected before the \
            end of the decade. Mongolia hopes to earn transit fees.""";

    /** Another earlier piece, on a different subject of the same question. */
    public static final String EXERCISES = """
            The navies of China and Russia ended a week of joint patrols in the Sea of Japan on Sunday, the fourth \
            such exercise this year. Warships sailed in formation past the Japanese islands while bombers of both \
            air forces flew long routes over the Pacific. Tokyo and Seoul scrambled fighters and lodged protests. \
            Military officers from the two countries described the drills as routine and aimed at no third party, \
            but observers in the region read them as a message to Washington and its allies.""";

    /** Nothing to do with the question at all. */
    public static final String COOKING = """
            To make a good risotto, warm the stock before you start and keep it simmering beside the pan. Soften a \
            chopped onion in butter, add the rice and stir until every grain is glossy. Pour in a glass of white \
            wine and let it evaporate, then add the stock one ladle at a time, stirring often. After about eighteen \
            minutes the rice should be creamy but still firm to the bite. Finish with more butter and grated \
            parmesan, cover, and let it rest for two minutes before serving.""";

    private CorpusFixtures() {
    }
}
