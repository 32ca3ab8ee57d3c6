package io.guardstream.guard.detect.secret;

import com.google.re2j.Pattern;
import io.guardstream.guard.detect.Validators;
import java.util.List;

/**
 * One credential format: the literals that gate it, an RE2 pattern whose {@code group} is the
 * secret, and the checks that keep look-alikes out.
 *
 * @param entityType mask name, e.g. AWS_ACCESS_KEY
 * @param family provider family selectable in rules (aws, github, generic, ...)
 * @param triggers lower-case literals, one of which occurs near every match
 * @param pattern the format
 * @param group capture group holding the secret (0 = whole match, -1 = first group that took
 *     part, for alternatives)
 * @param before chars searched before a trigger (context the pattern needs ahead of it)
 * @param window chars searched after a trigger
 * @param minEntropy minimum Shannon entropy (bits/char) of the secret, 0 for none
 * @param validator structural check, or null
 * @param confidence how sure a match is
 * @param generic context-only pattern, skipped where a provider format already matched
 * @param assignWithin for "key = value" formats: the pattern only runs where ':', '=' or '>'
 *     follows the trigger within this many chars (0: always)
 * @param atTrigger the pattern anchored so that its match starts at most {@code before} chars
 *     before the trigger, or null when the trigger is only context and the secret may be anywhere
 *     in the window
 */
public record SecretPattern(
    String entityType,
    String family,
    List<String> triggers,
    Pattern pattern,
    int group,
    int before,
    int window,
    double minEntropy,
    Validators.Validator validator,
    double confidence,
    boolean generic,
    int assignWithin,
    Pattern atTrigger) {

  /**
   * {@code pattern} anchored at the start of a window that begins {@code before} chars ahead of a
   * trigger: the match may start only in those chars. RE2J searches without an anchor by starting
   * a thread at every position of the window; anchored, it stops as soon as no thread is alive,
   * which on ordinary text is a few chars after the trigger.
   */
  static Pattern atTrigger(Pattern pattern, int before) {
    return Pattern.compile("^[\\s\\S]{0," + before + "}?(?:" + pattern.pattern() + ")",
        pattern.flags());
  }

  /**
   * Whether the pattern can match around a trigger that ends at {@code end}: an assignment needs
   * its operator shortly after the key, and checking for one is far cheaper than the pattern.
   */
  boolean mayMatchAfter(CharSequence text, int end) {
    if (assignWithin == 0) {
      return true;
    }
    for (int i = end, limit = Math.min(text.length(), end + assignWithin); i < limit; i++) {
      char c = text.charAt(i);
      if (c == ':' || c == '=' || c == '>') {
        return true;
      }
    }
    return false;
  }
}
