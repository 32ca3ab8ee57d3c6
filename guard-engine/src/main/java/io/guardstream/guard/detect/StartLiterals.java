package io.guardstream.guard.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The literals every match of a pattern starts with, as a cheap test of where a search needs to
 * try the pattern. RE2J's unanchored search starts a thread for every alternative at every
 * position of a window; for a pattern of many alternatives that costs microseconds per char, while
 * most positions start none of its literals.
 */
final class StartLiterals {
  /** Literals by their first char when it folds to ASCII (lower-cased); the rest at 128. */
  private final char[][][] byFirst;

  private StartLiterals(char[][][] byFirst) {
    this.byFirst = byFirst;
  }

  /**
   * The start literals of {@code source} (after a leading flag group such as {@code (?i)}), or
   * null when some match may start otherwise.
   */
  static StartLiterals of(String source) {
    int from = 0;
    if (source.startsWith("(?") && source.length() > 2 && Character.isLetter(source.charAt(2))) {
      int close = source.indexOf(')');
      if (close < 0 || source.substring(2, close).chars().anyMatch(c -> !Character.isLetter(c))) {
        return null;
      }
      from = close + 1;
    }
    Set<String> literals = LeadingAlternatives.firstLiterals(source, from, source.length());
    if (literals == null) {
      return null;
    }
    List<List<char[]>> buckets = new ArrayList<>();
    for (int i = 0; i <= 128; i++) {
      buckets.add(new ArrayList<>());
    }
    for (String l : literals) {
      char c = fold(l.charAt(0));
      buckets.get(c < 128 ? c : 128).add(l.toCharArray());
    }
    char[][][] byFirst = new char[129][][];
    for (int i = 0; i <= 128; i++) {
      byFirst[i] = buckets.get(i).toArray(new char[0][]);
    }
    return new StartLiterals(byFirst);
  }

  /** Whether a match may start at {@code p}: some literal {@link #agrees agrees} with the text. */
  boolean mayStartAt(CharSequence t, int p) {
    char c = t.charAt(p);
    if (c < 128) {
      return any(byFirst[Character.toLowerCase(c)], t, p);
    }
    for (char[][] bucket : byFirst) {
      if (any(bucket, t, p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean any(char[][] literals, CharSequence t, int p) {
    for (char[] l : literals) {
      if (agrees(l, t, p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean agrees(char[] l, CharSequence t, int p) {
    if (p + l.length > t.length()) {
      return false;
    }
    for (int i = 0; i < l.length; i++) {
      if (!agrees(l[i], t.charAt(p + i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a case-insensitive pattern char may match a text char. Only two non-ASCII chars fold to
   * ASCII letters (KELVIN SIGN, LATIN SMALL LETTER LONG S), and {@link #fold} maps both; two other
   * non-ASCII chars are taken as possibly equal, as their folding rules are too many to mirror.
   */
  static boolean agrees(char x, char y) {
    if (x == y) {
      return true;
    }
    if (x < 128 && y < 128) {
      return Character.toLowerCase(x) == Character.toLowerCase(y);
    }
    return fold(x) == fold(y) || x >= 128 && y >= 128;
  }

  private static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }
}
