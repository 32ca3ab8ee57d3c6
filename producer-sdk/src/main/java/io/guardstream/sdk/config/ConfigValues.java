package io.guardstream.sdk.config;

import java.time.Duration;
import java.util.Locale;

/** Parsers for setting values; each throws IllegalArgumentException saying what was expected. */
public final class ConfigValues {
  private ConfigValues() {}

  /** The trimmed value; refuses a blank one. */
  public static String nonBlank(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
    return value.trim();
  }

  /** A positive int. */
  public static int positiveInt(String value) {
    long n = positiveLong(value);
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("must be at most " + Integer.MAX_VALUE + ", was " + value);
    }
    return (int) n;
  }

  /** A positive long. */
  public static long positiveLong(String value) {
    long n;
    try {
      n = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not an integer");
    }
    if (n < 1) {
      throw new IllegalArgumentException("must be at least 1, was " + n);
    }
    return n;
  }

  /** A byte size: plain bytes or with a KiB, MiB or GiB suffix (16MiB). */
  public static long bytes(String value) {
    String v = value.trim();
    String lower = v.toLowerCase(Locale.ROOT);
    long unit = 1;
    if (lower.endsWith("kib")) {
      unit = 1L << 10;
    } else if (lower.endsWith("mib")) {
      unit = 1L << 20;
    } else if (lower.endsWith("gib")) {
      unit = 1L << 30;
    }
    String number = unit == 1 ? v : v.substring(0, v.length() - 3).trim();
    try {
      return Math.multiplyExact(positiveLong(number), unit);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException("'" + value + "' is not a byte size (e.g. 1048576, 64KiB, 16MiB, 1GiB)");
    }
  }

  /** true or false, nothing else. */
  public static boolean bool(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException("'" + value + "' is not true or false");
  }

  /** A non-negative duration: 500ms, 30s, 10m, 2h or ISO-8601 (PT10S). */
  public static Duration duration(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (v.startsWith("p")) {
        d = Duration.parse(v.toUpperCase(Locale.ROOT));
      } else if (v.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      } else {
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        d = switch (v.charAt(v.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          default -> throw new NumberFormatException();
        };
      }
      if (d.isNegative()) {
        throw new NumberFormatException();
      }
      return d;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + value + "' is not a duration (e.g. 500ms, 10s, 5m, PT10S)");
    }
  }

  /** An enum constant by name, case-insensitive. */
  public static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      StringBuilder names = new StringBuilder();
      for (E constant : type.getEnumConstants()) {
        names.append(names.length() == 0 ? "" : ", ").append(constant.name());
      }
      throw new IllegalArgumentException("'" + value + "' is not one of " + names);
    }
  }
}
