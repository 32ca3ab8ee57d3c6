package io.guardstream.bench.anomaly;

import io.guardstream.app.activity.ActivityFeatures;
import io.guardstream.app.anomaly.AnomalyScore;
import io.guardstream.app.anomaly.AnomalyScorer;
import io.guardstream.app.anomaly.BaselineState;
import io.guardstream.app.anomaly.ScorerConfig;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-user anomaly scorer on the topology's 17 activity features, per closed window:
 * {@code scoreAndUpdate} scores a window against a warm user baseline (with the cohort as
 * fallback) and folds it in; {@code storedScoreAndUpdate} adds what the topology does around it,
 * reading the baseline from bytes and writing it back. Windows are synthetic one-minute activity
 * with a working-hours profile, occasional findings and bursts. Prints the state size at setup.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar AnomalyScorerBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AnomalyScorerBenchmark {

  private static final long MINUTE = 60_000L;
  private static final int WINDOWS = 4096;

  private AnomalyScorer scorer;
  private BaselineState user;
  private BaselineState cohort;
  private byte[] stored;
  private double[][] windows;
  private long time;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    scorer = new AnomalyScorer(ActivityFeatures.SPEC, ScorerConfig.defaults());
    Random random = new Random(17);
    windows = new double[WINDOWS][];
    for (int i = 0; i < WINDOWS; i++) {
      windows[i] = window(random, i);
    }
    user = scorer.newState();
    cohort = scorer.newState();
    time = 1_767_225_600_000L; // 2026-01-01T00:00Z
    // Warm both baselines on three days of minutes, so every statistic is in play.
    for (int i = 0; i < 3 * 1440; i++) {
      double[] x = windows[i % WINDOWS];
      scorer.update(user, time, x);
      scorer.update(cohort, time, x);
      time += MINUTE;
    }
    stored = user.toBytes();
    System.out.printf("%n[anomaly] %d features, baseline state %d bytes%n",
        ActivityFeatures.SPEC.size(), user.sizeInBytes());
  }

  /** One minute of one user's activity; busier in working hours, with rare findings and bursts. */
  private static double[] window(Random random, int minute) {
    int hour = (minute / 60) % 24;
    double rate = hour >= 8 && hour < 18 ? 3 : 0.3;
    double requests = poisson(random, random.nextInt(200) == 0 ? rate * 10 : rate);
    double[] x = new double[ActivityFeatures.SPEC.size()];
    x[ActivityFeatures.REQUESTS] = requests;
    x[ActivityFeatures.EVENTS] = requests * 2;
    x[ActivityFeatures.PROMPT_CHARS] = requests * (200 + random.nextInt(600));
    x[ActivityFeatures.RESPONSE_CHARS] = requests * (400 + random.nextInt(1600));
    x[ActivityFeatures.INPUT_TOKENS] = x[ActivityFeatures.PROMPT_CHARS] / 4;
    x[ActivityFeatures.OUTPUT_TOKENS] = x[ActivityFeatures.RESPONSE_CHARS] / 4;
    x[ActivityFeatures.FINDINGS_PII] = random.nextInt(50) == 0 ? 1 : 0;
    x[ActivityFeatures.FINDINGS_PROMPT_ATTACK] = random.nextInt(500) == 0 ? 1 : 0;
    x[ActivityFeatures.DISTINCT_SESSIONS] = Math.min(requests, 1 + random.nextInt(2));
    x[ActivityFeatures.DISTINCT_IPS] = requests > 0 ? 1 : 0;
    x[ActivityFeatures.OFF_HOURS] = hour >= 8 && hour < 18 ? 0 : 1;
    return x;
  }

  private static double poisson(Random random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }

  private double[] nextWindow() {
    double[] x = windows[next];
    next = next + 1 == WINDOWS ? 0 : next + 1;
    time += MINUTE;
    return x;
  }

  @Benchmark
  public AnomalyScore scoreAndUpdate() {
    double[] x = nextWindow();
    AnomalyScore score = scorer.score(user, cohort, time, x);
    scorer.update(user, time, x);
    return score;
  }

  @Benchmark
  public AnomalyScore storedScoreAndUpdate() {
    double[] x = nextWindow();
    BaselineState state = BaselineState.fromBytes(stored);
    AnomalyScore score = scorer.score(state, cohort, time, x);
    scorer.update(state, time, x);
    stored = state.toBytes();
    return score;
  }
}
