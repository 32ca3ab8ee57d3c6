package io.guardstream.app.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * One configuration setting: its property key, the environment variable that overrides it, a
 * default (null when required), a parser that throws {@link IllegalArgumentException} with a
 * reason, and a description for the generated configuration reference.
 */
public record Setting<T>(
    String key, String defaultValue, boolean secret, String description, Function<String, T> parser) {

  /** GUARDSTREAM_ + the key's part after "guardstream.", upper case, dots and dashes as underscores. */
  public String envName() {
    return envName(key);
  }

  public boolean required() {
    return defaultValue == null;
  }

  static String envName(String key) {
    String rest = key.startsWith("guardstream.") ? key.substring("guardstream.".length()) : key;
    return "GUARDSTREAM_" + rest.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }
}
