package io.guardstream.app.anomaly;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ordered features of a window vector. Feature vectors passed to {@link AnomalyScorer} hold one
 * value per feature in this order, and {@link BaselineState}s are sized for it.
 */
public final class FeatureSpec {

  private final List<Feature> features;

  private FeatureSpec(List<Feature> features) {
    if (features.isEmpty()) {
      throw new IllegalArgumentException("a feature spec needs at least one feature");
    }
    Set<String> names = new HashSet<>();
    for (Feature f : features) {
      if (!names.add(f.name())) {
        throw new IllegalArgumentException("duplicate feature " + f.name());
      }
    }
    this.features = List.copyOf(features);
  }

  /** A spec of the given features, in order. */
  public static FeatureSpec of(List<Feature> features) {
    return new FeatureSpec(features);
  }

  /** A spec of the given features, in order. */
  public static FeatureSpec of(Feature... features) {
    return new FeatureSpec(List.of(features));
  }

  /** One generic metric, as scored by {@code score-series}. */
  public static FeatureSpec univariate(String name) {
    return of(Feature.metric(name));
  }

  public int size() {
    return features.size();
  }

  public Feature get(int index) {
    return features.get(index);
  }

  public List<Feature> features() {
    return features;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureSpec other && features.equals(other.features);
  }

  @Override
  public int hashCode() {
    return features.hashCode();
  }

  @Override
  public String toString() {
    return "FeatureSpec" + features;
  }
}
