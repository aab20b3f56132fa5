package io.synthfhir.gan;

import java.time.Instant;

/**
 * One generated visit before decoding: its type, start, the tokens present (units expanded, sorted, distinct) and the
 * values of its present channels (aligned arrays).
 */
record SampledVisit(int type, Instant start, int[] tokens, int[] channels, double[] values) {}
