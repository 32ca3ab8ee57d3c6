package io.guardstream.guard.detect;

import io.guardstream.guard.text.Rot13;

/**
 * Finds a canary token in an output also when the model disguised it: case, spacing and
 * punctuation changed ("G-S C A N A R Y 3 F 9 A"), spelled backwards, or rot13. The output is
 * read as its letters and digits (lower case), each still at its place in the text, and the
 * canary's reduced form is looked for forwards and backwards in one pass. Encoded canaries
 * (base64, hex, URL) need nothing here: the engine decodes such runs and scans the decoded text
 * again. Stateless and allocation-light: three short strings per canary.
 */
final class CanaryScanner {

  /** Reduced canaries shorter than this are too likely to occur by chance in a disguise. */
  static final int MIN_REDUCED = 6;

  private CanaryScanner() {}

  /** A disguised occurrence: where in the text, and which disguise. */
  record Match(int start, int end, String how) {}

  /** Where {@code canary} occurs in {@code text} disguised, or null. */
  static Match find(CharSequence text, String canary) {
    String target = reduce(canary);
    if (target.length() < MIN_REDUCED) {
      return null;
    }
    String reversed = new StringBuilder(target).reverse().toString();
    String rot13 = Rot13.of(target);
    // One pass looks for all three forms (most outputs hold none); the first form found anywhere
    // wins over the later ones, as if each were searched in turn.
    boolean tryRot13 = !rot13.equals(target);
    char first = target.charAt(0);
    char firstReversed = reversed.charAt(0);
    char firstRot13 = rot13.charAt(0);
    int atReversed = -1;
    int endReversed = -1;
    int atRot13 = -1;
    int endRot13 = -1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = reduced(text.charAt(i));
      if (c == 0) {
        continue;
      }
      if (c == first) {
        int end = endOf(text, i, target);
        if (end > 0) {
          return new Match(i, end, "case, spacing or punctuation changed");
        }
      }
      if (atReversed < 0 && c == firstReversed) {
        endReversed = endOf(text, i, reversed);
        atReversed = endReversed > 0 ? i : -1;
      }
      if (tryRot13 && atRot13 < 0 && c == firstRot13) {
        endRot13 = endOf(text, i, rot13);
        atRot13 = endRot13 > 0 ? i : -1;
      }
    }
    if (atReversed >= 0) {
      return new Match(atReversed, endReversed, "reversed");
    }
    return atRot13 >= 0 ? new Match(atRot13, endRot13, "rot13") : null;
  }

  /**
   * {@link #find(CharSequence, String)} reading the words {@code w} holds of {@code text}. When
   * they are all ASCII, their chars are the text's letters and digits in lower case, so each form
   * is one plain search of them; otherwise the text is read again as above.
   */
  static Match find(OutputWords w, CharSequence text, String canary) {
    if (!w.ascii()) {
      return find(text, canary);
    }
    String target = reduce(canary);
    if (target.length() < MIN_REDUCED) {
      return null;
    }
    int at = w.indexOfJoined(target);
    if (at >= 0) {
      return match(w, at, target.length(), "case, spacing or punctuation changed");
    }
    at = w.indexOfJoined(new StringBuilder(target).reverse().toString());
    if (at >= 0) {
      return match(w, at, target.length(), "reversed");
    }
    String rot13 = Rot13.of(target);
    at = rot13.equals(target) ? -1 : w.indexOfJoined(rot13);
    return at >= 0 ? match(w, at, target.length(), "rot13") : null;
  }

  private static Match match(OutputWords w, int at, int length, String how) {
    return new Match(w.textIndex(at), w.textIndex(at + length - 1) + 1, how);
  }

  /** {@code c} lower-cased if it is a letter or digit, else 0 (the char is not read). */
  private static char reduced(char c) {
    if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
      return c;
    }
    if (c >= 'A' && c <= 'Z') {
      return (char) (c + 32);
    }
    return c >= 128 && Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
  }

  /**
   * Where {@code target} ends if its letters and digits follow one another from {@code i} on
   * (whatever else stands between them), else -1. The char at {@code i} is its first.
   */
  private static int endOf(CharSequence text, int i, String target) {
    int n = text.length();
    int k = 1;
    int last = i;
    for (int j = i + 1; k < target.length(); j++) {
      if (j >= n) {
        return -1;
      }
      char c = reduced(text.charAt(j));
      if (c == 0) {
        continue;
      }
      if (c != target.charAt(k)) {
        return -1;
      }
      last = j;
      k++;
    }
    return last + 1;
  }

  /** Letters and digits of {@code s}, lower case. */
  static String reduce(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }
}
