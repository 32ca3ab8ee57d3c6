package io.guardstream.guard.detect.pii;

import io.guardstream.guard.detect.Hits;
import java.util.Arrays;

/**
 * Records the full names ({@code given_name} reports) of a text on their way to the hits, then
 * reports the later and earlier mentions of the same people by surname or given name alone:
 * "directed by Joakim Westgård and starring Westgård", "You can tell Jouni was a huge Jouni Hahli
 * fan". A text that names someone in full refers to them by one name too, and that name alone
 * is as personal as the full one.
 */
final class NameRepeats implements Hits {
  private static final String PERSON = PiiDetector.PiiType.PERSON.name();

  private final Hits out;
  /** Start and end of every reported span, in pairs. */
  private int[] spans = new int[8];
  private int count;

  NameRepeats(Hits out) {
    this.out = out;
  }

  @Override
  public void add(int start, int end, String entityType, double confidence, String message) {
    if (2 * count == spans.length) {
      spans = Arrays.copyOf(spans, 2 * spans.length);
    }
    spans[2 * count] = start;
    spans[2 * count + 1] = end;
    count++;
    out.add(start, end, entityType, confidence, message);
  }

  /** Reports the lone mentions of the full names recorded so far. */
  void reportRepeats(String t) {
    int named = count; // the repeats reported below are not looked for again
    for (int k = 0; k < named; k++) {
      int s = spans[2 * k];
      int e = spans[2 * k + 1];
      int firstEnd = t.indexOf(' ', s);
      if (firstEnd < 0 || firstEnd >= e) {
        continue; // one word: its repeats are no surer than it is
      }
      int lastStart = t.lastIndexOf(' ', e - 1) + 1;
      if (e - lastStart >= 3) {
        repeats(t, lastStart, e);
      }
      if (firstEnd - s >= 3 && NameList.GIVEN.contains(t, s, firstEnd)) {
        repeats(t, s, firstEnd);
      }
    }
  }

  /** Reports the other word-bounded mentions of {@code t[s, e)} standing alone. */
  private void repeats(String t, int s, int e) {
    String word = t.substring(s, e);
    for (int at = t.indexOf(word); at >= 0; at = t.indexOf(word, at + 1)) {
      int end = at + word.length();
      if (alone(t, at, end) && !reported(at, end)) {
        add(at, end, PERSON, 0.6, "a person named in full elsewhere in the text");
      }
    }
  }

  /**
   * Whether {@code t[s, e)} is a word of its own, outside a capitalised run ("Westgård Films",
   * "Villa Westgård").
   */
  private static boolean alone(String t, int s, int e) {
    if (s > 0 && partOfWord(t.charAt(s - 1)) || e < t.length() && partOfWord(t.charAt(e))) {
      return false;
    }
    if (e + 1 < t.length() && t.charAt(e) == ' ' && Character.isUpperCase(t.charAt(e + 1))) {
      return false;
    }
    if (s >= 2 && t.charAt(s - 1) == ' ' && Character.isLetter(t.charAt(s - 2))) {
      int w = s - 2;
      while (w > 0 && Character.isLetter(t.charAt(w - 1))) {
        w--;
      }
      return !Character.isUpperCase(t.charAt(w));
    }
    return true;
  }

  private static boolean partOfWord(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_';
  }

  /** Whether {@code [s, e)} overlaps a span reported already. */
  private boolean reported(int s, int e) {
    for (int k = 0; k < count; k++) {
      if (spans[2 * k] < e && s < spans[2 * k + 1]) {
        return true;
      }
    }
    return false;
  }
}
