package io.guardstream.guard.detect;

import io.guardstream.guard.detect.pii.GivenNameDetector;
import io.guardstream.guard.detect.pii.PiiDetector;
import io.guardstream.guard.detect.secret.SecretsDetector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Detector types by name. Adding a detector means registering its type here (or via {@link #with}). */
public final class DetectorRegistry {
  private final Map<String, DetectorType> types;

  private DetectorRegistry(Map<String, DetectorType> types) {
    this.types = Map.copyOf(types);
  }

  private static final DetectorRegistry BUILT_IN = new DetectorRegistry(Map.of())
      .with(new RegexDetector.Type())
      .with(new KeywordsDetector.Type())
      .with(new EvasionDetector.Type())
      .with(new SecretsDetector.Type())
      .with(new PiiDetector.Type())
      .with(new GivenNameDetector.Type())
      .with(new PromptLeakDetector.Type())
      .with(AllowListDetector.Type.tools())
      .with(AllowListDetector.Type.models())
      .with(new DocumentAccessDetector.Type())
      .with(new ClassifierDetector.Type())
      .with(new AdversarialSuffixDetector.Type());

  /** Every detector type the engine ships. */
  public static DetectorRegistry builtIn() {
    return BUILT_IN;
  }

  /** A registry with {@code type} added (replacing a type of the same name). */
  public DetectorRegistry with(DetectorType type) {
    Map<String, DetectorType> copy = new LinkedHashMap<>(types);
    copy.put(type.name(), type);
    return new DetectorRegistry(copy);
  }

  /** The type registered under {@code name}, or null. */
  public DetectorType get(String name) {
    return types.get(name);
  }

  /** Registered type names. */
  public Set<String> names() {
    return types.keySet();
  }
}
