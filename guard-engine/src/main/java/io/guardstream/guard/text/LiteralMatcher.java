package io.guardstream.guard.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Aho–Corasick automaton over many literals: one linear pass finds every occurrence of every
 * literal. Matching is ASCII case-insensitive (literals are stored lower-case); non-ASCII
 * characters match exactly after {@link Character#toLowerCase(char)}. Immutable and thread-safe.
 */
public final class LiteralMatcher {

  /** Receives matches in end-position order. */
  @FunctionalInterface
  public interface Sink {
    void match(int literalId, int start, int end);
  }

  private static final int ROOT = 0;

  /** Classes of ASCII chars, 0 (no literal has the char) included; wide chars come after. */
  private final int alphabet;
  private final int[] asciiClass;
  private final char[] wideChars;
  private final int[] wideClass;
  /**
   * Transition table indexed by {@code offset + class} for the ASCII classes, where offset =
   * state * alphabet; each entry is the next state's offset, negated (bit 31 set) when that state
   * has outputs. Non-ASCII classes have a table of their own ({@link #wideNext}), so the rows read
   * for ASCII text stay short: on real prompts the table's cache misses were the cost.
   */
  private final int[] next;
  /** Entries as in {@link #next}, indexed by state * wideCount + (class - alphabet). */
  private final int[] wideNext;
  private final int wideCount;
  private final int[][] outputs;
  /** Lengths of the literals as matched (with the leading space of a word-start matcher). */
  private final int[] lengths;
  /** ASCII chars that leave the root where it is: no literal starts with them. */
  private final boolean[] rootStays;
  /** Chars prepended to every literal: 1 (a space) for a word-start matcher, else 0. */
  private final int prefix;
  /** State a scan starts in: the root, or the state after a space for a word-start matcher. */
  private final int start;

  private LiteralMatcher(
      int alphabet, int[] asciiClass, char[] wideChars, int[] wideClass, int[] next,
      int[] wideNext, int[][] outputs, int[] lengths, int prefix) {
    this.alphabet = alphabet;
    this.asciiClass = asciiClass;
    this.wideChars = wideChars;
    this.wideClass = wideClass;
    this.next = next;
    this.wideNext = wideNext;
    this.wideCount = wideChars.length;
    this.outputs = outputs;
    this.lengths = lengths;
    this.prefix = prefix;
    this.rootStays = new boolean[128];
    for (char c = 0; c < 128; c++) {
      rootStays[c] = next[asciiClass[c]] == ROOT;
    }
    this.start = prefix == 0 ? ROOT : next[asciiClass[' ']] & Integer.MAX_VALUE;
  }

  /** Number of literals the matcher was built from; ids run from 0. */
  public int size() {
    return lengths.length;
  }

  /** Builds a matcher; literal {@code i} reports id {@code i}. Empty literals are not allowed. */
  public static LiteralMatcher of(List<String> literals) {
    return build(literals, 0);
  }

  /**
   * A matcher that reports only occurrences at word starts: at the start of the text or after a
   * space. Faster than filtering the matches of {@link #of}: between word starts, the scan skips
   * whole words whose first char starts no literal.
   */
  public static LiteralMatcher ofWordStarts(List<String> literals) {
    List<String> spaced = new ArrayList<>(literals.size());
    for (String literal : literals) {
      if (literal.isEmpty()) {
        throw new IllegalArgumentException("empty literal");
      }
      spaced.add(" " + literal);
    }
    return build(spaced, 1);
  }

  private static LiteralMatcher build(List<String> literals, int prefix) {
    // Alphabet: every distinct (lower-cased) char used by a literal, plus class 0 for "other".
    // ASCII chars get the classes from 1, non-ASCII chars the classes after them.
    TreeSet<Character> used = new TreeSet<>();
    List<String> lowered = new ArrayList<>(literals.size());
    for (String literal : literals) {
      if (literal.isEmpty()) {
        throw new IllegalArgumentException("empty literal");
      }
      String low = lower(literal);
      lowered.add(low);
      for (int i = 0; i < low.length(); i++) {
        used.add(low.charAt(i));
      }
    }
    Map<Character, Integer> classes = new HashMap<>();
    int[] asciiClass = new int[128];
    List<Character> wide = new ArrayList<>();
    for (char c : used) {
      classes.put(c, classes.size() + 1);
      if (c < 128) {
        asciiClass[c] = classes.get(c);
        if (c >= 'a' && c <= 'z') {
          asciiClass[c - 32] = classes.get(c); // upper case matches too
        }
      } else {
        wide.add(c);
      }
    }
    int full = classes.size() + 1;
    int ascii = full - wide.size();
    char[] wideChars = new char[wide.size()];
    int[] wideClass = new int[wide.size()];
    for (int i = 0; i < wide.size(); i++) {
      wideChars[i] = wide.get(i);
      wideClass[i] = classes.get(wide.get(i));
    }
    int alphabet = full;

    // Trie.
    List<int[]> goTo = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    goTo.add(newRow(alphabet));
    out.add(new ArrayList<>());
    int[] lengths = new int[lowered.size()];
    for (int id = 0; id < lowered.size(); id++) {
      String low = lowered.get(id);
      lengths[id] = low.length();
      int state = ROOT;
      for (int i = 0; i < low.length(); i++) {
        int c = classes.get(low.charAt(i));
        int to = goTo.get(state)[c];
        if (to < 0) {
          to = goTo.size();
          goTo.get(state)[c] = to;
          goTo.add(newRow(alphabet));
          out.add(new ArrayList<>());
        }
        state = to;
      }
      out.get(state).add(id);
    }

    // Failure links by BFS, folded into a complete transition table.
    int states = goTo.size();
    int[] fail = new int[states];
    int[] next = new int[states * alphabet];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    // States renumbered in breadth-first order: the shallow states, where a scan spends nearly
    // all its steps, then share a few cache lines of the table instead of spreading over it.
    int[] renumbered = new int[states];
    int numbered = 1;
    for (int c = 0; c < alphabet; c++) {
      int to = goTo.get(ROOT)[c];
      if (to < 0) {
        next[c] = ROOT;
      } else {
        next[c] = to;
        fail[to] = ROOT;
        renumbered[to] = numbered++;
        queue.add(to);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out.get(s).addAll(out.get(fail[s]));
      for (int c = 0; c < alphabet; c++) {
        int to = goTo.get(s)[c];
        if (to < 0) {
          next[s * alphabet + c] = next[fail[s] * alphabet + c];
        } else {
          next[s * alphabet + c] = to;
          fail[to] = next[fail[s] * alphabet + c];
          renumbered[to] = numbered++;
          queue.add(to);
        }
      }
    }
    int[][] outputs = new int[states][];
    for (int s = 0; s < states; s++) {
      List<Integer> o = out.get(s);
      outputs[renumbered[s]] =
          o.isEmpty() ? null : o.stream().mapToInt(Integer::intValue).distinct().toArray();
    }
    if ((long) states * alphabet > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many literals: " + states + " automaton states");
    }
    int wideCount = alphabet - ascii;
    int[] table = new int[states * ascii];
    int[] wideTable = new int[states * wideCount];
    for (int s = 0; s < states; s++) {
      for (int c = 0; c < alphabet; c++) {
        int to = renumbered[next[s * alphabet + c]];
        int entry = to * ascii | (outputs[to] != null ? Integer.MIN_VALUE : 0);
        int from = renumbered[s];
        if (c < ascii) {
          table[from * ascii + c] = entry;
        } else {
          wideTable[from * wideCount + c - ascii] = entry;
        }
      }
    }
    return new LiteralMatcher(ascii, asciiClass, wideChars, wideClass, table, wideTable, outputs,
        lengths, prefix);
  }

  private static int[] newRow(int alphabet) {
    int[] row = new int[alphabet];
    Arrays.fill(row, -1);
    return row;
  }

  private static String lower(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      b.append(Character.toLowerCase(s.charAt(i)));
    }
    return b.toString();
  }

  /** The entry of {@link #next} or {@link #wideNext} for {@code ch} at state offset {@code off}. */
  private int step(int off, char ch) {
    if (ch < 128) {
      return next[off + asciiClass[ch]];
    }
    int i = Arrays.binarySearch(wideChars, Character.toLowerCase(ch));
    return i < 0 ? next[off] : wideNext[off / alphabet * wideCount + wideClass[i] - alphabet];
  }

  /**
   * Reports every occurrence of every literal in {@code text[from, to)} (for a word-start matcher,
   * read as if a space came before it).
   */
  public void scan(CharSequence text, int from, int to, Sink sink) {
    int off = start;
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      int v = step(off, ch);
      off = v & Integer.MAX_VALUE;
      if (v < 0) {
        int[] o = outputs[off / alphabet];
        for (int id : o) {
          sink.match(id, i + 1 - lengths[id] + prefix, i + 1);
        }
      }
    }
  }

  /** Same as {@link #scan(CharSequence, int, int, Sink)} for a String (a monomorphic loop). */
  public void scan(String text, int from, int to, Sink sink) {
    int off = start;
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      int v = step(off, ch);
      off = v & Integer.MAX_VALUE;
      if (v < 0) {
        int[] o = outputs[off / alphabet];
        for (int id : o) {
          sink.match(id, i + 1 - lengths[id] + prefix, i + 1);
        }
      }
    }
  }

  /** Same as {@link #scan(CharSequence, int, int, Sink)} over a char array (no wrapper needed). */
  public void scan(char[] text, int from, int to, Sink sink) {
    int off = start;
    for (int i = from; i < to; i++) {
      char ch = text[i];
      if (off == ROOT) {
        // At the root, chars that start no literal change nothing: skip them in a tight loop
        // (for a word-start matcher, the rest of every word that cannot start a match).
        while (ch < 128 && rootStays[ch] && ++i < to) {
          ch = text[i];
        }
        if (i == to) {
          break;
        }
      }
      int v = step(off, ch);
      off = v & Integer.MAX_VALUE;
      if (v < 0) {
        int[] o = outputs[off / alphabet];
        for (int id : o) {
          sink.match(id, i + 1 - lengths[id] + prefix, i + 1);
        }
      }
    }
  }
}
