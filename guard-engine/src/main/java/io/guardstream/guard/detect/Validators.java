package io.guardstream.guard.detect;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Checksums and structure checks that turn a pattern match into a confident finding. */
public final class Validators {
  private Validators() {}

  /** Checks the span [start, end) of a text. */
  @FunctionalInterface
  public interface Validator {
    boolean valid(CharSequence text, int start, int end);
  }

  private static final Map<String, Validator> BY_NAME = new TreeMap<>(Map.of(
      "luhn", Validators::luhn,
      "iban", Validators::iban,
      "us_ssn", Validators::usSsn,
      "jwt", Validators::jwt,
      "not_placeholder", Validators::notPlaceholder));

  /** Validator by its rule-file name, or null. */
  public static Validator byName(String name) {
    return BY_NAME.get(name.toLowerCase(Locale.ROOT));
  }

  static String names() {
    return String.join(", ", BY_NAME.keySet());
  }

  /** Shannon entropy in bits per char of the span. */
  public static double entropy(CharSequence text, int start, int end) {
    int n = end - start;
    if (n <= 0) {
      return 0;
    }
    int[] counts = new int[128];
    int other = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / n;
        h -= p * Math.log(p);
      }
    }
    if (other > 0) {
      double p = (double) other / n;
      h -= p * Math.log(p);
    }
    return h / Math.log(2);
  }

  /** Luhn checksum over the digits of the span (separators ignored), 12–19 digits. */
  public static boolean luhn(CharSequence text, int start, int end) {
    int sum = 0;
    int digits = 0;
    for (int i = end - 1; i >= start; i--) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int d = c - '0';
      if ((digits & 1) == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      digits++;
    }
    return digits >= 12 && digits <= 19 && sum % 10 == 0;
  }

  /** IBAN: country code, check digits, and the ISO 13616 mod-97 check (spaces ignored). */
  public static boolean iban(CharSequence text, int start, int end) {
    StringBuilder compact = new StringBuilder(34);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '-') {
        compact.append(Character.toUpperCase(c));
      }
    }
    int n = compact.length();
    if (n < 15 || n > 34 || !Character.isLetter(compact.charAt(0))
        || !Character.isLetter(compact.charAt(1)) || !Character.isDigit(compact.charAt(2))
        || !Character.isDigit(compact.charAt(3))) {
      return false;
    }
    int mod = 0;
    for (int k = 0; k < n; k++) {
      char c = compact.charAt((k + 4) % n);
      if (c >= '0' && c <= '9') {
        mod = (mod * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        mod = (mod * 100 + (c - 'A' + 10)) % 97;
      } else {
        return false;
      }
    }
    return mod == 1;
  }

  /** US SSN: area not 000, 666 or 900–999; group not 00; serial not 0000. */
  public static boolean usSsn(CharSequence text, int start, int end) {
    int[] d = new int[9];
    int n = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (n == 9) {
          return false;
        }
        d[n++] = c - '0';
      }
    }
    if (n != 9) {
      return false;
    }
    int area = d[0] * 100 + d[1] * 10 + d[2];
    int group = d[3] * 10 + d[4];
    int serial = d[5] * 1000 + d[6] * 100 + d[7] * 10 + d[8];
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
      return false;
    }
    // Reject repeated or sequential placeholders (111-11-1111, 123-45-6789).
    boolean same = true;
    for (int k = 1; k < 9; k++) {
      same &= d[k] == d[0];
    }
    return !same && !(area == 123 && group == 45 && serial == 6789);
  }

  /** JWT: the first segment is base64url JSON with an "alg" member. */
  public static boolean jwt(CharSequence text, int start, int end) {
    int dot = -1;
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == '.') {
        dot = i;
        break;
      }
    }
    if (dot < 0) {
      return false;
    }
    try {
      byte[] header = Base64.getUrlDecoder().decode(stripPadding(text.subSequence(start, dot)));
      String json = new String(header, StandardCharsets.UTF_8);
      return json.startsWith("{") && json.contains("\"alg\"");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String stripPadding(CharSequence s) {
    String str = s.toString();
    int end = str.length();
    while (end > 0 && str.charAt(end - 1) == '=') {
      end--;
    }
    return str.substring(0, end);
  }

  /**
   * False for values that are obviously not real secrets: variable references, templates,
   * masks, repeated characters, and words like "changeme" or "example".
   */
  public static boolean notPlaceholder(CharSequence text, int start, int end) {
    if (insideMask(text, start, end)) {
      return false;
    }
    String v = text.subSequence(start, end).toString();
    String low = v.toLowerCase(Locale.ROOT);
    if (low.startsWith("$") || low.startsWith("%") || low.startsWith("{") || low.startsWith("<")
        || low.startsWith("[") || low.startsWith("(") || low.startsWith("#") || low.startsWith("/")
        || low.startsWith("\\") || low.startsWith("./") || low.startsWith("http")
        || low.startsWith("arn:") || low.contains("${") || low.contains("{{") || low.contains("#{")
        || low.contains("$_") || low.startsWith("process.env") || low.startsWith("os.environ")
        || low.contains("getenv") || low.startsWith("env.") || low.startsWith("env[")
        || low.startsWith("config.") || low.startsWith("settings.") || low.startsWith("self.")
        || low.startsWith("this.") || low.startsWith("secrets.") || low.startsWith("vault:")) {
      return false;
    }
    for (String word : PLACEHOLDER_WORDS) {
      if (low.contains(word)) {
        return false;
      }
    }
    int run = sequenceRun(low);
    if (PLACEHOLDER_VALUES.contains(low) || run >= 7 || run >= 4 && run >= low.length() * 0.6
        || alternatingRun(low) >= 6) {
      return false;
    }
    char first = v.charAt(0);
    if (first == '.' || first == '+' || first == '\'' || first == '"' || first == ' '
        || v.charAt(v.length() - 1) == ' ' || low.contains("()") || isPlainPath(v)) {
      return false; // code around the value (concatenation, calls), or a route / file path
    }
    String keyName = keyBefore(text, start).toLowerCase(Locale.ROOT);
    for (String suffix : NON_SECRET_KEY_SUFFIXES) {
      if (keyName.endsWith(suffix)) {
        return false;
      }
    }
    int distinct = (int) low.chars().distinct().count();
    return distinct >= 3;
  }

  /** Whether [start, end) is the pseudonym of a mask the redactor wrote ("[AWS_SECRET_KEY:1a2b…]"). */
  static boolean insideMask(CharSequence text, int start, int end) {
    if (end >= text.length() || text.charAt(end) != ']' || start == 0 || text.charAt(start - 1) != ':') {
      return false;
    }
    for (int i = start - 2; i >= 0 && start - i < 48; i--) {
      char c = text.charAt(i);
      if (c == '[') {
        return true;
      }
      if (!(c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return false;
  }

  /** Lower-case letters and separators with a '/', no digits: a path or route, not a secret. */
  private static boolean isPlainPath(String v) {
    if (v.indexOf('/') < 0) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c == '/' || c == '_' || c == '-' || c == '.' || c == '#'
          || c == ':')) {
        return false;
      }
    }
    return true;
  }

  /** The key name just before an assigned value ("db_password" in db_password = "x"), or "". */
  static String keyBefore(CharSequence text, int valueStart) {
    int i = valueStart;
    int floor = Math.max(0, valueStart - 12);
    while (i > floor && " \t\"'`:=>\\-".indexOf(text.charAt(i - 1)) >= 0) {
      i--;
    }
    int end = i;
    while (i > 0 && end - i < 64 && (Character.isLetterOrDigit(text.charAt(i - 1))
        || text.charAt(i - 1) == '_' || text.charAt(i - 1) == '.')) {
      i--;
    }
    return text.subSequence(i, end).toString();
  }

  /** Key names whose values describe a credential field rather than hold one. */
  private static final String[] NON_SECRET_KEY_SUFFIXES = {
    "label", "field", "name", "text", "prompt", "placeholder", "hint", "message", "msg", "title",
    "type", "length", "policy", "url", "uri", "path", "file", "regex", "pattern", "format",
    "reset", "required", "confirm", "confirmation", "expiry", "expires", "expiration", "count",
    "min", "max", "enabled", "selector", "input", "param", "header", "column", "env", "var"
  };

  /** Longest run of pairs "a1b2c3…" (ascending letters interleaved with digits; '-' ignored). */
  private static int alternatingRun(String s) {
    String t = s.replace("-", "");
    int best = 0;
    int run = 0;
    for (int k = 0; k + 1 < t.length(); k += 2) {
      boolean pair = Character.isLetter(t.charAt(k)) && Character.isDigit(t.charAt(k + 1));
      run = pair && (run == 0 || t.charAt(k) == t.charAt(k - 2) + 1) ? run + 1 : pair ? 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  }

  /** Longest run of consecutive ascending letters or digits ("abcdef", "123456"). */
  private static int sequenceRun(String s) {
    int run = 1;
    int best = s.isEmpty() ? 0 : 1;
    for (int i = 1; i < s.length(); i++) {
      char a = s.charAt(i - 1);
      char b = s.charAt(i);
      run = b == a + 1 && Character.isLetterOrDigit(a) && Character.isLetterOrDigit(b) ? run + 1 : 1;
      best = Math.max(best, run);
    }
    return best;
  }

  private static final java.util.Set<String> PLACEHOLDER_VALUES = java.util.Set.of(
      "true", "false", "null", "none", "nil", "required", "optional", "hidden", "masked", "empty",
      "string", "value");

  private static final String[] PLACEHOLDER_WORDS = {
    "xxxx", "****", "....", "----", "####", "<", ">", "your_", "your-", "yourpass", "yoursecret",
    "yourtoken", "yourkey", "yourpassword", "placeholder", "redacted", "replace_me", "replace-me",
    "insert_", "undefined"
  };
}
