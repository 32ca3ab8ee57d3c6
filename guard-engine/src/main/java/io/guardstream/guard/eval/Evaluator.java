package io.guardstream.guard.eval;

import io.guardstream.guard.Finding;
import io.guardstream.guard.GuardEngine;
import io.guardstream.guard.GuardRequest;
import io.guardstream.guard.GuardResult;
import io.guardstream.guard.Kind;
import io.guardstream.guard.PromptFingerprint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores a rule set on a labelled corpus. Each event is checked as PROMPT (direction input) or
 * RESPONSE (output), with its {@code system_prompt} registered as a {@link PromptFingerprint};
 * a category is flagged when a finding of that category remains in the result (for
 * prompt_attack: when its score reaches the engine's threshold). Category scores are the
 * prompt_attack score, or for the other categories the highest finding confidence (0 if none).
 *
 * <p>Spans: predicted spans are those of secret and PII findings in the content; overlapping
 * predicted spans are merged first. A predicted span is correct when it overlaps a gold span;
 * a gold span is found when a predicted span overlaps it (type-agnostic). Span types can be
 * restricted (both sides) to compare on the types a detector supports.
 */
public final class Evaluator {

  /** What the eval decided for one event. */
  public record Prediction(String id, Map<String, Double> scores, List<String> flags) {}

  /** Receives each event's prediction as it is made. */
  @FunctionalInterface
  public interface PredictionSink {
    void accept(Prediction prediction) throws java.io.IOException;
  }

  private final GuardEngine engine;
  private final Set<String> spanTypes;

  /**
   * @param engine engine to evaluate
   * @param spanTypes entity types span scoring is restricted to, or null for all
   */
  public Evaluator(GuardEngine engine, Set<String> spanTypes) {
    this.engine = engine;
    this.spanTypes = spanTypes;
  }

  /** Runs the corpus; returns the report (a JSON-ready tree of maps). */
  public Map<String, Object> evaluate(List<CorpusEvent> events, PredictionSink sink)
      throws java.io.IOException {
    Map<String, Counts> counts = new LinkedHashMap<>();
    for (String c : CorpusReader.CATEGORIES) {
      counts.put(c, new Counts());
    }
    Map<String, Map<String, Counts>> bySource = new TreeMap<>();
    List<double[]> attackScores = new ArrayList<>(); // {score, positive}
    SpanCounts spans = new SpanCounts();
    boolean anySpans = false;
    warmUp(events);
    long nanos = 0;
    long bytes = 0;
    for (CorpusEvent e : events) {
      GuardRequest.Builder b = GuardRequest.builder(e.input() ? Kind.PROMPT : Kind.RESPONSE)
          .content(e.text());
      if (e.systemPrompt() != null) {
        b.systemPrompts(List.of(
            PromptFingerprint.of(null, "eval", e.id(), e.systemPrompt(), List.of())));
      }
      GuardRequest request = b.build();
      long t0 = System.nanoTime();
      GuardResult result = engine.check(request);
      nanos += System.nanoTime() - t0;
      bytes += e.text().getBytes(StandardCharsets.UTF_8).length;

      Map<String, Double> scores = new LinkedHashMap<>();
      for (String c : CorpusReader.CATEGORIES) {
        scores.put(c, 0.0);
      }
      List<String> flags = new ArrayList<>();
      for (Finding f : result.findings()) {
        if (scores.containsKey(f.category())) {
          scores.merge(f.category(), f.confidence(), Math::max);
          if (!flags.contains(f.category())) {
            flags.add(f.category());
          }
        }
      }
      Double attack = result.scores().get("prompt_attack");
      if (attack != null) {
        scores.put("prompt_attack", attack);
      }
      flags.sort(null);
      for (String c : CorpusReader.CATEGORIES) {
        boolean expected = e.expect().contains(c);
        boolean flagged = flags.contains(c);
        counts.get(c).add(expected, flagged);
        if (e.source() != null && (expected || flagged || isNegativeOfInterest(c, e))) {
          bySource.computeIfAbsent(e.source(), s -> new TreeMap<>())
              .computeIfAbsent(c, k -> new Counts()).add(expected, flagged);
        }
      }
      if (e.input()) {
        attackScores.add(new double[] {scores.get("prompt_attack"),
            e.expect().contains("prompt_attack") ? 1 : 0});
      }
      if (e.spans() != null) {
        anySpans = true;
        spans.add(e, result.findings(), spanTypes);
      }
      if (sink != null) {
        sink.accept(new Prediction(e.id(), scores, flags));
      }
    }

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("events", events.size());
    report.put("rule_set_version", engine.ruleSetVersion());
    for (Map.Entry<String, Counts> c : counts.entrySet()) {
      Map<String, Object> m = c.getValue().toMap();
      if (c.getKey().equals("prompt_attack")) {
        m.putAll(recallAtFpr(attackScores, 0.01));
      }
      report.put(c.getKey(), m);
    }
    if (anySpans) {
      report.put("spans", spans.toMap(spanTypes));
    }
    double seconds = nanos / 1e9;
    report.put("seconds", round(seconds));
    report.put("events_per_s", round(seconds > 0 ? events.size() / seconds : 0));
    report.put("mb_per_s", round(seconds > 0 ? bytes / 1e6 / seconds : 0));
    if (!bySource.isEmpty()) {
      Map<String, Object> src = new TreeMap<>();
      for (Map.Entry<String, Map<String, Counts>> s : bySource.entrySet()) {
        Map<String, Object> perCat = new TreeMap<>();
        s.getValue().forEach((cat, cnt) -> perCat.put(cat, cnt.toShortMap()));
        src.put(s.getKey(), perCat);
      }
      report.put("by_source", src);
    }
    return report;
  }

  /** Events checked untimed first, so events/s measures the engine rather than JIT warm-up. */
  static final int WARM_UP_EVENTS = 1000;

  private void warmUp(List<CorpusEvent> events) {
    for (int i = 0; i < Math.min(WARM_UP_EVENTS, events.size()); i++) {
      CorpusEvent e = events.get(i);
      engine.check(GuardRequest.of(e.input() ? Kind.PROMPT : Kind.RESPONSE, e.text()));
    }
  }

  /** Per-source counts include an event's negatives only for the category its direction tests. */
  private static boolean isNegativeOfInterest(String category, CorpusEvent e) {
    return category.equals("prompt_attack") == e.input();
  }

  /**
   * Recall when the threshold is set as low as possible while at most {@code maxFpr} of the
   * negatives score above it.
   */
  static Map<String, Object> recallAtFpr(List<double[]> scored, double maxFpr) {
    List<Double> neg = new ArrayList<>();
    List<Double> pos = new ArrayList<>();
    for (double[] s : scored) {
      (s[1] > 0 ? pos : neg).add(s[0]);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    if (neg.isEmpty() || pos.isEmpty()) {
      m.put("recall_at_1pct_fpr", null);
      return m;
    }
    neg.sort((a, b) -> Double.compare(b, a));
    int allowed = (int) Math.floor(maxFpr * neg.size());
    double threshold = allowed < neg.size() ? neg.get(allowed) : -1;
    long tp = pos.stream().filter(p -> p > threshold).count();
    long fp = neg.stream().filter(n -> n > threshold).count();
    m.put("recall_at_1pct_fpr", round((double) tp / pos.size()));
    m.put("threshold_at_1pct_fpr", round(threshold));
    m.put("fpr_at_threshold", round((double) fp / neg.size()));
    return m;
  }

  static double round(double v) {
    return Math.round(v * 10000.0) / 10000.0;
  }

  /** Confusion counts of one category. */
  static final class Counts {
    long tp;
    long fp;
    long fn;
    long tn;

    void add(boolean expected, boolean flagged) {
      if (expected && flagged) {
        tp++;
      } else if (flagged) {
        fp++;
      } else if (expected) {
        fn++;
      } else {
        tn++;
      }
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("tp", tp);
      m.put("fp", fp);
      m.put("fn", fn);
      m.put("tn", tn);
      double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
      double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
      m.put("precision", round(p));
      m.put("recall", round(r));
      m.put("f1", round(p + r == 0 ? 0 : 2 * p * r / (p + r)));
      m.put("fpr", round(fp + tn == 0 ? 0 : (double) fp / (fp + tn)));
      return m;
    }

    Map<String, Object> toShortMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("tp", tp);
      m.put("fp", fp);
      m.put("fn", fn);
      m.put("tn", tn);
      return m;
    }
  }
}
