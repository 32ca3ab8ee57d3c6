package io.guardstream.guard.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.google.re2j.Submatch;
import io.guardstream.guard.text.Slice;
import java.util.List;
import java.util.Locale;

/**
 * Type {@code regex}: an RE2 pattern (linear time, no backtracking). With {@code triggers} the
 * pattern only runs when one of the literals occurs, and with {@code window} only in that many
 * chars around each occurrence, so a costly pattern stays cheap on ordinary text.
 */
public final class RegexDetector implements Detector {
  /** Starts with '^' when it is only tried at given positions (anchored, or {@link #starts}). */
  private final Pattern pattern;
  /** Where a search's match can start; null when the pattern does not tell. */
  private final StartLiterals starts;
  /** The pattern tried at given positions (anchored, or {@link #starts}); else null. */
  private final AnchoredPattern tries;
  /** For a search: whether a window holds a match ({@code ^[\s\S]*?(?:…)}); null if unreadable. */
  private final MatchEnd windowFilter;
  private final View view;
  private final List<String> triggers;
  private final int window;
  private final int group;
  private final double minEntropy;
  private final Validators.Validator validator;
  private final int minMatches;
  private final boolean anchored;
  /** Triggers from index {@code gateFrom} on are "requires" literals: they only gate the rule. */
  private final int gateFrom;

  private RegexDetector(Pattern pattern, StartLiterals starts, View view, List<String> triggers,
      int window, int group, double minEntropy, Validators.Validator validator, int minMatches,
      boolean anchored, int gateFrom) {
    this.pattern = pattern;
    this.starts = starts;
    boolean positioned = anchored || starts != null;
    this.tries = positioned ? new AnchoredPattern(pattern, group != 0) : null;
    this.windowFilter = positioned ? null
        : MatchEnd.of(Pattern.compile("^[\\s\\S]*?(?:" + pattern.pattern() + ")",
            pattern.flags()));
    this.view = view;
    this.triggers = triggers;
    this.window = window;
    this.group = group;
    this.minEntropy = minEntropy;
    this.validator = validator;
    this.minMatches = minMatches;
    this.anchored = anchored;
    this.gateFrom = gateFrom;
  }

  /** The {@code regex} detector type. */
  public static final class Type implements DetectorType {
    @Override
    public String name() {
      return "regex";
    }

    @Override
    public Detector compile(Params p) {
      String source = p.string("pattern", null, true);
      View view = parseView(p, View.RAW);
      boolean caseInsensitive = p.bool("case_insensitive", view == View.NORMALIZED);
      List<String> triggers = p.strings("triggers", false);
      int window = p.integer("window", 0, 0, 1 << 20);
      int group = p.integer("group", 0, 0, 99);
      double minEntropy = p.number("min_entropy", 0, 0, 8);
      int minMatches = p.integer("min_matches", 1, 1, 1000);
      boolean anchored = p.bool("anchored", false);
      List<String> requires = p.strings("requires", false);
      String validatorName = p.string("validator", null, false);
      Validators.Validator validator = null;
      if (validatorName != null) {
        validator = Validators.byName(validatorName);
        if (validator == null) {
          p.error("validator", "unknown validator '" + validatorName + "' (known: "
              + Validators.names() + ")");
        }
      }
      if (window > 0 && triggers.isEmpty()) {
        p.error("window", "needs triggers");
      }
      if (anchored && (triggers.isEmpty() || window == 0)) {
        p.error("anchored", "needs triggers and a window");
      }
      if (!requires.isEmpty() && triggers.isEmpty()) {
        p.error("requires", "needs triggers");
      }
      p.rejectUnknown();
      if (source == null) {
        return null;
      }
      Pattern pattern;
      StartLiterals starts = null;
      try {
        // Anchored patterns start with '^': RE2J then stops at the first position where no thread
        // is alive instead of stepping to the end of the window (half the cost of a miss).
        int flags = caseInsensitive ? Pattern.CASE_INSENSITIVE : 0;
        pattern = Pattern.compile(source, flags);
        starts = anchored ? null : StartLiterals.of(source);
        if (anchored || starts != null) {
          pattern = Pattern.compile("^(?:" + source + ")", flags);
        }
      } catch (PatternSyntaxException e) {
        p.error("pattern", "invalid RE2 syntax: " + e.getDescription());
        return null;
      }
      if (group > pattern.groupCount()) {
        p.error("group", "pattern has only " + pattern.groupCount() + " groups");
        return null;
      }
      List<String> all = new java.util.ArrayList<>(triggers);
      all.addAll(requires);
      return new RegexDetector(pattern, starts, view, List.copyOf(all), window, group,
          minEntropy, validator, minMatches, anchored,
          requires.isEmpty() ? Integer.MAX_VALUE : triggers.size());
    }
  }

  static View parseView(Params p, View fallback) {
    String v = p.string("view", null, false);
    if (v == null) {
      return fallback;
    }
    switch (v.toLowerCase(Locale.ROOT)) {
      case "raw":
        return View.RAW;
      case "normalized":
      case "normalised":
        return View.NORMALIZED;
      default:
        p.error("view", "must be raw or normalized, was '" + v + "'");
        return fallback;
    }
  }

  @Override
  public View view() {
    return view;
  }

  @Override
  public List<String> triggers() {
    return triggers;
  }

  @Override
  public void detect(ScanContext ctx, Hits out) {
    if (minMatches > 1) {
      // Only several matches count: collect them, then report all or nothing.
      Collected collected = new Collected();
      scan(ctx, collected);
      if (collected.count >= minMatches) {
        collected.replay(out);
      }
      return;
    }
    scan(ctx, out);
  }

  private void scan(ScanContext ctx, Hits out) {
    CharSequence text = ctx.text();
    if (gateFrom != Integer.MAX_VALUE && !gateOpen(ctx)) {
      return;
    }
    if (anchored) {
      // The match starts where a trigger starts: try the pattern there only (cheap, no search),
      // and only if a required literal occurs inside the window after it.
      int[] gates = gateStarts(ctx);
      int last = -1;
      for (int k = 0; k < ctx.triggerCount(); k++) {
        int s = ctx.triggerStart(k);
        if (s <= last || ctx.trigger(k) >= gateFrom
            || s > 0 && Character.isLetterOrDigit(text.charAt(s - 1))) {
          continue; // anchored matches start a word
        }
        int e = Math.min(text.length(), s + window);
        if (gates != null && !anyIn(gates, s, e)) {
          continue;
        }
        int[] m = tries.matchAt(text, s, e);
        if (m != null && report(m, text, s, out)) {
          last = s + m[1] - 1; // a rejected match leaves its words to later triggers
        }
      }
      return;
    }
    if (window == 0 || ctx.triggerCount() == 0) {
      run(text, 0, text.length(), out);
      return;
    }
    // Merge overlapping windows around the trigger occurrences, then match inside each.
    int winStart = -1;
    int winEnd = -1;
    for (int k = 0; k < ctx.triggerCount(); k++) {
      if (ctx.trigger(k) >= gateFrom) {
        continue;
      }
      int s = Math.max(0, ctx.triggerStart(k) - window);
      int e = Math.min(text.length(), ctx.triggerEnd(k) + window);
      if (winStart >= 0 && s <= winEnd) {
        winEnd = Math.max(winEnd, e);
      } else {
        if (winStart >= 0) {
          run(text, winStart, winEnd, out);
        }
        winStart = s;
        winEnd = e;
      }
    }
    run(text, winStart, winEnd, out);
  }

  /** Sorted starts of the required literals' occurrences, or null when the rule has none. */
  private int[] gateStarts(ScanContext ctx) {
    if (gateFrom == Integer.MAX_VALUE) {
      return null;
    }
    int n = 0;
    for (int k = 0; k < ctx.triggerCount(); k++) {
      if (ctx.trigger(k) >= gateFrom) {
        n++;
      }
    }
    int[] starts = new int[n];
    n = 0;
    for (int k = 0; k < ctx.triggerCount(); k++) {
      if (ctx.trigger(k) >= gateFrom) {
        starts[n++] = ctx.triggerStart(k);
      }
    }
    java.util.Arrays.sort(starts);
    return starts;
  }

  private static boolean anyIn(int[] sorted, int from, int to) {
    int i = java.util.Arrays.binarySearch(sorted, from);
    if (i < 0) {
      i = -i - 1;
    }
    return i < sorted.length && sorted[i] < to;
  }

  /** Whether both a trigger and one of the required literals occurred. */
  private boolean gateOpen(ScanContext ctx) {
    boolean trigger = false;
    boolean required = false;
    for (int k = 0; k < ctx.triggerCount() && !(trigger && required); k++) {
      if (ctx.trigger(k) >= gateFrom) {
        required = true;
      } else {
        trigger = true;
      }
    }
    return trigger && required;
  }

  private void run(CharSequence text, int from, int to, Hits out) {
    CharSequence slice = from == 0 && to == text.length() ? text : new Slice(text, from, to);
    if (starts != null) {
      runFromStarts(slice, text, from, out);
      return;
    }
    if (windowFilter != null && windowFilter.end(slice, 0, slice.length()) == MatchEnd.NONE) {
      return;
    }
    Matcher m = pattern.matcher(slice);
    int pos = 0;
    while (pos <= slice.length() && m.find(pos)) {
      pos = m.end() > m.start() ? m.end() : m.end() + 1;
      report(Submatch.of(m), text, from, out);
    }
  }

  /**
   * The search of {@link #run}, trying the anchored pattern only where a start literal agrees: the
   * leftmost position where it matches is where the search would have found its match.
   */
  private void runFromStarts(CharSequence slice, CharSequence text, int from, Hits out) {
    int n = slice.length();
    for (int p = 0; p < n; p++) {
      int[] m = starts.mayStartAt(slice, p) ? tries.matchAt(slice, p, n) : null;
      if (m != null) {
        report(m, text, from + p, out);
        p += m[1] - 1; // a start literal is never empty, so neither is the match
      }
    }
  }

  /**
   * Reports a match (its group spans, {@link Submatch}) in a window starting at {@code offset}
   * unless its group is empty or fails the checks (validators see the whole text); returns
   * whether it was reported.
   */
  private boolean report(int[] m, CharSequence text, int offset, Hits out) {
    if (m[2 * group] < 0 || m[2 * group + 1] <= m[2 * group]) {
      return false;
    }
    int s = offset + m[2 * group];
    int e = offset + m[2 * group + 1];
    if (minEntropy > 0 && Validators.entropy(text, s, e) < minEntropy
        || validator != null && !validator.valid(text, s, e)) {
      return false;
    }
    out.add(s, e, null, 1.0, "pattern matched");
    return true;
  }

  /** Buffers hits until it is known whether enough were found. */
  private static final class Collected implements Hits {
    private final java.util.List<int[]> spans = new java.util.ArrayList<>();
    private final java.util.List<String> messages = new java.util.ArrayList<>();
    private int count;

    @Override
    public void add(int start, int end, String entityType, double confidence, String message) {
      spans.add(new int[] {start, end});
      messages.add(message);
      count = spans.size();
    }

    void replay(Hits out) {
      for (int i = 0; i < spans.size(); i++) {
        out.add(spans.get(i)[0], spans.get(i)[1], null, 1.0, messages.get(i));
      }
    }
  }
}
