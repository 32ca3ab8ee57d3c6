package io.guardstream.registry;

import java.util.List;

/**
 * The registry's answer to a compatibility check.
 *
 * @param compatible whether the schema may be registered under the subject
 * @param messages the registry's reasons, when it gives any (Confluent does with verbose=true)
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {
  public CompatibilityResult {
    messages = List.copyOf(messages);
  }
}
