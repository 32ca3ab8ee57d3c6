package io.guardstream.guard.classify;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class ScoreBoundsTest {

  @Property(tries = 300)
  void anyStringScoresAsAProbability(@ForAll @StringLength(max = 3000) String text) {
    assertThat(SyntheticCorpus.model().score(text)).isBetween(0.0, 1.0);
  }

  @Property(tries = 100)
  void theShippedModelScoresAnyStringAsAProbability(@ForAll String text) {
    assertThat(PromptAttackClassifier.loadDefault().score(text)).isBetween(0.0, 1.0);
  }
}
