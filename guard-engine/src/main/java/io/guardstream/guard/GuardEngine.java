package io.guardstream.guard;

import io.guardstream.guard.detect.Detector;
import io.guardstream.guard.detect.DetectorRegistry;
import io.guardstream.guard.detect.View;
import io.guardstream.guard.redact.Pseudonymizer;
import io.guardstream.guard.redact.Redactor;
import io.guardstream.guard.text.EncodedPayload;
import io.guardstream.guard.text.NormalizedText;
import io.guardstream.guard.text.PayloadDecoder;
import io.guardstream.guard.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks events against a rule set: normalise → detectors → findings → prompt_attack score →
 * decision → redaction. Immutable and thread-safe; every rule is compiled at construction, so
 * {@link #check} only scans.
 *
 * <p>Pipeline per text field (content, tool arguments, attribute values): one Aho–Corasick pass
 * per view finds the trigger literals of every rule, only rules whose triggers occurred (or that
 * have none) run, then encoded runs (base64, hex, URL) are decoded and scanned the same way up to
 * {@link GuardOptions#maxDecodeDepth()}. Event-level rules (allow-lists, document access) run once.
 *
 * <p>Prompt attack: each prompt_attack rule contributes the noisy-OR of its distinct matches'
 * confidences (so several weak phrases add up) and the classifier its calibrated score; the
 * prompt_attack score is the noisy-OR of those contributions (each below
 * {@value #MIN_CONTRIBUTION} ignored). At or above {@link GuardOptions#promptAttackThreshold()}
 * (0.5 by default) the contributing findings are reported; below it none is.
 */
public final class GuardEngine {
  /** Contributions to the prompt_attack score below this are noise and ignored. */
  static final double MIN_CONTRIBUTION = 0.25;

  /** Where redacted spans overlap, a secret's mask wins over a PII mask over any other. */
  private static final Map<String, Integer> MASK_PRIORITY = Map.of("secret", 2, "pii", 1);

  private final RuleSet ruleSet;
  private final GuardOptions options;
  private final Pseudonymizer pseudonymizer;
  /** Per event kind: raw-view, normalised-view and event-level rules. */
  private final ViewPlan[] rawPlans;
  private final ViewPlan[] normPlans;
  private final CompiledRule[][] eventRules;

  private GuardEngine(RuleSet ruleSet, GuardOptions options, List<CompiledRule> compiled) {
    this.ruleSet = ruleSet;
    this.options = options;
    byte[] key = options.pseudonymKey();
    this.pseudonymizer = key == null ? null : new Pseudonymizer(key);
    int kinds = Kind.values().length;
    this.rawPlans = new ViewPlan[kinds];
    this.normPlans = new ViewPlan[kinds];
    this.eventRules = new CompiledRule[kinds][];
    for (Kind kind : Kind.values()) {
      List<CompiledRule> raw = new ArrayList<>();
      List<CompiledRule> norm = new ArrayList<>();
      List<CompiledRule> event = new ArrayList<>();
      for (CompiledRule r : compiled) {
        if (!r.rule().kinds().contains(kind)) {
          continue;
        }
        View v = r.detector().view();
        (v == View.RAW ? raw : v == View.NORMALIZED ? norm : event).add(r);
      }
      rawPlans[kind.ordinal()] = new ViewPlan(raw, false);
      normPlans[kind.ordinal()] = new ViewPlan(norm, true);
      eventRules[kind.ordinal()] = event.toArray(new CompiledRule[0]);
    }
  }

  /**
   * Compiles {@code rules} with the built-in detector types.
   *
   * @throws RuleSetValidationException if a rule's detector does not compile
   */
  public static GuardEngine create(RuleSet rules, GuardOptions options) {
    return create(rules, options, DetectorRegistry.builtIn());
  }

  /** Compiles {@code rules} with the detector types of {@code registry}. */
  public static GuardEngine create(RuleSet rules, GuardOptions options, DetectorRegistry registry) {
    List<String> errors = new ArrayList<>();
    List<CompiledRule> compiled = new ArrayList<>();
    int index = 0;
    for (Rule rule : rules.rules()) {
      if (!rule.enabled()) {
        continue;
      }
      var type = registry.get(rule.detectorType());
      if (type == null) {
        errors.add("rule '" + rule.id() + "': detector.type: unknown detector type '"
            + rule.detectorType() + "'");
        continue;
      }
      Detector d = RuleSetParser.compile(type, rule.id(), rule.params(), errors);
      if (d != null) {
        compiled.add(new CompiledRule(rule, d, index++));
      }
    }
    if (!errors.isEmpty()) {
      throw new RuleSetValidationException(errors);
    }
    return new GuardEngine(rules, options, compiled);
  }

  /** The built-in rule set with default options. */
  public static GuardEngine withDefaults() {
    return create(RuleSet.defaults(), GuardOptions.defaults());
  }

  /** Version of the rule set this engine enforces. */
  public String ruleSetVersion() {
    return ruleSet.version();
  }

  /** The rule set this engine enforces. */
  public RuleSet ruleSet() {
    return ruleSet;
  }

  /** The options this engine runs with. */
  public GuardOptions options() {
    return options;
  }

  /** Checks one event. Never throws on any content. Thread-safe. */
  public GuardResult check(GuardRequest request) {
    Scan scan = Scan.begin(request, options, pseudonymizer);
    try {
      return check(scan, request);
    } finally {
      scan.end();
    }
  }

  private GuardResult check(Scan scan, GuardRequest request) {
    Kind kind = request.kind();
    ViewPlan raw = rawPlans[kind.ordinal()];
    ViewPlan norm = normPlans[kind.ordinal()];
    int contentKeep = scanField(scan, raw, norm, "content", request.content());
    int argsKeep = scanField(scan, raw, norm, "tool.arguments", request.toolArguments());
    Map<String, Integer> attrKeep = Map.of();
    if (!request.attributes().isEmpty()) {
      attrKeep = new HashMap<>();
      for (Map.Entry<String, String> a : new TreeMap<>(request.attributes()).entrySet()) {
        attrKeep.put(a.getKey(),
            scanField(scan, raw, norm, "attributes." + a.getKey(), a.getValue()));
      }
    }
    for (CompiledRule r : eventRules[kind.ordinal()]) {
      if (r.rule().inScope(request.tenant(), request.appName())) {
        scan.field = r.detector() instanceof io.guardstream.guard.detect.DocumentAccessDetector
            ? "documents" : "event";
        scan.location = scan.field;
        scan.selectEvent(r);
        r.detector().detect(scan, scan);
      }
    }
    return finish(scan, kind, contentKeep, argsKeep, attrKeep);
  }

  /** Scans one field; returns how many of its chars were scanned. */
  private int scanField(Scan scan, ViewPlan raw, ViewPlan norm, String field, String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? 0 : value.length();
    }
    int len = value.length();
    if (len > options.maxScanChars()) {
      scan.limit(GuardOptions.MAX_SCAN_CHARS);
      len = options.maxScanChars();
      if (Character.isHighSurrogate(value.charAt(len - 1))) {
        len--;
      }
    }
    scan.field = field;
    scan.fieldText = value;
    String text = len == value.length() ? value : value.substring(0, len);
    scanText(scan, raw, norm, field, text, 0, null);
    return len;
  }

  private void scanText(Scan scan, ViewPlan raw, ViewPlan norm, String location,
      String text, int depth, Span fixedSpan) {
    scan.location = location;
    scan.fixedSpan = fixedSpan;
    char[] chars = scan.rawChars(text);
    if (!raw.isEmpty()) {
      scan.text = text;
      scan.normalized = null;
      runPlan(scan, raw);
    }
    if (!norm.isEmpty()) {
      // The buffer is reused by decoded payloads below: this view is not needed after its plan.
      NormalizedText nt = TextNormalizer.normalize(text, text.length(), scan.normBuffer);
      scan.text = nt;
      scan.normalized = nt;
      scan.location = location;
      scan.fixedSpan = fixedSpan;
      runPlan(scan, norm);
    }
    if (scan.decodeBudget <= 0) {
      return;
    }
    // A whole text in rot13 or written backwards is decoded as one payload, so every rule reads
    // it in clear; its decoding is not looked at that way again.
    List<EncodedPayload> payloads = PayloadDecoder.find(chars, text.length(), scan.decodeBudget,
        !location.endsWith("+rot13") && !location.endsWith("+reversed"));
    if (payloads.isEmpty()) {
      return;
    }
    if (depth >= options.maxDecodeDepth()) {
      scan.limit(GuardOptions.MAX_DECODE_DEPTH);
      return;
    }
    for (EncodedPayload p : payloads) {
      scan.decodeBudget -= p.decoded().length();
      if (scan.decodeBudget <= 0) {
        scan.limit(GuardOptions.MAX_DECODED_CHARS);
      }
      Span span = fixedSpan != null ? fixedSpan : new Span(p.start(), p.end());
      scanText(scan, raw, norm, location + "+" + p.encoding(), p.decoded(), depth + 1, span);
      if (scan.decodeBudget <= 0) {
        return;
      }
    }
  }

  private static void runPlan(Scan scan, ViewPlan plan) {
    scan.findTriggers(plan);
    GuardRequest req = scan.request;
    for (int r = 0; r < plan.rules.length; r++) {
      if (!plan.always[r] && scan.triggersOf(r) == 0) {
        continue;
      }
      CompiledRule rule = plan.rules[r];
      if (!rule.rule().inScope(req.tenant(), req.appName())) {
        continue;
      }
      scan.select(r);
      rule.detector().detect(scan, scan);
    }
  }

  private GuardResult finish(Scan scan, Kind kind, int contentKeep, int argsKeep,
      Map<String, Integer> attrKeep) {
    // prompt_attack: per rule, distinct matches add up (noisy-OR); then noisy-OR across rules
    // and the classifier.
    Map<Integer, Map<String, Double>> perRuleKeys = new HashMap<>();
    for (Scan.Hit h : scan.hits) {
      if (h.rule.promptAttack()) {
        perRuleKeys.computeIfAbsent(h.rule.index(), k -> new HashMap<>())
            .merge(h.key, h.confidence, Math::max);
      }
    }
    Map<Integer, Double> perRule = new HashMap<>();
    perRuleKeys.forEach((rule, keys) -> {
      double none = 1.0;
      for (double c : keys.values()) {
        none *= 1 - c;
      }
      perRule.put(rule, 1 - none);
    });
    double none = 1.0;
    for (double c : perRule.values()) {
      if (c >= MIN_CONTRIBUTION) {
        none *= 1 - c;
      }
    }
    double attackScore = perRule.isEmpty() ? 0.0 : 1 - none;
    if (attackScore == 0.0 && !perRule.isEmpty()) {
      attackScore = perRule.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
    boolean attack = attackScore >= options.promptAttackThreshold();

    Map<String, Double> scores = new LinkedHashMap<>();
    if (kind.direction() == Direction.INPUT) {
      scores.put("prompt_attack", attackScore);
    }
    List<Scan.Hit> kept = new ArrayList<>();
    for (Scan.Hit h : scan.hits) {
      if (h.rule.promptAttack()) {
        if (attack && h.confidence >= MIN_CONTRIBUTION) {
          kept.add(h);
        }
        continue;
      }
      kept.add(h);
      scores.merge(h.rule.rule().category(), h.confidence, Math::max);
    }
    kept.sort(FINDING_ORDER);

    List<Finding> findings = new ArrayList<>(Math.min(kept.size(), options.maxFindings()));
    Decision decision = Decision.ALLOW;
    Map<String, List<Redactor.Replacement>> redactions = new HashMap<>();
    for (Scan.Hit h : kept) {
      Rule rule = h.rule.rule();
      Decision d = switch (rule.action()) {
        case ALERT -> Decision.FLAG;
        case REDACT -> Decision.REDACT;
        case BLOCK -> Decision.BLOCK;
      };
      if (d.compareTo(decision) > 0) {
        decision = d;
      }
      if (h.span != null && h.rule.redacts()) {
        redactions.computeIfAbsent(h.field, f -> new ArrayList<>())
            .add(new Redactor.Replacement(h.span, Redactor.mask(h.entityType, h.token),
                MASK_PRIORITY.getOrDefault(h.rule.rule().category(), 0)));
      }
      if (findings.size() < options.maxFindings()) {
        findings.add(new Finding(rule.id(), rule.category(), h.entityType, rule.severity(),
            h.confidence, rule.action(), rule.detectorType(), h.location, h.span,
            h.token == null ? null : Redactor.mask(h.entityType, h.token), h.message,
            rule.tags()));
      } else {
        scan.limit(GuardOptions.MAX_FINDINGS);
      }
    }

    GuardRequest req = scan.request;
    String content = redact(req.content(), redactions.get("content"), contentKeep);
    String args = redact(req.toolArguments(), redactions.get("tool.arguments"), argsKeep);
    Map<String, String> attrs = new TreeMap<>();
    for (Map.Entry<String, String> a : req.attributes().entrySet()) {
      attrs.put(a.getKey(), redact(a.getValue(), redactions.get("attributes." + a.getKey()),
          attrKeep.getOrDefault(a.getKey(), 0)));
    }
    return new GuardResult(findings, decision, scores, new ArrayList<>(scan.limits),
        ruleSet.version(), content, args, attrs);
  }

  /** Findings in field order (content, tool arguments, attributes), then by position. */
  private static final Comparator<Scan.Hit> FINDING_ORDER =
      Comparator.comparingInt((Scan.Hit h) -> fieldOrder(h.field))
          .thenComparing(h -> h.field)
          .thenComparingInt(h -> h.span == null ? -1 : h.span.start());

  private static int fieldOrder(String field) {
    if (field.equals("content")) {
      return 0;
    }
    if (field.equals("tool.arguments")) {
      return 1;
    }
    return field.startsWith("attributes.") ? 2 : 3;
  }

  private static String redact(String value, List<Redactor.Replacement> spans, int keep) {
    if (value == null) {
      return null;
    }
    return Redactor.apply(value, spans == null ? List.of() : spans, keep);
  }

  @Override
  public String toString() {
    return "GuardEngine[" + ruleSet.id() + "@" + ruleSet.version() + ", "
        + Arrays.stream(rawPlans).mapToInt(p -> p.rules.length).sum() + " raw rule runs]";
  }
}
