package io.guardstream.app.topology;

/**
 * Keys of the window-close timer store: {@code closeAt|windowIndex|windowStart|tenant:user} with
 * the times zero-padded, so the store's lexicographic order is close-time order and a range scan
 * up to "now" yields exactly the due windows.
 */
final class TimerKeys {
  private TimerKeys() {}

  /** A due window: which user, which window size, which window. */
  record Timer(long closeAt, int windowIndex, long windowStart, String userKey) {}

  static final String FIRST = "";

  static String of(long closeAt, int windowIndex, long windowStart, String userKey) {
    return pad(closeAt) + '|' + windowIndex + '|' + pad(windowStart) + '|' + userKey;
  }

  /** Upper bound (inclusive) of the keys whose close time is at or before {@code time}. */
  static String upTo(long time) {
    return pad(time) + "|\uffff";
  }

  static Timer parse(String key) {
    int a = key.indexOf('|');
    int b = key.indexOf('|', a + 1);
    int c = key.indexOf('|', b + 1);
    return new Timer(Long.parseLong(key.substring(0, a)), Integer.parseInt(key.substring(a + 1, b)),
        Long.parseLong(key.substring(b + 1, c)), key.substring(c + 1));
  }

  /** Tenant part of a tenant:user key (tenants never contain ':', validated at decode). */
  static String tenant(String userKey) {
    return userKey.substring(0, userKey.indexOf(':'));
  }

  // Event times are positive epoch millis: 19 digits keep them ordered.
  private static String pad(long millis) {
    String s = Long.toString(Math.max(0, millis));
    return "0".repeat(19 - s.length()) + s;
  }
}
