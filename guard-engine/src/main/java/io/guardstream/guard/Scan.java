package io.guardstream.guard;

import io.guardstream.guard.detect.Hits;
import io.guardstream.guard.detect.ScanContext;
import io.guardstream.guard.detect.SlotPool;
import io.guardstream.guard.redact.Pseudonymizer;
import io.guardstream.guard.text.LiteralMatcher;
import io.guardstream.guard.text.NormalizedText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The mutable state of one {@link GuardEngine#check} call: the current field and view, trigger
 * occurrences, and every hit reported so far. Checks reuse them (with their buffers: the
 * normalised view, trigger tables) from a {@link SlotPool}, so a check allocates little beyond its
 * result; one check at a time uses one.
 */
final class Scan implements ScanContext, Hits, LiteralMatcher.Sink {

  private static final SlotPool<Scan> POOL = new SlotPool<>(Scan::new);

  /** A free scan, set up for {@code request}; {@link #end} gives it back. */
  static Scan begin(GuardRequest request, GuardOptions options, Pseudonymizer pseudonymizer) {
    Scan scan = POOL.borrow();
    scan.request = request;
    scan.options = options;
    scan.pseudonymizer = pseudonymizer;
    scan.decodeBudget = options.maxDecodedChars();
    return scan;
  }

  /** Ends the check: drops every reference to the request's data; buffers stay for the next. */
  void end() {
    request = null;
    options = null;
    pseudonymizer = null;
    hits.clear();
    limits.clear();
    field = null;
    fieldText = null;
    location = null;
    text = null;
    normalized = null;
    fixedSpan = null;
    rule = null;
    plan = null;
    POOL.giveBack(this);
  }

  /** One detector hit, mapped to the original field. */
  static final class Hit {
    final CompiledRule rule;
    final String field;
    final String location;
    final Span span;
    final String entityType;
    final double confidence;
    final String message;
    final String token;
    /** What was matched, as scanned (prompt_attack hits only): distinct keys add up. */
    final String key;

    Hit(CompiledRule rule, String field, String location, Span span, String entityType,
        double confidence, String message, String token, String key) {
      this.rule = rule;
      this.field = field;
      this.location = location;
      this.span = span;
      this.entityType = entityType;
      this.confidence = confidence;
      this.message = message;
      this.token = token;
      this.key = key;
    }
  }

  GuardRequest request;
  GuardOptions options;
  Pseudonymizer pseudonymizer;
  final List<Hit> hits = new ArrayList<>();
  final Set<String> limits = new LinkedHashSet<>();
  int decodeBudget;
  /** Buffers of the normalised view, refilled for every text scanned. */
  final NormalizedText normBuffer = new NormalizedText();
  /**
   * The chars of the raw text being scanned, refilled for every text: the per-char loops of the
   * trigger scan and the payload finder read an array much faster than a String.
   */
  private char[] rawChars = new char[1024];
  private int rawLength;

  // Current field and view.
  String field;
  String fieldText;
  String location;
  CharSequence text;
  NormalizedText normalized;
  Span fixedSpan;
  CompiledRule rule;

  // Trigger occurrences of the current view: automaton literal id, start, end.
  private int[] trig = new int[48];
  private int trigCount;
  private int maxTrig;
  private ViewPlan plan;
  // Occurrences grouped by owning rule: order[] indexes into trig, ruleStart[] per rule.
  private int[] order = new int[16];
  private int[] ruleStart = new int[8];
  private int[] fill = new int[8];
  private int ruleOffset;
  private int ruleLength;

  private Scan() {}

  /** Copies {@code text} into the raw char buffer and returns the buffer. */
  char[] rawChars(String text) {
    if (rawChars.length < text.length()) {
      rawChars = new char[Math.max(text.length(), 2 * rawChars.length)];
    }
    text.getChars(0, text.length(), rawChars, 0);
    rawLength = text.length();
    return rawChars;
  }

  void limit(String name) {
    limits.add(name);
  }

  /** Runs the plan's automaton over the current text and groups occurrences by rule. */
  void findTriggers(ViewPlan p) {
    plan = p;
    trigCount = 0;
    maxTrig = options.maxTriggerHits();
    if (p.matcher != null) {
      if (normalized != null) {
        p.matcher.scan(normalized.array(), 0, normalized.length(), this);
      } else {
        p.matcher.scan(rawChars, 0, rawLength, this);
      }
    }
    int rules = p.rules.length;
    if (ruleStart.length < rules + 1) {
      ruleStart = new int[rules + 1];
      fill = new int[rules];
    }
    java.util.Arrays.fill(ruleStart, 0, rules + 1, 0);
    for (int k = 0; k < trigCount; k++) {
      ruleStart[p.owner[trig[3 * k]] + 1]++;
    }
    for (int r = 0; r < rules; r++) {
      ruleStart[r + 1] += ruleStart[r];
    }
    if (order.length < trigCount) {
      order = new int[Math.max(trigCount, order.length * 2)];
    }
    java.util.Arrays.fill(fill, 0, rules, 0);
    for (int k = 0; k < trigCount; k++) {
      int r = p.owner[trig[3 * k]];
      order[ruleStart[r] + fill[r]++] = k;
    }
  }

  @Override
  public void match(int literalId, int start, int end) {
    if (trigCount == maxTrig) {
      limit(GuardOptions.MAX_TRIGGER_HITS);
      return;
    }
    if (3 * trigCount + 3 > trig.length) {
      trig = java.util.Arrays.copyOf(trig, trig.length * 2);
    }
    trig[3 * trigCount] = literalId;
    trig[3 * trigCount + 1] = start;
    trig[3 * trigCount + 2] = end;
    trigCount++;
  }

  /** Number of trigger occurrences of rule {@code r} of the current plan. */
  int triggersOf(int r) {
    return ruleStart[r + 1] - ruleStart[r];
  }

  void select(int r) {
    rule = plan.rules[r];
    ruleOffset = ruleStart[r];
    ruleLength = ruleStart[r + 1] - ruleStart[r];
  }

  void selectEvent(CompiledRule r) {
    rule = r;
    ruleOffset = 0;
    ruleLength = 0;
    text = "";
    normalized = null;
    fixedSpan = null;
  }

  // --- ScanContext

  @Override
  public CharSequence text() {
    return text;
  }

  @Override
  public NormalizedText normalized() {
    return normalized;
  }

  @Override
  public GuardRequest request() {
    return request;
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public int triggerCount() {
    return ruleLength;
  }

  @Override
  public int trigger(int k) {
    return plan.local[trig[3 * order[ruleOffset + k]]];
  }

  @Override
  public int triggerStart(int k) {
    return trig[3 * order[ruleOffset + k] + 1];
  }

  @Override
  public int triggerEnd(int k) {
    return trig[3 * order[ruleOffset + k] + 2];
  }

  // --- Hits

  @Override
  public void add(int start, int end, String entityType, double confidence, String message) {
    String type = entityType == null ? rule.rule().entityType() : entityType;
    double conf = Math.max(0, Math.min(1, confidence)) * rule.rule().confidence();
    Span span = null;
    String token = null;
    if (start >= 0 && end > start && end <= text.length()) {
      if (fixedSpan != null) {
        span = fixedSpan;
      } else if (normalized != null) {
        span = new Span(normalized.originalStart(start), normalized.originalEnd(end));
      } else {
        span = new Span(start, end);
      }
      if (pseudonymizer != null && rule.redacts()) {
        // Decoded and normalised hits are pseudonymised by the value they decode to.
        CharSequence value = fixedSpan != null || normalized != null
            ? text.subSequence(start, end)
            : fieldText.subSequence(span.start(), span.end());
        token = pseudonymizer.token(value);
      }
    }
    String key = !rule.promptAttack() ? null
        : span == null ? message : text.subSequence(start, end).toString();
    hits.add(new Hit(rule, field, location, span, type, conf, message, token, key));
  }
}
