import io.guardstream.app.anomaly.AnomalyScorer;
import io.guardstream.app.anomaly.BaselineState;
import io.guardstream.app.anomaly.FeatureSpec;
import io.guardstream.app.anomaly.ScorerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the anomaly scorer's parameters ({@link ScorerConfig}) on NAB by coordinate descent over
 * a small grid, and estimates how the choice generalises by leave-one-category-out
 * cross-validation: for each category with anomalies, tune on the others and score the held-out
 * category together with the anomaly-free series (so false positives count).
 *
 * <p>Usage (see {@code cross-validate.sh}, which compiles {@code NabScore.java} and puts the
 * scorer on the class path): {@code java NabCrossValidation.java --nab NAB_DIR}. Series are
 * scored in-process with the same scorer and the same causal loop as {@code score-series}
 * (score, then update), so the default configuration reproduces {@code run.sh}'s figures.
 *
 * <p>Tuned on the standard profile; every result is reported for all three profiles. "held-out"
 * sweeps the threshold on the held-out series themselves (as NAB does for any corpus);
 * "transferred" applies the threshold chosen on the training categories, the stricter test.
 */
public final class NabCrossValidation {

  private static final String CLEAN = "artificialNoAnomaly";
  private static final double HALF_SCORE = ScorerConfig.defaults().halfScoreSurprise();

  /**
   * Where every search starts: the scorer's previous release defaults, so no fold starts from the
   * optimum found on all categories.
   */
  private static final ScorerConfig START = new ScorerConfig(0.005, 0.3, 5.0, 20, HALF_SCORE);

  /** Candidate values per parameter. */
  private static final Map<String, double[]> GRID = new LinkedHashMap<>();

  static {
    GRID.put("alpha", new double[] {0.005, 0.007, 0.0085, 0.01, 0.012});
    GRID.put("driftAlpha", new double[] {0.15, 0.2, 0.3, 0.5});
    GRID.put("clip", new double[] {3, 4, 5, 6, 8});
    GRID.put("warmupWindows", new double[] {10, 20, 50});
  }

  /** One NAB series: its file name under data/, row times and values. */
  record Series(String name, String category, LocalDateTime[] times, long[] millis, double[] values,
      List<LocalDateTime[]> windows) {}

  public static void main(String[] args) throws IOException {
    Path nab = null;
    int passes = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--nab" -> nab = Path.of(args[++i]);
        case "--passes" -> passes = Integer.parseInt(args[++i]);
        default -> usage();
      }
    }
    if (nab == null) {
      usage();
    }
    List<NabScore.Profile> profiles = NabScore.loadProfiles(nab.resolve("config/profiles.json"));
    List<Series> all = load(nab);
    List<String> categories = all.stream().map(Series::category).distinct()
        .filter(c -> !c.equals(CLEAN)).toList();

    ScorerConfig defaults = ScorerConfig.defaults();
    System.out.println("defaults " + describe(defaults) + ": " + format(evaluate(defaults, all, profiles, null)));
    ScorerConfig tunedAll = tune(all, profiles, passes);
    System.out.println("tuned on all categories " + describe(tunedAll) + ": "
        + format(evaluate(tunedAll, all, profiles, null)));

    double[] heldOutSum = new double[profiles.size()];
    double[] transferredSum = new double[profiles.size()];
    for (String held : categories) {
      List<Series> train = all.stream().filter(s -> !s.category().equals(held)).toList();
      List<Series> test = all.stream().filter(s -> s.category().equals(held) || s.category().equals(CLEAN)).toList();
      ScorerConfig tuned = tune(train, profiles, passes);
      Result trained = evaluate(tuned, train, profiles, null);
      Result heldOut = evaluate(tuned, test, profiles, null);
      Result transferred = evaluate(tuned, test, profiles, trained.thresholds());
      Result withDefaults = evaluate(defaults, test, profiles, null);
      for (int p = 0; p < profiles.size(); p++) {
        heldOutSum[p] += heldOut.scores()[p];
        transferredSum[p] += transferred.scores()[p];
      }
      System.out.printf(Locale.ROOT, "held out %s: tuned on the rest %s%n  held-out %s%n  transferred %s%n"
          + "  defaults %s%n", held, describe(tuned), format(heldOut), format(transferred), format(withDefaults));
    }
    StringBuilder mean = new StringBuilder("mean over held-out categories:");
    for (int p = 0; p < profiles.size(); p++) {
      mean.append(String.format(Locale.ROOT, " %s %.1f (transferred %.1f)", profiles.get(p).name(),
          heldOutSum[p] / categories.size(), transferredSum[p] / categories.size()));
    }
    System.out.println(mean);
  }

  private static void usage() {
    System.err.println("usage: NabCrossValidation --nab NAB_DIR [--passes N]");
    System.exit(2);
  }

  /** Normalised scores per profile and the thresholds they were reached at. */
  record Result(double[] scores, double[] thresholds) {}

  /**
   * Scores every series with {@code config}; per profile, sweeps the threshold or, when {@code
   * thresholds} is given, applies that one.
   */
  static Result evaluate(ScorerConfig config, List<Series> set, List<NabScore.Profile> profiles, double[] thresholds) {
    List<double[]> scored = set.parallelStream().map(s -> scoreSeries(config, s)).toList();
    List<NabScore.Series> corpus = new ArrayList<>();
    int windowBase = 0;
    for (int i = 0; i < set.size(); i++) {
      Series s = set.get(i);
      corpus.add(NabScore.prepare(s.name(), new NabScore.Rows(s.times(), scored.get(i)), s.windows(), windowBase));
      windowBase += s.windows().size();
    }
    double[] scores = new double[profiles.size()];
    double[] chosen = new double[profiles.size()];
    for (int p = 0; p < profiles.size(); p++) {
      if (thresholds == null) {
        NabScore.ProfileResult r = NabScore.score(corpus, profiles.get(p));
        scores[p] = r.normalised();
        chosen[p] = r.threshold();
      } else {
        scores[p] = NabScore.scoreAt(corpus, profiles.get(p), thresholds[p]);
        chosen[p] = thresholds[p];
      }
    }
    return new Result(scores, chosen);
  }

  /** The causal loop of {@code score-series}: each row scored against the rows before it. */
  static double[] scoreSeries(ScorerConfig config, Series s) {
    AnomalyScorer scorer = new AnomalyScorer(FeatureSpec.univariate("value"), config);
    BaselineState state = scorer.newState();
    double[] out = new double[s.values().length];
    double[] x = new double[1];
    for (int i = 0; i < out.length; i++) {
      x[0] = s.values()[i];
      out[i] = scorer.score(state, s.millis()[i], x).fraction();
      scorer.update(state, s.millis()[i], x);
    }
    return out;
  }

  /** Coordinate descent over {@link #GRID} from {@link #START}, on the standard (first) profile. */
  static ScorerConfig tune(List<Series> set, List<NabScore.Profile> profiles, int passes) {
    List<NabScore.Profile> standard = profiles.subList(0, 1);
    ScorerConfig best = START;
    double bestScore = evaluate(best, set, standard, null).scores()[0];
    for (int pass = 0; pass < passes; pass++) {
      boolean moved = false;
      for (Map.Entry<String, double[]> e : GRID.entrySet()) {
        for (double v : e.getValue()) {
          ScorerConfig candidate = with(best, e.getKey(), v);
          if (candidate.equals(best)) {
            continue;
          }
          double score = evaluate(candidate, set, standard, null).scores()[0];
          if (score > bestScore) {
            best = candidate;
            bestScore = score;
            moved = true;
          }
        }
      }
      if (!moved) {
        break;
      }
    }
    return best;
  }

  static ScorerConfig with(ScorerConfig c, String name, double v) {
    return switch (name) {
      case "alpha" -> new ScorerConfig(v, c.driftAlpha(), c.clip(), c.warmupWindows(), HALF_SCORE);
      case "driftAlpha" -> new ScorerConfig(c.alpha(), v, c.clip(), c.warmupWindows(), HALF_SCORE);
      case "clip" -> new ScorerConfig(c.alpha(), c.driftAlpha(), v, c.warmupWindows(), HALF_SCORE);
      case "warmupWindows" -> new ScorerConfig(c.alpha(), c.driftAlpha(), c.clip(), (int) v, HALF_SCORE);
      default -> throw new IllegalArgumentException(name);
    };
  }

  static String describe(ScorerConfig c) {
    return String.format(Locale.ROOT, "(alpha %s, driftAlpha %s, clip %s, warmupWindows %d)",
        c.alpha(), c.driftAlpha(), c.clip(), c.warmupWindows());
  }

  static String format(Result r) {
    return String.format(Locale.ROOT, "standard %.1f, reward_low_FP_rate %.1f, reward_low_FN_rate %.1f",
        r.scores()[0], r.scores()[1], r.scores()[2]);
  }

  /** Every series named in the label file, with its rows; timestamps are UTC. */
  static List<Series> load(Path nab) throws IOException {
    Map<String, List<LocalDateTime[]>> windows = NabScore.loadWindows(nab.resolve("labels/combined_windows.json"));
    List<Series> out = new ArrayList<>();
    for (Map.Entry<String, List<LocalDateTime[]>> e : windows.entrySet()) {
      List<String> lines = Files.readAllLines(nab.resolve("data").resolve(e.getKey()));
      List<String> header = List.of(lines.get(0).trim().split(","));
      int ts = header.indexOf("timestamp");
      int val = header.indexOf("value");
      List<String> rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
      LocalDateTime[] times = new LocalDateTime[rows.size()];
      long[] millis = new long[rows.size()];
      double[] values = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        String[] f = rows.get(i).split(",");
        times[i] = NabScore.parseTimestamp(f[ts]);
        millis[i] = times[i].toInstant(ZoneOffset.UTC).toEpochMilli();
        values[i] = Double.parseDouble(f[val]);
      }
      String category = e.getKey().substring(0, e.getKey().indexOf('/'));
      out.add(new Series(e.getKey(), category, times, millis, values, e.getValue()));
    }
    return out;
  }
}
