package org.commentarywatch.enrich.service.classify;

import java.util.List;

/**
 * A document an analyst labelled, with its embedding: a neighbour whose labels vote.
 *
 * @param id to leave the document itself out when it is classified (leave-one-out)
 * @param vector unit document vector
 */
public record LabelledReference(String id, float[] vector, String stance, List<String> themes) {
}
