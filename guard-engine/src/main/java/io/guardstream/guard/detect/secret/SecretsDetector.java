package io.guardstream.guard.detect.secret;

import com.google.re2j.Matcher;
import io.guardstream.guard.detect.Detector;
import io.guardstream.guard.detect.DetectorType;
import io.guardstream.guard.detect.Hits;
import io.guardstream.guard.detect.Params;
import io.guardstream.guard.detect.ScanContext;
import io.guardstream.guard.detect.Validators;
import io.guardstream.guard.detect.View;
import io.guardstream.guard.text.Slice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Type {@code secrets}: the built-in credential formats of {@link SecretCatalog}, optionally
 * limited to some {@code families} or {@code types}. Each format runs only in windows at its
 * trigger literals; generic context patterns are skipped where a provider format matched.
 */
public final class SecretsDetector implements Detector {
  private final SecretPattern[] patterns;
  private final List<String> triggers;
  /** For each trigger, the patterns it gates. */
  private final int[][] patternsOfTrigger;

  private SecretsDetector(List<SecretPattern> selected) {
    this.patterns = selected.toArray(new SecretPattern[0]);
    Map<String, List<Integer>> byTrigger = new LinkedHashMap<>();
    for (int i = 0; i < patterns.length; i++) {
      for (String t : patterns[i].triggers()) {
        byTrigger.computeIfAbsent(t.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
      }
    }
    this.triggers = List.copyOf(byTrigger.keySet());
    this.patternsOfTrigger = new int[triggers.size()][];
    int k = 0;
    for (List<Integer> ps : byTrigger.values()) {
      patternsOfTrigger[k++] = ps.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** The {@code secrets} detector type. */
  public static final class Type implements DetectorType {
    @Override
    public String name() {
      return "secrets";
    }

    @Override
    public Detector compile(Params p) {
      List<String> families = p.strings("families", false);
      List<String> types = p.strings("types", false);
      p.rejectUnknown();
      Set<String> knownFamilies = new TreeSet<>();
      Set<String> knownTypes = new TreeSet<>();
      for (SecretPattern sp : SecretCatalog.all()) {
        knownFamilies.add(sp.family());
        knownTypes.add(sp.entityType());
      }
      for (String f : families) {
        if (!knownFamilies.contains(f)) {
          p.error("families", "unknown family '" + f + "' (known: " + knownFamilies + ")");
        }
      }
      for (String t : types) {
        if (!knownTypes.contains(t)) {
          p.error("types", "unknown type '" + t + "' (known: " + knownTypes + ")");
        }
      }
      Set<String> fam = new LinkedHashSet<>(families);
      Set<String> typ = new LinkedHashSet<>(types);
      List<SecretPattern> selected = new ArrayList<>();
      for (SecretPattern sp : SecretCatalog.all()) {
        boolean all = fam.isEmpty() && typ.isEmpty();
        if (all || fam.contains(sp.family()) || typ.contains(sp.entityType())) {
          selected.add(sp);
        }
      }
      return new SecretsDetector(selected);
    }
  }

  @Override
  public View view() {
    return View.RAW;
  }

  @Override
  public List<String> triggers() {
    return triggers;
  }

  @Override
  public void detect(ScanContext ctx, Hits out) {
    CharSequence text = ctx.text();
    int n = ctx.triggerCount();
    // Per pattern: the merged windows around its triggers, provider formats before generic ones.
    int[] found = null;
    int foundCount = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int pi = 0; pi < patterns.length; pi++) {
        SecretPattern sp = patterns[pi];
        if (sp.generic() != (pass == 1)) {
          continue;
        }
        int winStart = -1;
        int winEnd = -1;
        for (int k = 0; k < n; k++) {
          if (!gates(ctx.trigger(k), pi)) {
            continue;
          }
          int s = Math.max(0, ctx.triggerStart(k) - sp.before());
          int e = Math.min(text.length(), ctx.triggerEnd(k) + sp.window());
          if (winStart >= 0 && s <= winEnd) {
            winEnd = Math.max(winEnd, e);
            continue;
          }
          if (winStart >= 0) {
            found = match(sp, text, winStart, winEnd, out, found, foundCount);
            foundCount = found == null ? 0 : found[0];
          }
          winStart = s;
          winEnd = e;
        }
        if (winStart >= 0) {
          found = match(sp, text, winStart, winEnd, out, found, foundCount);
          foundCount = found == null ? 0 : found[0];
        }
      }
    }
  }

  private boolean gates(int trigger, int pattern) {
    for (int p : patternsOfTrigger[trigger]) {
      if (p == pattern) {
        return true;
      }
    }
    return false;
  }

  /**
   * Matches one pattern in a window. {@code found} holds the spans reported so far as
   * [count, s0, e0, s1, e1, ...] so generic patterns can skip them; returns the updated array.
   */
  private static int[] match(SecretPattern sp, CharSequence text, int from, int to, Hits out,
      int[] found, int count) {
    CharSequence slice = new Slice(text, from, to);
    Matcher m = sp.pattern().matcher(slice);
    int pos = 0;
    while (pos <= slice.length() && m.find(pos)) {
      pos = m.end() > m.start() ? m.end() : m.end() + 1;
      int g = sp.group();
      if (g < 0) {
        // Alternatives with one group each: the first group that took part.
        g = 1;
        while (g < m.groupCount() && m.start(g) < 0) {
          g++;
        }
      }
      int s = m.start(g);
      int e = m.end(g);
      if (s < 0 || e <= s) {
        continue;
      }
      if (sp.minEntropy() > 0 && Validators.entropy(slice, s, e) < sp.minEntropy()) {
        continue;
      }
      if (sp.validator() != null && !sp.validator().valid(slice, s, e)) {
        continue;
      }
      int as = from + s;
      int ae = from + e;
      if (overlapsFound(found, count, as, ae)) {
        continue;
      }
      out.add(as, ae, sp.entityType(), sp.confidence(),
          sp.entityType().toLowerCase(Locale.ROOT).replace('_', ' ') + " format matched");
      if (found == null) {
        found = new int[17];
      } else if (2 * count + 3 > found.length) {
        found = java.util.Arrays.copyOf(found, found.length * 2);
      }
      found[1 + 2 * count] = as;
      found[2 + 2 * count] = ae;
      count++;
      found[0] = count;
    }
    return found;
  }

  private static boolean overlapsFound(int[] found, int count, int s, int e) {
    for (int k = 0; k < count; k++) {
      if (s < found[2 + 2 * k] && found[1 + 2 * k] < e) {
        return true;
      }
    }
    return false;
  }
}
