package io.synthfhir.gan;

import java.time.Instant;
import java.util.List;

/**
 * Everything learned from the data besides the network weights: the vocabulary, value channels, gap bins, visit
 * types, event timings and reasons, and the demographic prior. Serialised as JSON inside the model file.
 *
 * @param k the minimum number of distinct patients a token needed to be learned
 * @param dataEndEpochSecond the end of the training data (its latest event): patients alive at the end of their
 *     record were alive then
 */
record Encoding(
        int k,
        long dataEndEpochSecond,
        Vocabulary vocabulary,
        List<ValueChannel> channels,
        GapBins gaps,
        VisitTypes visitTypes,
        EventStatistics events,
        DemographicPrior demographics) {

    Encoding {
        channels = List.copyOf(channels);
        if (events.tokens().size() != vocabulary.tokenCount()) {
            throw new IllegalArgumentException("event statistics cover "
                    + events.tokens().size() + " tokens, the " + "vocabulary has " + vocabulary.tokenCount());
        }
        if (events.visitTypes().size() != visitTypes.count()) {
            throw new IllegalArgumentException("event statistics cover "
                    + events.visitTypes().size() + " visit types, " + visitTypes.count() + " were learned");
        }
        for (ValueChannel c : channels) {
            if (c.token() < 0 || c.token() >= vocabulary.tokenCount()) {
                throw new IllegalArgumentException(
                        "value channel " + c.key() + " names token " + c.token() + ", outside the vocabulary");
            }
        }
    }

    Instant dataEnd() {
        return Instant.ofEpochSecond(dataEndEpochSecond);
    }
}
