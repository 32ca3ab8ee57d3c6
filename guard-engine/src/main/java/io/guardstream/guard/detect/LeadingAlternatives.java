package io.guardstream.guard.detect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits a pattern of the form {@code (?:A|B|C)rest} (or {@code A|B|C}) into its alternatives and
 * keeps, for a literal the match must start with, only those that can start with it. An anchored
 * rule tries its pattern where a trigger occurs; RE2J's automaton then follows every alternative
 * at the first char, and most of a rule's cost is alternatives that begin with other words. An
 * alternative is dropped only when every string it matches begins with a literal that disagrees
 * with the trigger, so the remaining pattern matches exactly what the whole one matches there.
 */
final class LeadingAlternatives {
  private final String before;
  private final String after;
  private final List<String> alternatives;
  /** Literals each alternative's matches start with; null where the analysis cannot tell. */
  private final List<Set<String>> starts;

  private LeadingAlternatives(String before, String after, List<String> alternatives,
      List<Set<String>> starts) {
    this.before = before;
    this.after = after;
    this.alternatives = alternatives;
    this.starts = starts;
  }

  /** The alternatives of {@code source}, or null when it is no alternation this class reads. */
  static LeadingAlternatives of(String source) {
    if (source.contains("\\Q")) {
      return null; // quoted text would need its own reader; such patterns stay whole
    }
    List<int[]> top = split(source, 0, source.length());
    if (top == null) {
      return null;
    }
    int from = 0;
    int to = source.length();
    if (top.size() == 1) {
      // No top-level '|': split the non-capturing group the pattern opens with, if unquantified.
      if (!source.startsWith("(?:")) {
        return null;
      }
      int close = groupEnd(source, 0);
      if (close < 0 || quantified(source, close + 1)
          || close + 1 < source.length() && source.charAt(close + 1) == '+') {
        return null; // a repeated group's alternatives combine: it cannot be narrowed
      }
      from = 3;
      to = close;
      top = split(source, from, to);
      if (top == null || top.size() < 2) {
        return null;
      }
    }
    List<String> alternatives = new ArrayList<>();
    List<Set<String>> starts = new ArrayList<>();
    for (int[] a : top) {
      alternatives.add(source.substring(a[0], a[1]));
      starts.add(firstLiterals(source, a[0], a[1]));
    }
    String before = from == 0 ? "" : source.substring(0, from);
    String after = from == 0 ? "" : source.substring(to);
    return new LeadingAlternatives(before, after, alternatives, starts);
  }

  /**
   * The pattern with only the alternatives a match starting with {@code literal} can take, in
   * their order (RE2 prefers earlier alternatives), or null when none can.
   */
  String forLiteral(String literal) {
    StringBuilder kept = new StringBuilder();
    int n = 0;
    for (int i = 0; i < alternatives.size(); i++) {
      Set<String> first = starts.get(i);
      if (first == null || first.stream().anyMatch(s -> compatible(s, literal))) {
        kept.append(n++ == 0 ? "" : "|").append(alternatives.get(i));
      }
    }
    if (n == 0) {
      return null;
    }
    return before.isEmpty() ? kept.toString() : before + kept + after;
  }

  /**
   * Whether one string can be a prefix of the other in the same text: equal up to ASCII case
   * (case-insensitive matching folds no two ASCII letters together), with any non-ASCII char
   * taken as possibly equal.
   */
  static boolean compatible(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x >= 128 || y >= 128) {
        continue;
      }
      if (Character.toLowerCase(x) != Character.toLowerCase(y)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Literals one of which starts every match of {@code source[from, to)}: a leading run of plain
   * chars, or the union over an unquantified leading group's alternatives. Null when unknown.
   */
  static Set<String> firstLiterals(String source, int from, int to) {
    if (from >= to) {
      return null; // an empty alternative matches anywhere
    }
    char c = source.charAt(from);
    if (c == '(') {
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
      List<int[]> alts = split(source, inner, close);
      if (alts == null) {
        return null;
      }
      Set<String> all = new HashSet<>();
      for (int[] a : alts) {
        Set<String> s = firstLiterals(source, a[0], a[1]);
        if (s == null) {
          return null;
        }
        all.addAll(s);
      }
      return all;
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
