package io.guardstream.guard.eval;

import io.guardstream.guard.Finding;
import io.guardstream.guard.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Overlap-based span precision / recall (see {@link Evaluator}), with per-type recall. */
final class SpanCounts {
  private long predicted;
  private long predictedCorrect;
  private long gold;
  private long goldFound;
  private final Map<String, long[]> byType = new TreeMap<>(); // type -> {gold, found}

  void add(CorpusEvent e, List<Finding> findings, Set<String> types) {
    List<Span> pred = new ArrayList<>();
    for (Finding f : findings) {
      if (f.span() != null && f.location().startsWith("content")
          && (f.category().equals("pii") || f.category().equals("secret"))
          && (types == null || types.contains(f.entityType()))) {
        pred.add(f.span());
      }
    }
    List<Span> merged = merge(pred);
    List<CorpusEvent.GoldSpan> goldSpans = new ArrayList<>();
    for (CorpusEvent.GoldSpan g : e.spans()) {
      if (types == null || g.type() == null || types.contains(g.type())) {
        goldSpans.add(g);
      }
    }
    for (Span p : merged) {
      predicted++;
      for (CorpusEvent.GoldSpan g : goldSpans) {
        if (p.start() < g.end() && g.start() < p.end()) {
          predictedCorrect++;
          break;
        }
      }
    }
    for (CorpusEvent.GoldSpan g : goldSpans) {
      gold++;
      boolean found = false;
      for (Span p : merged) {
        if (p.start() < g.end() && g.start() < p.end()) {
          found = true;
          break;
        }
      }
      if (found) {
        goldFound++;
      }
      long[] t = byType.computeIfAbsent(g.type() == null ? "UNTYPED" : g.type(), k -> new long[2]);
      t[0]++;
      if (found) {
        t[1]++;
      }
    }
  }

  private static List<Span> merge(List<Span> spans) {
    spans.sort(Comparator.comparingInt(Span::start));
    List<Span> out = new ArrayList<>();
    for (Span s : spans) {
      if (!out.isEmpty() && s.start() < out.get(out.size() - 1).end()) {
        Span last = out.remove(out.size() - 1);
        out.add(new Span(last.start(), Math.max(last.end(), s.end())));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  Map<String, Object> toMap(Set<String> types) {
    Map<String, Object> m = new LinkedHashMap<>();
    double p = predicted == 0 ? 0 : (double) predictedCorrect / predicted;
    double r = gold == 0 ? 0 : (double) goldFound / gold;
    m.put("precision", Evaluator.round(p));
    m.put("recall", Evaluator.round(r));
    m.put("f1", Evaluator.round(p + r == 0 ? 0 : 2 * p * r / (p + r)));
    m.put("predicted", predicted);
    m.put("gold", gold);
    m.put("matching", "overlap");
    if (types != null) {
      m.put("types", new ArrayList<>(new java.util.TreeSet<>(types)));
    }
    Map<String, Object> bt = new LinkedHashMap<>();
    byType.forEach((t, v) -> bt.put(t, Map.of("gold", v[0], "found", v[1],
        "recall", Evaluator.round(v[0] == 0 ? 0 : (double) v[1] / v[0]))));
    m.put("recall_by_type", bt);
    return m;
  }
}
