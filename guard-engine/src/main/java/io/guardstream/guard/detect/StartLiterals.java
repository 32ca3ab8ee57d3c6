package io.guardstream.guard.detect;

import java.util.ArrayList;
import java.util.HashSet;
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
    if (source.contains("\\Q")) {
      return null; // quoted text would need its own reader
    }
    Set<String> literals = firstLiterals(source, from, source.length());
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

  /**
   * Literals one of which starts every match of {@code source[from, to)}: per alternative, a
   * leading run of plain chars or what an unquantified leading group starts with. Null when some
   * alternative may start otherwise.
   */
  static Set<String> firstLiterals(String source, int from, int to) {
    List<int[]> alternatives = split(source, from, to);
    if (alternatives == null) {
      return null;
    }
    Set<String> all = new HashSet<>();
    for (int[] a : alternatives) {
      Set<String> s = sequenceStart(source, a[0], a[1]);
      if (s == null) {
        return null;
      }
      all.addAll(s);
    }
    return all;
  }

  private static Set<String> sequenceStart(String source, int from, int to) {
    if (from >= to) {
      return null; // an empty alternative matches anywhere
    }
    if (source.charAt(from) == '(') {
      int close = groupEnd(source, from);
      if (close < 0 || close >= to || quantified(source, close + 1)) {
        return null;
      }
      int inner = from + 1;
      if (source.startsWith("?:", inner)) {
        inner += 2;
      } else if (source.charAt(inner) == '?') {
        return null; // flags or a named group: keep it simple
      }
      return firstLiterals(source, inner, close);
    }
    int end = from;
    while (end < to && plain(source.charAt(end))) {
      end++;
    }
    if (end < to && quantified(source, end)) {
      end--; // the last char is optional or repeated from zero
    }
    return end > from ? Set.of(source.substring(from, end)) : null;
  }

  private static boolean plain(char c) {
    return Character.isLetterOrDigit(c) || c == ' ' || c == '\'' || c == '-' || c == ',';
  }

  /** Whether a quantifier that allows zero repetitions (or any bounded one) stands at {@code i}. */
  private static boolean quantified(String s, int i) {
    return i < s.length() && (s.charAt(i) == '?' || s.charAt(i) == '*' || s.charAt(i) == '{');
  }

  /** Top-level alternatives of {@code s[from, to)} as [start, end) pairs; null if unreadable. */
  private static List<int[]> split(String s, int from, int to) {
    List<int[]> out = new ArrayList<>();
    int depth = 0;
    int start = from;
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (c == '\\') {
        i = escapeEnd(s, i);
        if (i < 0) {
          return null;
        }
        continue;
      }
      if (c == '[') {
        i = classEnd(s, i);
        if (i < 0) {
          return null;
        }
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth < 0) {
          return null;
        }
      } else if (c == '|' && depth == 0) {
        out.add(new int[] {start, i});
        start = i + 1;
      }
      i++;
    }
    if (depth != 0) {
      return null;
    }
    out.add(new int[] {start, to});
    return out;
  }

  /** Index of the ')' closing the group opened at {@code open}, or -1. */
  private static int groupEnd(String s, int open) {
    int depth = 0;
    int i = open;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        i = escapeEnd(s, i);
        if (i < 0) {
          return -1;
        }
        continue;
      }
      if (c == '[') {
        i = classEnd(s, i);
        if (i < 0) {
          return -1;
        }
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /** Index after the escape starting at {@code i} ({@code \x}, {@code \p{..}}, {@code \x{..}}). */
  private static int escapeEnd(String s, int i) {
    if (i + 1 >= s.length()) {
      return -1;
    }
    char e = s.charAt(i + 1);
    if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < s.length() && s.charAt(i + 2) == '{') {
      int close = s.indexOf('}', i + 3);
      return close < 0 ? -1 : close + 1;
    }
    return i + 2;
  }

  /** Index after the character class opened at {@code i}. */
  private static int classEnd(String s, int i) {
    int j = i + 1;
    if (j < s.length() && s.charAt(j) == '^') {
      j++;
    }
    if (j < s.length() && s.charAt(j) == ']') {
      j++; // a leading ']' is a member
    }
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == '[' && j + 1 < s.length() && s.charAt(j + 1) == ':') {
        int close = s.indexOf(":]", j + 2);
        if (close < 0) {
          return -1;
        }
        j = close + 2;
        continue;
      }
      if (c == ']') {
        return j + 1;
      }
      j++;
    }
    return -1;
  }
}
