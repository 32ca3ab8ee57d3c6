package io.guardstream.guard.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  private final int alphabet;
  private final int[] asciiClass;
  private final char[] wideChars;
  private final int[] wideClass;
  /**
   * Transition table indexed by {@code offset + class}, where offset = state * alphabet; each entry
   * is the next state's offset, negated (bit 31 set) when that state has outputs.
   */
  private final int[] next;
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
      int[][] outputs, int[] lengths, int prefix) {
    this.alphabet = alphabet;
    this.asciiClass = asciiClass;
    this.wideChars = wideChars;
    this.wideClass = wideClass;
    this.next = next;
    this.outputs = outputs;
    this.lengths = lengths;
    this.prefix = prefix;
    this.rootStays = new boolean[128];
    for (char c = 0; c < 128; c++) {
      rootStays[c] = next[classOf(c)] == ROOT;
    }
    this.start = prefix == 0 ? ROOT : next[classOf(' ')] & Integer.MAX_VALUE;
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
    Map<Character, Integer> classes = new HashMap<>();
    List<String> lowered = new ArrayList<>(literals.size());
    for (String literal : literals) {
      if (literal.isEmpty()) {
        throw new IllegalArgumentException("empty literal");
      }
      String low = lower(literal);
      lowered.add(low);
      for (int i = 0; i < low.length(); i++) {
        classes.computeIfAbsent(low.charAt(i), c -> classes.size() + 1);
      }
    }
    int alphabet = classes.size() + 1;
    int[] asciiClass = new int[128];
    List<Character> wide = new ArrayList<>();
    for (Map.Entry<Character, Integer> e : classes.entrySet()) {
      char c = e.getKey();
      if (c < 128) {
        asciiClass[c] = e.getValue();
        if (c >= 'a' && c <= 'z') {
          asciiClass[c - 32] = e.getValue(); // upper case matches too
        }
      } else {
        wide.add(c);
      }
    }
    wide.sort(null);
    char[] wideChars = new char[wide.size()];
    int[] wideClass = new int[wide.size()];
    for (int i = 0; i < wide.size(); i++) {
      wideChars[i] = wide.get(i);
      wideClass[i] = classes.get(wide.get(i));
    }

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
    for (int c = 0; c < alphabet; c++) {
      int to = goTo.get(ROOT)[c];
      if (to < 0) {
        next[c] = ROOT;
      } else {
        next[c] = to;
        fail[to] = ROOT;
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
          queue.add(to);
        }
      }
    }
    int[][] outputs = new int[states][];
    for (int s = 0; s < states; s++) {
      List<Integer> o = out.get(s);
      outputs[s] = o.isEmpty() ? null : o.stream().mapToInt(Integer::intValue).distinct().toArray();
    }
    if ((long) states * alphabet > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many literals: " + states + " automaton states");
    }
    int[] table = new int[next.length];
    for (int i = 0; i < next.length; i++) {
      int to = next[i];
      table[i] = to * alphabet | (outputs[to] != null ? Integer.MIN_VALUE : 0);
    }
    return new LiteralMatcher(alphabet, asciiClass, wideChars, wideClass, table, outputs, lengths,
        prefix);
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

  private int classOf(char ch) {
    if (ch < 128) {
      return asciiClass[ch];
    }
    char low = Character.toLowerCase(ch);
    int i = Arrays.binarySearch(wideChars, low);
    return i < 0 ? 0 : wideClass[i];
  }

  /**
   * Reports every occurrence of every literal in {@code text[from, to)} (for a word-start matcher,
   * read as if a space came before it).
   */
  public void scan(CharSequence text, int from, int to, Sink sink) {
    int off = start;
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      int v = next[off + classOf(ch)];
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
      int v = next[off + classOf(ch)];
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
      int v = next[off + classOf(ch)];
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
