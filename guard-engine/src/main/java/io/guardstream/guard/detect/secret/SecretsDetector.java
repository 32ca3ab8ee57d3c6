package io.guardstream.guard.detect.secret;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.Submatch;
import io.guardstream.guard.detect.Detector;
import io.guardstream.guard.detect.DetectorType;
import io.guardstream.guard.detect.Hits;
import io.guardstream.guard.detect.AnchoredPattern;
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
 * trigger literals; generic context patterns are skipped where a provider format matched, and
 * credentials stated in prose ({@link ProseCredentials}, family {@code generic}) where either did.
 */
public final class SecretsDetector implements Detector {
  private final SecretPattern[] patterns;
  /** Per pattern: the tries of its {@link SecretPattern#atTrigger()}, or null. */
  private final AnchoredPattern[] atTrigger;
  /**
   * Tries of the catalog's patterns, built once per JVM rather than per engine (setting up their
   * DFAs costs about 5 ms for each secrets rule otherwise); they are thread-safe and hold no state
   * of a rule.
   */
  private static final Map<Pattern, AnchoredPattern> TRIES =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final List<String> triggers;
  /** For each trigger, the patterns it gates. */
  private final int[][] patternsOfTrigger;
  /** For each trigger, whether it is a credential noun that starts a prose disclosure. */
  private final boolean[] proseTrigger;

  private SecretsDetector(List<SecretPattern> selected, boolean prose) {
    this.patterns = selected.toArray(new SecretPattern[0]);
    this.atTrigger = new AnchoredPattern[patterns.length];
    for (int i = 0; i < patterns.length; i++) {
      Pattern at = patterns[i].atTrigger();
      atTrigger[i] = at == null ? null : TRIES.computeIfAbsent(at, p -> new AnchoredPattern(p, true));
    }
    Map<String, List<Integer>> byTrigger = new LinkedHashMap<>();
    for (int i = 0; i < patterns.length; i++) {
      for (String t : patterns[i].triggers()) {
        byTrigger.computeIfAbsent(t.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
      }
    }
    if (prose) {
      for (String noun : ProseCredentials.NOUNS) {
        byTrigger.computeIfAbsent(noun, k -> new ArrayList<>());
      }
    }
    this.triggers = List.copyOf(byTrigger.keySet());
    this.patternsOfTrigger = new int[triggers.size()][];
    this.proseTrigger = new boolean[triggers.size()];
    int k = 0;
    for (List<Integer> ps : byTrigger.values()) {
      proseTrigger[k] = prose && ProseCredentials.NOUNS.contains(triggers.get(k));
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
      boolean all = fam.isEmpty() && typ.isEmpty();
      List<SecretPattern> selected = new ArrayList<>();
      for (SecretPattern sp : SecretCatalog.all()) {
        if (all || fam.contains(sp.family()) || typ.contains(sp.entityType())) {
          selected.add(sp);
        }
      }
      boolean prose = all || fam.contains("generic") || typ.contains(PROSE_TYPE);
      return new SecretsDetector(selected, prose);
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

  /** Entity type of credentials stated in prose. */
  static final String PROSE_TYPE = "GENERIC_SECRET";

  @Override
  public void detect(ScanContext ctx, Hits out) {
    CharSequence text = ctx.text();
    // Per pattern: the merged windows around its triggers, provider formats before generic ones.
    // Only the patterns some trigger gates are visited: the catalog has over 150.
    long[] gated = gatedPairs(ctx);
    int[] found = null;
    int foundCount = 0;
    int g = 0;
    while (g < gated.length) {
      int pi = patternOf(gated[g]);
      SecretPattern sp = patterns[pi];
      int winStart = -1;
      int winEnd = -1;
      int lastAt = -1;
      for (; g < gated.length && patternOf(gated[g]) == pi; g++) {
        int k = (int) gated[g];
        if (!sp.mayMatchAfter(text, ctx.triggerEnd(k))) {
          continue;
        }
        int s = Math.max(0, ctx.triggerStart(k) - sp.before());
        if (sp.assignWithin() > 0) {
          // The key holding the trigger starts with the identifier around it: searching from
          // further back only finds other assignments (each found at its own trigger) and
          // makes the anchored search try every position up there.
          s = Math.max(s, identifierStart(text, ctx.triggerStart(k), s) - 1);
        }
        int e = Math.min(text.length(), ctx.triggerEnd(k) + sp.window());
        if (atTrigger[pi] != null) {
          // Several triggers at one place ("pass", "password"): once. Keyed by the trigger, not
          // the window, whose start is clamped to 0 for every trigger near the text's start.
          if (ctx.triggerStart(k) != lastAt) {
            found = matchAt(sp, atTrigger[pi], text, s, e, ctx.triggerStart(k), out, found);
            foundCount = found == null ? 0 : found[0];
            lastAt = ctx.triggerStart(k);
          }
          continue;
        }
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
    int n = ctx.triggerCount();
    // Last, prose: "the password for prod is …" where no format claimed the value.
    int[][] spans = {found};
    for (int k = 0; k < n; k++) {
      if (proseTrigger[ctx.trigger(k)]) {
        ProseCredentials.scan(text, ctx.triggerStart(k), ctx.triggerEnd(k), (s, e) -> {
          int[] f = spans[0];
          int count = f == null ? 0 : f[0];
          // A format matched inside the value: the value is what comes before it, if that
          // still reads as a credential ("…is Xk9!pLq2~|ghp_…").
          int end = e;
          for (int j = 0; j < count; j++) {
            if (f[1 + 2 * j] > s && f[1 + 2 * j] < end) {
              end = f[1 + 2 * j];
            }
          }
          if (end < e) {
            end = ProseCredentials.credentialBefore(text, s, end);
            if (end < 0) {
              return;
            }
          }
          if (!overlapsFound(f, count, s, end)) {
            out.add(s, end, PROSE_TYPE, PROSE_CONFIDENCE, "credential stated in prose");
            spans[0] = record(f, count, s, end);
          }
        });
      }
    }
  }

  private static final double PROSE_CONFIDENCE = 0.85;

  /** Start of the identifier ([A-Za-z0-9_.-]) that reaches {@code at}, looking back to {@code min}. */
  private static int identifierStart(CharSequence text, int at, int min) {
    int i = at;
    while (i > min && isIdentifierChar(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static boolean isIdentifierChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
        || c == '.' || c == '-';
  }

  /**
   * The (pattern, trigger occurrence) pairs where an occurrence gates a pattern, ordered as they
   * are matched: provider formats, then generic ones, each in catalog order, and per pattern its
   * occurrences in text order. Each pair is (generic bit, pattern, occurrence) in one long.
   */
  private long[] gatedPairs(ScanContext ctx) {
    int n = ctx.triggerCount();
    int pairs = 0;
    for (int k = 0; k < n; k++) {
      pairs += patternsOfTrigger[ctx.trigger(k)].length;
    }
    long[] gated = new long[pairs];
    int g = 0;
    for (int k = 0; k < n; k++) {
      for (int pi : patternsOfTrigger[ctx.trigger(k)]) {
        long order = (patterns[pi].generic() ? 1L << 62 : 0) | (long) pi << 32;
        gated[g++] = order | k;
      }
    }
    java.util.Arrays.sort(gated);
    return gated;
  }

  private static int patternOf(long pair) {
    return (int) (pair >>> 32) & 0xFFFF;
  }

  /**
   * Matches a pattern near the trigger at {@code trigger}: the first match starting in the
   * window's head. A match whose secret ends before the trigger belongs to an earlier one ("a=…
   * b=…" within {@code before} chars) or is one of several before it; the search goes on after it.
   */
  private static int[] matchAt(SecretPattern sp, AnchoredPattern tries, CharSequence text,
      int from, int to, int trigger, Hits out, int[] found) {
    while (from < to) {
      int[] m = tries.matchAt(text, from, to);
      if (m == null) {
        return found;
      }
      found = report(sp, m, text, from, out, found, found == null ? 0 : found[0]);
      // A secret before its trigger ("… secret … for AKIA…") may not be the last one there.
      int g = group(sp, m);
      int next = m[2 * g] >= 0 && m[2 * g + 1] < m[1] ? m[2 * g + 1] : m[1];
      if (from + next > trigger || next == 0) {
        return found;
      }
      from += next;
    }
    return found;
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
      found = report(sp, Submatch.of(m), text, from, out, found, found == null ? 0 : found[0]);
    }
    return found;
  }

  /**
   * Validates a match (its group spans, in a window starting at {@code from}) and reports its
   * secret group unless a reported span holds it. One that reaches past a reported span is
   * reported too (a JWT whose signature was taken for an AWS secret key): the redactor merges the
   * two, so no part is left. Validators see the whole text, so the context before the window (the
   * "[TYPE:" of a redaction mask, a key name) counts.
   */
  private static int[] report(SecretPattern sp, int[] m, CharSequence text, int from,
      Hits out, int[] found, int count) {
    int g = group(sp, m);
    if (m[2 * g] < 0 || m[2 * g + 1] <= m[2 * g]) {
      return found;
    }
    int as = from + m[2 * g];
    int ae = from + m[2 * g + 1];
    if (sp.minEntropy() > 0 && Validators.entropy(text, as, ae) < sp.minEntropy()
        || (sp.validator() != null ? !sp.validator().valid(text, as, ae)
            : Validators.fillerSequence(text, as, ae))
        || withinFound(found, count, as, ae)) {
      return found;
    }
    ae = valueEnd(text, as, ae);
    out.add(as, ae, sp.entityType(), sp.confidence(),
        sp.entityType().toLowerCase(Locale.ROOT).replace('_', ' ') + " format matched");
    return record(found, count, as, ae);
  }

  /** Longest value read past the end of a match that stops inside its token. */
  private static final int MAX_VALUE_TAIL = 4096;

  /**
   * End of the value that the match {@code [start, end)} belongs to. A match can stop inside its
   * token (cut by the search window, as with an 84-char xAI key after a 64-char window, or by a
   * format's length bound); the rest of the token is the same secret and must not be left in
   * clear after redaction. A value with {@code /} or {@code +} in it reads as base64 and goes on
   * over those and {@code =}; another stops at them ("…/api/v1/TOKEN/telemetry"), taking only
   * a closing padding {@code =} or {@code ==}. A value made of dotted segments (a JWT cut by a
   * length bound) goes on over a dot between token chars.
   */
  private static int valueEnd(CharSequence text, int start, int end) {
    if (end == start || end >= text.length() || !isTokenChar(text.charAt(end - 1))
        && !isBase64Mark(text.charAt(end - 1))) {
      return end;
    }
    boolean base64 = false;
    boolean dotted = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      base64 |= c == '/' || c == '+';
      dotted |= c == '.' && i > start && i + 1 < end && isTokenChar(text.charAt(i - 1))
          && isTokenChar(text.charAt(i + 1));
    }
    int limit = Math.min(text.length(), end + MAX_VALUE_TAIL);
    int e = end;
    while (e < limit) {
      char c = text.charAt(e);
      if (isTokenChar(c) || base64 && isBase64Mark(c)
          || dotted && c == '.' && e + 1 < text.length() && isTokenChar(text.charAt(e + 1))) {
        e++;
      } else {
        break;
      }
    }
    // Base64 padding closing the value, even where no '/' or '+' marked it (encoded ASCII).
    int p = e;
    while (p < e + 2 && p < text.length() && text.charAt(p) == '=') {
      p++;
    }
    return p > e && (p == text.length() || !isTokenChar(text.charAt(p))) ? p : e;
  }

  private static boolean isTokenChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
        || c == '-';
  }

  private static boolean isBase64Mark(char c) {
    return c == '/' || c == '+' || c == '=';
  }

  /** The group holding the secret; for alternatives with one group each, the first that took part. */
  private static int group(SecretPattern sp, int[] m) {
    int g = sp.group();
    if (g < 0) {
      g = 1;
      while (g < m.length / 2 - 1 && m[2 * g] < 0) {
        g++;
      }
    }
    return g;
  }

  /** Appends [s, e) to the spans array [count, s0, e0, ...] (allocated or grown as needed). */
  private static int[] record(int[] found, int count, int s, int e) {
    if (found == null) {
      found = new int[17];
    } else if (2 * count + 3 > found.length) {
      found = java.util.Arrays.copyOf(found, found.length * 2);
    }
    found[1 + 2 * count] = s;
    found[2 + 2 * count] = e;
    found[0] = count + 1;
    return found;
  }

  private static boolean withinFound(int[] found, int count, int s, int e) {
    for (int k = 0; k < count; k++) {
      if (found[1 + 2 * k] <= s && e <= found[2 + 2 * k]) {
        return true;
      }
    }
    return false;
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
