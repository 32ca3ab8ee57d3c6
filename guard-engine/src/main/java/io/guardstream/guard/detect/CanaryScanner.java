package io.guardstream.guard.detect;

import io.guardstream.guard.text.Rot13;

/**
 * Finds a canary token in an output also when the model disguised it: case, spacing and
 * punctuation changed ("G-S C A N A R Y 3 F 9 A"), spelled backwards, or rot13. The output is
 * reduced once to its letters and digits (lower case), each remembering where it came from, and
 * the canary's reduced form is searched in it forwards and backwards. Encoded canaries (base64,
 * hex, URL) need nothing here: the engine decodes such runs and scans the decoded text again.
 */
final class CanaryScanner {

  /** Reduced canaries shorter than this are too likely to occur by chance in a disguise. */
  static final int MIN_REDUCED = 6;

  private static final ThreadLocal<CanaryScanner> PER_THREAD =
      ThreadLocal.withInitial(CanaryScanner::new);

  private char[] reduced = new char[256];
  private int[] origin = new int[256];
  private int length;
  private CharSequence text;

  /** The calling thread's scanner (its buffers are reused). */
  static CanaryScanner get() {
    return PER_THREAD.get();
  }

  /** A disguised occurrence: where in the text, and which disguise. */
  record Match(int start, int end, String how) {}

  /**
   * Where {@code canary} occurs in {@code text} disguised, or null. {@code text} is reduced on
   * the first call for it; callers pass the same text for all canaries of one output.
   */
  Match find(CharSequence text, String canary) {
    String target = reduce(canary);
    if (target.length() < MIN_REDUCED) {
      return null;
    }
    if (this.text != text) {
      reduceText(text);
    }
    String reversed = new StringBuilder(target).reverse().toString();
    String rot13 = Rot13.of(target);
    // One pass looks for all three forms (most outputs hold none); the first form found anywhere
    // wins over the later ones, as if each were searched in turn.
    int m = target.length();
    boolean tryRot13 = !rot13.equals(target);
    int atReversed = -1;
    int atRot13 = -1;
    for (int i = 0; i + m <= length; i++) {
      char c = reduced[i];
      if (c == target.charAt(0) && occursAt(i, target)) {
        return match(i, m, "case, spacing or punctuation changed");
      }
      if (atReversed < 0 && c == reversed.charAt(0) && occursAt(i, reversed)) {
        atReversed = i;
      }
      if (tryRot13 && atRot13 < 0 && c == rot13.charAt(0) && occursAt(i, rot13)) {
        atRot13 = i;
      }
    }
    if (atReversed >= 0) {
      return match(atReversed, m, "reversed");
    }
    return atRot13 >= 0 ? match(atRot13, m, "rot13") : null;
  }

  /** Forgets the text (so the scanner does not keep it alive). */
  void release() {
    text = null;
  }

  private Match match(int at, int len, String how) {
    return new Match(origin[at], origin[at + len - 1] + 1, how);
  }

  private void reduceText(CharSequence t) {
    text = t;
    int n = t.length();
    if (reduced.length < n) {
      reduced = new char[n];
      origin = new int[n];
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c >= 128 && Character.isLetterOrDigit(c))) {
        continue;
      }
      reduced[k] = c >= 128 ? Character.toLowerCase(c) : c;
      origin[k++] = i;
    }
    length = k;
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

  /** Whether {@code target} occurs in the reduced text at {@code i} (it fits there). */
  private boolean occursAt(int i, String target) {
    for (int j = 1; j < target.length(); j++) {
      if (reduced[i + j] != target.charAt(j)) {
        return false;
      }
    }
    return true;
  }
}
