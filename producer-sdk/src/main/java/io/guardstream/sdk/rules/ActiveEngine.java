package io.guardstream.sdk.rules;

import io.guardstream.guard.GuardEngine;
import io.guardstream.guard.GuardOptions;
import io.guardstream.guard.RuleSet;
import io.guardstream.guard.RuleSetParser;
import io.guardstream.guard.RuleSetValidationException;
import io.guardstream.schema.GuardRuleSet;
import io.guardstream.schema.RuleSetFormat;
import io.guardstream.sdk.metrics.SdkCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard engine the SDK's inline checks and redaction use: the built-in rule set until the
 * followed rule set is published, then that one. An invalid published set is rejected (logged,
 * counted) and the current engine stays; a deleted one (tombstone) brings back the defaults, as in
 * the streams app. Built on first use, so apps that never check or redact do not pay for it.
 */
public final class ActiveEngine {
  private static final Logger log = LoggerFactory.getLogger(ActiveEngine.class);

  /** The engine in force and where its rules came from. */
  private record Active(GuardEngine engine, String version, String sha256) {}

  private final GuardOptions options;
  private final SdkCounters counters;
  private final Runnable onFirstUse;
  private volatile Active current;
  private Active defaults;

  /**
   * @param onFirstUse started once when the engine is first needed (e.g. the rule-set follower)
   */
  public ActiveEngine(GuardOptions options, SdkCounters counters, Runnable onFirstUse) {
    this.options = options;
    this.counters = counters;
    this.onFirstUse = onFirstUse;
  }

  /** The engine in force (built with the defaults on first call). */
  public GuardEngine engine() {
    Active a = current;
    if (a == null) {
      a = init();
    }
    return a.engine();
  }

  private synchronized Active init() {
    if (current == null) {
      RuleSet builtIn = RuleSet.defaults();
      defaults = new Active(GuardEngine.create(builtIn, options), builtIn.version(), "built-in");
      current = defaults;
      onFirstUse.run();
    }
    return current;
  }

  /** Version of the rule set in force, or null before first use. */
  public String version() {
    Active a = current;
    return a == null ? null : a.version();
  }

  /**
   * Validates, compiles and activates a published rule set.
   *
   * @return true when it is in force, false when it was rejected
   */
  public synchronized boolean publish(GuardRuleSet published) {
    Active now = current != null ? current : init();
    if (published.getSha256().equals(now.sha256())) {
      return true;
    }
    try {
      RuleSet rules = RuleSetParser.parse(published.getDocument(),
          published.getFormat() == RuleSetFormat.JSON ? RuleSetParser.Format.JSON : RuleSetParser.Format.YAML);
      current = new Active(GuardEngine.create(rules, options), rules.version(), published.getSha256());
      counters.rulesApplied.increment();
      log.info("guardstream: rule set {} version {} is now active for inline checks", published.getRuleSetId(),
          rules.version());
      return true;
    } catch (RuleSetValidationException | IllegalArgumentException e) {
      counters.rulesRejected.increment();
      log.error("guardstream: rejected rule set {} version {}: {}; keeping version {}", published.getRuleSetId(),
          published.getVersion(), e.getMessage(), now.version());
      return false;
    }
  }

  /** The followed rule set was deleted: back to the built-in defaults. */
  public synchronized void revertToDefaults() {
    if (current != null && current != defaults) {
      current = defaults;
      log.info("guardstream: published rule set removed; built-in defaults {} are active", defaults.version());
    }
  }
}
