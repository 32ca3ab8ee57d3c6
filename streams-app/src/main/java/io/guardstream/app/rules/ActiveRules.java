package io.guardstream.app.rules;

import io.guardstream.app.metrics.GuardMetrics;
import io.guardstream.guard.GuardEngine;
import io.guardstream.guard.RuleSet;
import io.guardstream.guard.RuleSetParser;
import io.guardstream.guard.RuleSetValidationException;
import io.guardstream.schema.GuardRuleSet;
import io.guardstream.schema.RuleSetFormat;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled rule set in force in this instance, shared by all stream threads. The global
 * rules updater swaps it when a valid rule set is published; an invalid one is rejected (logged,
 * counted) and the current one stays. Starts with the built-in defaults.
 */
public final class ActiveRules {
  private static final Logger log = LoggerFactory.getLogger(ActiveRules.class);

  /** The engine in force and where it came from. */
  public record Active(GuardEngine engine, String ruleSetId, String version, String sha256) {}

  private final Function<RuleSet, GuardEngine> compiler;
  private final GuardMetrics metrics;
  private final Active defaults;
  private final AtomicReference<Active> current;

  /**
   * @param compiler builds an engine for a rule set with this instance's options
   */
  public ActiveRules(Function<RuleSet, GuardEngine> compiler, GuardMetrics metrics) {
    this.compiler = compiler;
    this.metrics = metrics;
    RuleSet builtIn = RuleSet.defaults();
    this.defaults = new Active(compiler.apply(builtIn), builtIn.id(), builtIn.version(), "built-in");
    this.current = new AtomicReference<>(defaults);
    metrics.activeRuleSet(builtIn.id(), builtIn.version());
  }

  public GuardEngine engine() {
    return current.get().engine();
  }

  public Active active() {
    return current.get();
  }

  /**
   * Validates, compiles and activates a published rule set.
   *
   * @return true when it is now in force, false when it was rejected
   */
  public boolean publish(GuardRuleSet published) {
    Active now = current.get();
    if (published.getSha256().equals(now.sha256())) {
      return true;
    }
    try {
      RuleSet rules = RuleSetParser.parse(published.getDocument(),
          published.getFormat() == RuleSetFormat.JSON ? RuleSetParser.Format.JSON : RuleSetParser.Format.YAML);
      Active next = new Active(compiler.apply(rules), published.getRuleSetId(), rules.version(), published.getSha256());
      current.set(next);
      metrics.activeRuleSet(next.ruleSetId(), next.version());
      log.info("rule set {} version {} is now active ({} rules)", next.ruleSetId(), next.version(), rules.rules().size());
      return true;
    } catch (RuleSetValidationException | IllegalArgumentException e) {
      metrics.rulesRejected();
      log.error("rejected rule set {} version {}: {}; keeping {} version {}", published.getRuleSetId(),
          published.getVersion(), e.getMessage(), now.ruleSetId(), now.version());
      return false;
    }
  }

  /** The published rule set was deleted: fall back to the built-in defaults. */
  public void revertToDefaults() {
    current.set(defaults);
    metrics.activeRuleSet(defaults.ruleSetId(), defaults.version());
    log.info("published rule set removed; built-in defaults {} are active", defaults.version());
  }
}
