package io.guardstream.guard;

import io.guardstream.guard.detect.Detector;
import io.guardstream.guard.text.LiteralMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that scan one view for one event kind, with all their trigger literals merged into
 * one automaton so a single pass over the text gates every detector.
 */
final class ViewPlan {
  final CompiledRule[] rules;
  /** Always-run rules (no triggers). */
  final boolean[] always;
  /** Automaton over every trigger of every rule, or null when no rule has triggers. */
  final LiteralMatcher matcher;
  /** For each automaton literal: owning rule (index into {@link #rules}) and local trigger id. */
  final int[] owner;
  final int[] local;

  /**
   * The plan of {@code rules}; with {@code wordStarts} (the normalised view, where words are
   * separated by single spaces) triggers are matched at word starts only.
   */
  ViewPlan(List<CompiledRule> rules, boolean wordStarts) {
    this.rules = rules.toArray(new CompiledRule[0]);
    this.always = new boolean[this.rules.length];
    List<String> literals = new ArrayList<>();
    List<int[]> refs = new ArrayList<>();
    for (int r = 0; r < this.rules.length; r++) {
      Detector d = this.rules[r].detector();
      List<String> triggers = d.triggers();
      always[r] = triggers.isEmpty();
      for (int t = 0; t < triggers.size(); t++) {
        literals.add(triggers.get(t));
        refs.add(new int[] {r, t});
      }
    }
    this.matcher = literals.isEmpty() ? null
        : wordStarts ? LiteralMatcher.ofWordStarts(literals) : LiteralMatcher.of(literals);
    this.owner = new int[refs.size()];
    this.local = new int[refs.size()];
    for (int i = 0; i < refs.size(); i++) {
      owner[i] = refs.get(i)[0];
      local[i] = refs.get(i)[1];
    }
  }

  boolean isEmpty() {
    return rules.length == 0;
  }
}
