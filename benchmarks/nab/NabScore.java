import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores anomaly detector output with the Numenta Anomaly Benchmark (NAB) rules.
 *
 * <p>Usage: {@code java benchmarks/nab/NabScore.java --nab NAB_DIR --results RESULTS_DIR}. NAB_DIR
 * holds {@code labels/combined_windows.json} and {@code config/profiles.json}; RESULTS_DIR mirrors
 * NAB's {@code data/} tree with one CSV per series that has {@code timestamp} and {@code
 * anomaly_score} columns. Prints one JSON object: per profile the normalised score, the chosen
 * threshold and the window / false-positive counts, overall and per category.
 *
 * <p>The rules, as published with NAB:
 *
 * <ul>
 *   <li>The first 15% of each series (at most 750 rows) is probationary and not scored.
 *   <li>A row is a detection when its score is at or above the threshold. Inside a labelled window
 *       only the earliest detection counts, weighted by a scaled sigmoid of its relative position
 *       ({@code 2/(1+e^(5p)) - 1}, p = -1 at the window start, near 0 at its end), normalised so
 *       the first row of a window is worth {@code tpWeight}. A window without detection costs
 *       {@code fnWeight}.
 *   <li>Every detection outside a window costs {@code fpWeight} times the sigmoid of its distance
 *       past the preceding window's end (in window widths): a detection just after a window costs
 *       little, one before any window or three widths after costs the full weight.
 *   <li>One threshold per profile for the whole corpus, chosen to maximise the total.
 *   <li>Normalised to 100 for the perfect detector (every window caught at its first row) and 0 for
 *       the null detector (no detections).
 * </ul>
 */
public final class NabScore {

  private static final double PROBATION_FRACTION = 0.15;
  private static final int PROBATION_CAP_ROWS = 750;

  /** Costs of one NAB profile. */
  public record Profile(String name, double tpWeight, double fpWeight, double fnWeight) {}

  /**
   * One series, prepared for scoring: for every scorable (non-probationary) row its detector score,
   * its window (index into the corpus-wide window list, or -1 outside windows) and its unweighted
   * sigmoid value.
   */
  public record Series(String name, double[] scores, int[] window, double[] sigmoid) {}

  /** Result of one profile: the best total, its threshold and counts at that threshold. */
  public record ProfileResult(
      Profile profile,
      double normalised,
      double raw,
      double threshold,
      int windows,
      int windowsDetected,
      int falsePositives,
      Map<String, double[]> perCategory) {}

  public static void main(String[] args) throws IOException {
    Path nab = null;
    Path results = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--nab" -> nab = Path.of(args[++i]);
        case "--results" -> results = Path.of(args[++i]);
        default -> {
          System.err.println("usage: NabScore --nab NAB_DIR --results RESULTS_DIR");
          System.exit(2);
        }
      }
    }
    if (nab == null || results == null) {
      System.err.println("usage: NabScore --nab NAB_DIR --results RESULTS_DIR");
      System.exit(2);
    }
    Map<String, List<LocalDateTime[]>> windows = loadWindows(nab.resolve("labels/combined_windows.json"));
    List<Profile> profiles = loadProfiles(nab.resolve("config/profiles.json"));
    List<Series> corpus = new ArrayList<>();
    int windowBase = 0;
    for (Map.Entry<String, List<LocalDateTime[]>> e : windows.entrySet()) {
      Path file = results.resolve(e.getKey());
      if (!Files.exists(file)) {
        throw new IllegalStateException("missing detector output " + file);
      }
      Series s = prepare(e.getKey(), readScores(file), e.getValue(), windowBase);
      windowBase += e.getValue().size();
      corpus.add(s);
    }
    StringBuilder out = new StringBuilder("{\"files\": ").append(corpus.size()).append(", \"profiles\": {");
    String sep = "";
    for (Profile p : profiles) {
      ProfileResult r = score(corpus, p);
      out.append(sep).append("\n  \"").append(p.name()).append("\": ").append(toJson(r));
      sep = ",";
    }
    System.out.println(out.append("\n}}"));
  }

  private static String toJson(ProfileResult r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT,
        "{\"score\": %.2f, \"raw\": %.3f, \"threshold\": %.6f, \"windows\": %d, \"detected\": %d, \"fp\": %d, \"categories\": {",
        r.normalised(), r.raw(), r.threshold(), r.windows(), r.windowsDetected(), r.falsePositives()));
    String sep = "";
    for (Map.Entry<String, double[]> c : r.perCategory().entrySet()) {
      double[] v = c.getValue();
      b.append(sep).append(String.format(Locale.ROOT,
          "\"%s\": {\"raw\": %.3f, \"windows\": %d, \"detected\": %d, \"fp\": %d}",
          c.getKey(), v[0], (int) v[1], (int) v[2], (int) v[3]));
      sep = ", ";
    }
    return b.append("}}").toString();
  }

  /**
   * Prepares one series: drops probationary rows and records each remaining row's window and
   * sigmoid position value. {@code windowBase} numbers this series' windows after earlier ones.
   */
  public static Series prepare(
      String name, Rows rows, List<LocalDateTime[]> windowLimits, int windowBase) {
    int n = rows.timestamps().length;
    Map<LocalDateTime, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      index.putIfAbsent(rows.timestamps()[i], i);
    }
    int[] rowWindow = new int[n];
    Arrays.fill(rowWindow, -1);
    int[][] bounds = new int[windowLimits.size()][];
    for (int w = 0; w < windowLimits.size(); w++) {
      Integer start = index.get(windowLimits.get(w)[0]);
      Integer end = index.get(windowLimits.get(w)[1]);
      if (start == null || end == null) {
        throw new IllegalStateException(name + ": window bounds not found among the timestamps");
      }
      bounds[w] = new int[] {start, end};
      Arrays.fill(rowWindow, start, end + 1, w);
    }
    int probation = Math.min((int) Math.floor(PROBATION_FRACTION * n), PROBATION_CAP_ROWS);
    double[] scores = new double[n - probation];
    int[] window = new int[n - probation];
    double[] sigmoid = new double[n - probation];
    int prevEnd = -1;
    int prevWidth = 0;
    for (int i = 0; i < n; i++) {
      int w = rowWindow[i];
      double value;
      if (w >= 0) {
        int width = bounds[w][1] - bounds[w][0] + 1;
        double position = -(bounds[w][1] - i + 1) / (double) width;
        value = scaledSigmoid(position) / scaledSigmoid(-1.0);
      } else {
        double position = prevEnd < 0 ? 3.0 : Math.abs(prevEnd - i) / (double) (prevWidth - 1);
        value = scaledSigmoid(position);
      }
      if (w >= 0 && i == bounds[w][1]) {
        prevEnd = i;
        prevWidth = bounds[w][1] - bounds[w][0] + 1;
      }
      if (Double.isNaN(rows.scores()[i])) {
        throw new IllegalStateException(name + ": anomaly score is NaN at row " + (i + 1));
      }
      if (i >= probation) {
        int j = i - probation;
        scores[j] = rows.scores()[i];
        window[j] = w < 0 ? -1 : windowBase + w;
        sigmoid[j] = value;
      }
    }
    return new Series(name, scores, window, sigmoid);
  }

  static double scaledSigmoid(double position) {
    return position >= 3.0 ? -1.0 : 2.0 / (1.0 + Math.exp(5.0 * position)) - 1.0;
  }

  /** Sweeps every distinct score as the threshold and returns the best total for the profile. */
  public static ProfileResult score(List<Series> corpus, Profile p) {
    int total = 0;
    int windowCount = 0;
    for (Series s : corpus) {
      total += s.scores().length;
      for (int w : s.window()) {
        windowCount = Math.max(windowCount, w + 1);
      }
    }
    double[] score = new double[total];
    int[] window = new int[total];
    double[] sigmoid = new double[total];
    int[] series = new int[total];
    int k = 0;
    boolean[] scorable = new boolean[windowCount];
    for (int si = 0; si < corpus.size(); si++) {
      Series s = corpus.get(si);
      for (int i = 0; i < s.scores().length; i++, k++) {
        score[k] = s.scores()[i];
        window[k] = s.window()[i];
        sigmoid[k] = s.sigmoid()[i];
        series[k] = si;
        if (window[k] >= 0) {
          scorable[window[k]] = true;
        }
      }
    }
    int windows = 0;
    for (boolean b : scorable) {
      windows += b ? 1 : 0;
    }
    Integer[] order = new Integer[total];
    for (int i = 0; i < total; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));

    double nullScore = -p.fnWeight() * windows;
    double[] best = new double[windowCount];
    Arrays.fill(best, -p.fnWeight());
    double running = nullScore;
    double bestTotal = nullScore;
    double bestThreshold = Double.POSITIVE_INFINITY;
    int bestIndex = 0;
    for (int i = 0; i < total; ) {
      double t = score[order[i]];
      for (; i < total && score[order[i]] == t; i++) {
        int r = order[i];
        if (window[r] < 0) {
          running += sigmoid[r] * p.fpWeight();
        } else {
          double v = sigmoid[r] * p.tpWeight();
          if (v > best[window[r]]) {
            running += v - best[window[r]];
            best[window[r]] = v;
          }
        }
      }
      if (running > bestTotal) {
        bestTotal = running;
        bestThreshold = t;
        bestIndex = i;
      }
    }
    // Counts at the chosen threshold, overall and per category (the folder part of the name).
    Map<String, double[]> perCategory = new TreeMap<>();
    double[] windowBest = new double[windowCount];
    Arrays.fill(windowBest, Double.NaN);
    int fp = 0;
    for (int i = 0; i < bestIndex; i++) {
      int r = order[i];
      String category = category(corpus.get(series[r]).name());
      double[] c = perCategory.computeIfAbsent(category, x -> new double[4]);
      if (window[r] < 0) {
        fp++;
        c[0] += sigmoid[r] * p.fpWeight();
        c[3]++;
      } else if (Double.isNaN(windowBest[window[r]]) || sigmoid[r] > windowBest[window[r]]) {
        windowBest[window[r]] = sigmoid[r];
      }
    }
    int detected = 0;
    for (int si = 0; si < corpus.size(); si++) {
      Series s = corpus.get(si);
      double[] c = perCategory.computeIfAbsent(category(s.name()), x -> new double[4]);
      for (int w : Arrays.stream(s.window()).filter(x -> x >= 0).distinct().toArray()) {
        c[1]++;
        if (Double.isNaN(windowBest[w])) {
          c[0] -= p.fnWeight();
        } else {
          c[0] += windowBest[w] * p.tpWeight();
          c[2]++;
          detected++;
        }
      }
    }
    double perfect = p.tpWeight() * windows;
    double normalised = 100.0 * (bestTotal - nullScore) / (perfect - nullScore);
    return new ProfileResult(p, normalised, bestTotal, bestThreshold, windows, detected, fp, perCategory);
  }

  /** The normalised score of {@code corpus} at a given threshold (no sweep). */
  public static double scoreAt(List<Series> corpus, Profile p, double threshold) {
    Map<Integer, Double> best = new LinkedHashMap<>();
    double total = 0;
    for (Series s : corpus) {
      for (int i = 0; i < s.scores().length; i++) {
        int w = s.window()[i];
        if (w >= 0) {
          best.putIfAbsent(w, Double.NaN);
        }
        if (s.scores()[i] < threshold) {
          continue;
        }
        if (w < 0) {
          total += s.sigmoid()[i] * p.fpWeight();
        } else if (Double.isNaN(best.get(w)) || s.sigmoid()[i] > best.get(w)) {
          best.put(w, s.sigmoid()[i]);
        }
      }
    }
    for (double b : best.values()) {
      total += Double.isNaN(b) ? -p.fnWeight() : b * p.tpWeight();
    }
    double nullScore = -p.fnWeight() * best.size();
    return 100.0 * (total - nullScore) / (p.tpWeight() * best.size() - nullScore);
  }

  private static String category(String name) {
    int slash = name.indexOf('/');
    return slash < 0 ? "" : name.substring(0, slash);
  }

  /** Timestamps and detector scores of one result file. */
  public record Rows(LocalDateTime[] timestamps, double[] scores) {}

  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd")
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .appendPattern("HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter(Locale.ROOT);

  /** A NAB timestamp, {@code yyyy-MM-dd HH:mm:ss} with optional fraction. */
  public static LocalDateTime parseTimestamp(String text) {
    return LocalDateTime.parse(text.trim(), TIMESTAMP);
  }

  /** Reads the {@code timestamp} and {@code anomaly_score} columns of a detector output CSV. */
  public static Rows readScores(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> header = Arrays.asList(lines.get(0).trim().split(","));
    int ts = header.indexOf("timestamp");
    int sc = header.indexOf("anomaly_score");
    if (ts < 0 || sc < 0) {
      throw new IllegalStateException(file + ": needs timestamp and anomaly_score columns");
    }
    List<LocalDateTime> times = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      times.add(parseTimestamp(f[ts]));
      scores.add(Double.parseDouble(f[sc]));
    }
    return new Rows(
        times.toArray(LocalDateTime[]::new), scores.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** NAB's label file: series name to its list of [start, end] windows. */
  public static Map<String, List<LocalDateTime[]>> loadWindows(Path file) throws IOException {
    Map<String, List<LocalDateTime[]>> result = new TreeMap<>();
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) new Json(Files.readString(file)).value();
    for (Map.Entry<String, Object> e : json.entrySet()) {
      List<LocalDateTime[]> windows = new ArrayList<>();
      for (Object w : (List<?>) e.getValue()) {
        List<?> pair = (List<?>) w;
        windows.add(new LocalDateTime[] {
            parseTimestamp((String) pair.get(0)), parseTimestamp((String) pair.get(1))});
      }
      result.put(e.getKey(), windows);
    }
    return result;
  }

  /** NAB's profile file: name to cost matrix. */
  public static List<Profile> loadProfiles(Path file) throws IOException {
    List<Profile> result = new ArrayList<>();
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) new Json(Files.readString(file)).value();
    for (Map.Entry<String, Object> e : json.entrySet()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> costs =
          (Map<String, Object>) ((Map<String, Object>) e.getValue()).get("CostMatrix");
      result.add(new Profile(e.getKey(),
          ((Number) costs.get("tpWeight")).doubleValue(),
          ((Number) costs.get("fpWeight")).doubleValue(),
          ((Number) costs.get("fnWeight")).doubleValue()));
    }
    return result;
  }

  /** Just enough JSON for NAB's two files: objects, arrays, strings, numbers, literals. */
  private static final class Json {
    private final String text;
    private int pos;

    Json(String text) {
      this.text = text;
    }

    Object value() {
      skipSpace();
      char c = text.charAt(pos);
      if (c == '{') {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (text.charAt(pos) == '}') {
          pos++;
          return map;
        }
        while (true) {
          skipSpace();
          String key = string();
          skipSpace();
          expect(':');
          map.put(key, value());
          skipSpace();
          if (text.charAt(pos++) == '}') {
            return map;
          }
        }
      }
      if (c == '[') {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (text.charAt(pos) == ']') {
          pos++;
          return list;
        }
        while (true) {
          list.add(value());
          skipSpace();
          if (text.charAt(pos++) == ']') {
            return list;
          }
        }
      }
      if (c == '"') {
        return string();
      }
      int start = pos;
      while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      String token = text.substring(start, pos);
      return switch (token) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        case "null" -> null;
        default -> Double.parseDouble(token);
      };
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (text.charAt(pos) != '"') {
        char c = text.charAt(pos++);
        if (c == '\\') {
          char e = text.charAt(pos++);
          b.append(switch (e) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'u' -> {
              char u = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
              pos += 4;
              yield u;
            }
            default -> e;
          });
        } else {
          b.append(c);
        }
      }
      pos++;
      return b.toString();
    }

    private void expect(char c) {
      if (text.charAt(pos) != c) {
        throw new IllegalStateException("JSON: expected '" + c + "' at offset " + pos);
      }
      pos++;
    }

    private void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }
  }
}
