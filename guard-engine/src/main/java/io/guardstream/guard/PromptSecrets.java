package io.guardstream.guard;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Secret values a system prompt states: "The password is avocado", "access code: 'blue desk'",
 * "secret word = zenith", "Internal discount code: SPRING-ZEBRA-42", "API key: …", and figures in
 * a sentence marked confidential ("band A is 40-55k"). A model may give such a value away in a
 * sentence that shares no shingle with the prompt ("Sure! It's avocado."), so the fingerprint
 * keeps the value's hash apart and outputs are searched for it, as written and disguised, like a
 * short prompt.
 */
final class PromptSecrets {
  private PromptSecrets() {}

  /** Longest value read, in chars: a secret is a word or a short phrase. */
  private static final int MAX_CHARS = 40;

  // A cue naming a secret, "is" / ":" / "=", then a quoted value or one bare token. Linear time.
  private static final Pattern STATED = Pattern.compile(
      "(?i)\\b(?:password|passcode|pass ?phrase|pass ?word|secret (?:word|key|phrase|password)"
          + "|(?:access|secret|discount|promo|promotional|coupon|voucher|referral|internal|admin"
          + "|unlock|activation|verification|override|master|bypass) code"
          + "|(?:api|license|licence|master|access|product) key|(?:secret|access|api|auth) token"
          + "|secret|code ?word|safe ?word|pin(?: code)?|magic word)"
          + "(?:\\s+(?:is|was|will be|=)|\\s*[:=])\\s*"
          + "(?:(?:exactly|just|simply|always|the (?:word|phrase|string))\\s+)?"
          + "(?:[\"“'‘`]([^\"”'’`\\n]{1," + MAX_CHARS + "}?)[\"”'’`]"
          + "|([^\\s\"“”'‘’`.,;:!?()\\[\\]{}<>]{3," + MAX_CHARS + "}))");

  /** Bare words after a cue that describe the secret rather than state it. */
  private static final Set<String> NOT_VALUES = Set.of(
      "the", "a", "an", "that", "this", "not", "never", "only", "also", "still", "now", "then",
      "your", "my", "our", "their", "its", "his", "her", "which", "what", "who", "how", "why",
      "where", "when", "case", "case-sensitive", "correct", "incorrect", "wrong", "right", "valid",
      "invalid",
      "secret", "secure", "safe", "private", "confidential", "hidden", "known", "unknown",
      "given", "written", "taken", "shown", "spoken", "chosen", "forbidden", "between", "below",
      "above", "following", "required", "needed", "important", "sensitive", "strong", "weak",
      "long", "short", "empty", "blank", "none", "null", "nothing", "something", "anything",
      "same", "different", "here", "there", "out", "for", "from", "with", "without", "in", "on",
      "at", "to", "of", "by", "and", "or", "but", "if", "as", "be", "been", "being", "it",
      "you", "they", "them", "one", "ok", "okay", "yes", "no", "evil", "please");

  /**
   * The values {@code prompt} states as secrets, each of at most {@code maxWords} words (the
   * hashed form: lower case, letters and digits), in the order they occur, without repeats.
   */
  static List<String> values(String prompt, int maxWords) {
    List<String> values = new ArrayList<>();
    if (prompt == null) {
      return values;
    }
    Matcher m = STATED.matcher(prompt);
    while (m.find()) {
      boolean quoted = m.group(1) != null;
      String value = quoted ? m.group(1) : m.group(2);
      if (!quoted && notValue(value)) {
        continue;
      }
      add(value, maxWords, values);
    }
    confidentialFigures(prompt, maxWords, values);
    return values;
  }

  // A sentence that marks what it states as not to be shared ("Salary bands are confidential:
  // band A is 40-55k, …; never disclose them").
  private static final Pattern CONFIDENTIAL = Pattern.compile(
      "(?i)(?:^|[\\s(])(?:confidential|secret|internal only|never (?:share|disclose|reveal|mention)"
          + "|do not (?:share|disclose|reveal|mention)|don't (?:share|disclose|reveal|mention))"
          + "(?:$|[\\s.,;:!)])");

  /**
   * Figures stated in confidential sentences: tokens with a digit and a letter or a joiner
   * ("40-55k", "v2.3-beta", "Q3/2025"), not plain numbers, which answers use freely.
   */
  private static void confidentialFigures(String prompt, int maxWords, List<String> values) {
    for (String sentence : prompt.split("(?<=[.!?])\\s+|\\n")) {
      if (!CONFIDENTIAL.matcher(sentence).find()) {
        continue;
      }
      for (String token : sentence.split("[\\s,;:()\\[\\]\"'“”‘’]+")) {
        String t = token.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
        if (t.length() >= 3 && t.indexOf('@') < 0 && figure(t)) {
          add(t, maxWords, values);
        }
      }
    }
  }

  private static boolean figure(String t) {
    boolean digit = false;
    boolean other = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      digit |= Character.isDigit(c);
      other |= Character.isLetter(c) || c == '-' || c == '/';
    }
    return digit && other;
  }

  private static void add(String value, int maxWords, List<String> values) {
    List<String> words = PromptFingerprint.words(value);
    String joined = String.join(" ", words);
    if (!words.isEmpty() && words.size() <= maxWords && joined.length() >= 3
        && !values.contains(joined)) {
      values.add(joined);
    }
  }

  private static boolean notValue(String bare) {
    String lower = bare.toLowerCase(Locale.ROOT);
    // Participles describe the secret: "is entered", "is shared", "is protected".
    return NOT_VALUES.contains(lower) || lower.length() > 4 && lower.endsWith("ed");
  }
}
