package io.guardstream.app.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardstream.app.anomaly.AnomalyScore.BaselineKind;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnomalyScorerTest {

  private static final long START = 1_700_000_000_000L;
  private static final long MINUTE = 60_000L;

  private final AnomalyScorer univariate =
      new AnomalyScorer(FeatureSpec.univariate("value"), ScorerConfig.defaults());

  /** Scores then updates, as the topology does; returns the score. */
  private static double step(AnomalyScorer scorer, BaselineState state, long time, double... x) {
    double score = scorer.score(state, time, x).score();
    scorer.update(state, time, x);
    return score;
  }

  private BaselineState trainedOnNoise(Random random, int windows) {
    BaselineState state = univariate.newState();
    for (int i = 0; i < windows; i++) {
      step(univariate, state, START + i * MINUTE, 10 + 2 * random.nextGaussian());
    }
    return state;
  }

  @Test
  void convergesOnAStationarySeriesAndStaysQuiet() {
    Random random = new Random(1);
    BaselineState state = trainedOnNoise(random, 3000);
    assertThat(state.expected(0)).isBetween(9.7, 10.3);
    assertThat((double) state.get(0, BaselineState.SCALE)).isBetween(1.6, 2.4);

    int loud = 0;
    for (int i = 0; i < 1000; i++) {
      if (step(univariate, state, START + (3000 + i) * MINUTE, 10 + 2 * random.nextGaussian()) >= 50) {
        loud++;
      }
    }
    assertThat(loud).isLessThanOrEqualTo(2);
  }

  @Test
  void aSingleOutlierScoresHighButBarelyMovesTheBaseline() {
    Random random = new Random(2);
    BaselineState state = trainedOnNoise(random, 1000);
    double before = state.expected(0);

    double spike = step(univariate, state, START + 1000 * MINUTE, 60);

    assertThat(spike).isGreaterThan(70);
    assertThat(Math.abs(state.expected(0) - before)).isLessThan(0.2);
    double next = step(univariate, state, START + 1001 * MINUTE, 10);
    assertThat(next).isLessThan(20);
  }

  @Test
  void detectsALevelShiftOnceAndAbsorbsItOnlyGradually() {
    Random random = new Random(3);
    BaselineState state = trainedOnNoise(random, 1000);

    double first = step(univariate, state, START + 1000 * MINUTE, 26 + 2 * random.nextGaussian());
    assertThat(first).isGreaterThan(50);
    assertThat(state.expected(0)).isLessThan(11);
    // The same deviation again is no news: the incident reads as one burst of score.
    double third = 0;
    for (int i = 1; i < 3; i++) {
      third = step(univariate, state, START + (1000 + i) * MINUTE, 26 + 2 * random.nextGaussian());
    }
    assertThat(third).isLessThan(first / 2);

    for (int i = 3; i < 3000; i++) {
      step(univariate, state, START + (1000 + i) * MINUTE, 26 + 2 * random.nextGaussian());
    }
    assertThat(state.expected(0)).isBetween(25.0, 27.0);
  }

  @Test
  void learnsTheDailyProfileSoOffHoursActivityStandsOut() {
    Random random = new Random(5);
    AnomalyScorer hourly = new AnomalyScorer(FeatureSpec.of(Feature.count("requests")), ScorerConfig.defaults());
    BaselineState state = hourly.newState();
    long hour = 60 * MINUTE;
    long day0 = 1_699_920_000_000L; // midnight UTC
    for (int h = 0; h < 24 * 28; h++) {
      int hourOfDay = h % 24;
      double requests = (hourOfDay >= 9 && hourOfDay < 17 ? 100 : 2) + 3 * random.nextGaussian();
      step(hourly, state, day0 + h * hour, Math.max(0, requests));
    }
    long nextDay = day0 + 24L * 28 * hour;
    double busyAtTen = hourly.score(state, nextDay + 10 * hour, new double[] {100}).score();
    double busyAtThree = hourly.score(state, nextDay + 3 * hour, new double[] {100}).score();

    assertThat(busyAtTen).isLessThan(20);
    assertThat(busyAtThree).isGreaterThan(60);
  }

  @Test
  void upOnlyFeaturesIgnoreDrops() {
    AnomalyScorer counts = new AnomalyScorer(FeatureSpec.of(Feature.count("requests")), ScorerConfig.defaults());
    BaselineState state = counts.newState();
    Random random = new Random(6);
    for (int i = 0; i < 500; i++) {
      step(counts, state, START + i * MINUTE, 50 + 5 * random.nextGaussian());
    }
    assertThat(counts.score(state, START + 500 * MINUTE, new double[] {0}).score()).isZero();
    assertThat(counts.score(state, START + 500 * MINUTE, new double[] {150}).score()).isGreaterThan(50);
  }

  private static final FeatureSpec USER_FEATURES = FeatureSpec.of(
      Feature.count("requests"),
      Feature.count("prompt.tokens"),
      Feature.count("findings.prompt_attack"),
      Feature.count("findings.secret"),
      Feature.share("off_hours_share"));

  private static double[] ordinaryWindow(Random random) {
    return new double[] {
        Math.max(0, Math.round(12 + 3 * random.nextGaussian())),
        Math.max(0, Math.round(900 + 150 * random.nextGaussian())),
        random.nextDouble() < 0.3 ? 1 : 0,
        0,
        random.nextDouble() < 0.1 ? 0.2 : 0};
  }

  @Test
  void explanationNamesTheFeatureThatDroveTheScore() {
    AnomalyScorer scorer = new AnomalyScorer(USER_FEATURES, ScorerConfig.defaults());
    BaselineState state = scorer.newState();
    Random random = new Random(7);
    for (int i = 0; i < 400; i++) {
      step(scorer, state, START + i * MINUTE, ordinaryWindow(random));
    }
    double[] attack = ordinaryWindow(random);
    attack[2] = 14;

    AnomalyScore result = scorer.score(state, START + 400 * MINUTE, attack);

    assertThat(result.baseline()).isEqualTo(BaselineKind.USER);
    assertThat(result.score()).isGreaterThan(50);
    assertThat(result.explanation()).startsWith("findings.prompt_attack 14 vs baseline 0.");
    FeatureContribution top = result.contributions().stream()
        .max(java.util.Comparator.comparingDouble(FeatureContribution::surprise)).orElseThrow();
    assertThat(top.feature()).isEqualTo("findings.prompt_attack");
    assertThat(top.deviation()).isGreaterThan(5);
  }

  @Test
  void newUsersAreScoredAgainstTheCohortUntilTheirOwnBaselineIsWarm() {
    AnomalyScorer scorer = new AnomalyScorer(USER_FEATURES, ScorerConfig.defaults());
    BaselineState cohort = scorer.newState();
    Random random = new Random(8);
    for (int i = 0; i < 300; i++) {
      scorer.update(cohort, START + i * MINUTE, ordinaryWindow(random));
    }
    BaselineState newcomer = scorer.newState();
    double[] attack = ordinaryWindow(random);
    attack[2] = 14;

    AnomalyScore viaCohort = scorer.score(newcomer, cohort, START, attack);
    assertThat(viaCohort.baseline()).isEqualTo(BaselineKind.COHORT);
    assertThat(viaCohort.score()).isGreaterThan(50);
    assertThat(viaCohort.explanation()).contains("findings.prompt_attack").endsWith("[cohort baseline]");

    AnomalyScore alone = scorer.score(newcomer, null, START, attack);
    assertThat(alone.baseline()).isEqualTo(BaselineKind.NONE);
    assertThat(alone.score()).isZero();

    for (int i = 0; i < scorer.config().warmupWindows(); i++) {
      scorer.update(newcomer, START + i * MINUTE, ordinaryWindow(random));
    }
    assertThat(scorer.score(newcomer, cohort, START, ordinaryWindow(random)).baseline())
        .isEqualTo(BaselineKind.USER);
  }

  @Test
  void aStateReadBackFromBytesScoresIdentically() {
    AnomalyScorer scorer = new AnomalyScorer(USER_FEATURES, ScorerConfig.defaults());
    BaselineState original = scorer.newState();
    Random random = new Random(9);
    for (int i = 0; i < 500; i++) {
      step(scorer, original, START + i * MINUTE, ordinaryWindow(random));
    }
    byte[] bytes = original.toBytes();
    BaselineState restored = BaselineState.fromBytes(bytes);
    assertThat(restored).isEqualTo(original);
    assertThat(bytes).hasSize(original.sizeInBytes());

    for (int i = 500; i < 700; i++) {
      double[] window = ordinaryWindow(random);
      if (i == 600) {
        window[3] = 5;
      }
      long time = START + i * MINUTE;
      restored = BaselineState.fromBytes(restored.toBytes());
      AnomalyScore a = scorer.score(original, time, window);
      AnomalyScore b = scorer.score(restored, time, window);
      assertThat(b).isEqualTo(a);
      scorer.update(original, time, window);
      scorer.update(restored, time, window);
    }
    assertThat(restored.toBytes()).isEqualTo(original.toBytes());
  }

  @Test
  void stateSizeIsFixedPerFeature() {
    BaselineState state = BaselineState.create(15);
    // 13 floats, 24 two-byte profile steps and 32 two-byte histogram counts per feature.
    assertThat(state.sizeInBytes()).isEqualTo(11 + 15 * (13 * 4 + 24 * 2 + 32 * 2));
    assertThat(state.toBytes()).hasSize(state.sizeInBytes());
    assertThat(BaselineState.create(17).sizeInBytes()).isEqualTo(2_799);
  }

  @Test
  void aValueThatKeepsComingBackStopsBeingNewsButANewValueIsNot() {
    Random random = new Random(12);
    BaselineState state = univariate.newState();
    int i = 0;
    // A batch job lifts the metric to exactly 20 every 50 windows.
    for (; i < 1025; i++) {
      step(univariate, state, START + i * MINUTE, i % 50 == 49 ? 20 : 10 + random.nextGaussian());
    }
    long now = START + i * MINUTE;

    assertThat(univariate.score(state, now, new double[] {20}).score()).isLessThan(10);
    assertThat(univariate.score(state, now, new double[] {35}).score()).isGreaterThan(70);
    assertThat(univariate.score(state, now, new double[] {-5}).score()).isGreaterThan(50);
  }

  @Test
  void rejectsBytesThatAreNotAState() {
    byte[] bytes = BaselineState.create(3).toBytes();
    bytes[0] = 99;
    assertThatThrownBy(() -> BaselineState.fromBytes(bytes)).hasMessageContaining("version");
    byte[] truncated = java.util.Arrays.copyOf(BaselineState.create(3).toBytes(), 20);
    assertThatThrownBy(() -> BaselineState.fromBytes(truncated)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsVectorsThatDoNotMatchTheSpec() {
    BaselineState state = univariate.newState();
    assertThatThrownBy(() -> univariate.score(state, START, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> univariate.update(state, START, new double[] {Double.NaN}))
        .hasMessageContaining("value");
  }
}
