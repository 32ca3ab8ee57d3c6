package io.guardstream.app.topology;

import io.guardstream.app.metrics.GuardMetrics;
import io.guardstream.app.rules.ActiveRules;
import io.guardstream.app.rules.SystemPromptIndex;

/** Instance-wide objects the topology's processors share: rules in force, prompts, metrics. */
public record TopologyRuntime(ActiveRules rules, SystemPromptIndex systemPrompts, GuardMetrics metrics) {}
