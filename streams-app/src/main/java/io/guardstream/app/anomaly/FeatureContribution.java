package io.guardstream.app.anomaly;

/**
 * How one feature contributed to a window's score.
 *
 * @param feature feature name
 * @param value the window's value
 * @param expected what the baseline expected
 * @param deviation signed deviation from the baseline in units of its noise scale
 * @param surprise {@code -log10} of the probability of a deviation this large (0 when unremarkable)
 */
public record FeatureContribution(
    String feature, double value, double expected, double deviation, double surprise) {}
