package io.guardstream.app.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Value parsers for settings; each throws IllegalArgumentException saying what was expected. */
final class Parsers {
  private Parsers() {}

  static String nonBlank(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
    return value.trim();
  }

  static String optional(String value) {
    return value.isBlank() ? null : value;
  }

  static int port(String value) {
    int port = integer(value);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("'" + value + "' is not a port (0-65535)");
    }
    return port;
  }

  static int positiveInt(String value) {
    int n = integer(value);
    if (n < 1) {
      throw new IllegalArgumentException("must be at least 1, was " + n);
    }
    return n;
  }

  static int integer(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not an integer");
    }
  }

  static double score(String value) {
    double d;
    try {
      d = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a number");
    }
    if (d < 0 || d > 100) {
      throw new IllegalArgumentException("must be between 0 and 100, was " + value);
    }
    return d;
  }

  /** 500ms, 30s, 10m, 2h, 7d or ISO-8601 (PT10M). */
  static Duration duration(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return positive(Duration.parse(v.toUpperCase(Locale.ROOT)), value);
      }
      if (v.endsWith("ms")) {
        return positive(Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2))), value);
      }
      long n = Long.parseLong(v.substring(0, v.length() - 1));
      return positive(switch (v.charAt(v.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> throw new NumberFormatException();
      }, value);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
          && iae.getMessage().startsWith("must be")) {
        throw iae;
      }
      throw new IllegalArgumentException(
          "'" + value + "' is not a duration (e.g. 500ms, 30s, 10m, 2h, 7d or PT10M)");
    }
  }

  private static Duration positive(Duration d, String value) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("must be positive, was " + value);
    }
    return d;
  }

  static List<Duration> durations(String value) {
    List<Duration> list = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        list.add(duration(part));
      }
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException("needs at least one duration");
    }
    return List.copyOf(list);
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + value + "' is not one of "
          + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }
  }

  static ZoneId zone(String value) {
    try {
      return ZoneId.of(value.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + value + "' is not a time zone id (e.g. UTC, Europe/Berlin)");
    }
  }

  /** Business hours as "HH-HH" (start inclusive, end exclusive), e.g. 07-19. */
  static int[] hours(String value) {
    String[] parts = value.trim().split("-");
    if (parts.length == 2) {
      try {
        int start = Integer.parseInt(parts[0]);
        int end = Integer.parseInt(parts[1]);
        if (start >= 0 && start < 24 && end > start && end <= 24) {
          return new int[] {start, end};
        }
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
    }
    throw new IllegalArgumentException("'" + value + "' is not an hour range like 07-19");
  }

  static String processingGuarantee(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!v.equals("exactly_once_v2") && !v.equals("at_least_once")) {
      throw new IllegalArgumentException("'" + value + "' is not exactly_once_v2 or at_least_once");
    }
    return v;
  }
}
