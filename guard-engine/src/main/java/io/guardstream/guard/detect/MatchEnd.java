package io.guardstream.guard.detect;

import com.google.re2j.Pattern;
import com.google.re2j.ProgramView;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether RE2J's match of an anchored pattern starts at a position, and where it ends, found by a
 * lazy DFA instead of RE2J's NFA. Anchored rules try their pattern at every trigger word, and most
 * tries fail, often only after RE2J's NFA has carried many threads through the window (2–7 µs a
 * failed try on real prompts); a try that matches made RE2J visit every alternative of a large
 * pattern at its first char and carry threads with captures to the end: about 10 µs warm, and
 * 40-50 µs in mixed traffic, where the pattern's instructions have left the CPU caches by the time
 * an attack comes. This reads one table entry a char. Rules that report the whole match need
 * nothing more; the others run RE2J for the groups of the tries that do match.
 *
 * <p>The DFA is exact: a state is RE2J's queue of threads in priority order (the instructions
 * still to follow, and what kind of char came last, for the assertions), so a match cuts the
 * threads after it as RE2J's leftmost-first search does, and later matches of the threads before
 * it win. Assertions see the try's window as the whole input, as RE2J does when given the window.
 * States are built on first use and cached, within bounds, in DFAs lent to one try at a time
 * ({@link SlotPool}); when they run out,
 * {@link #end} says {@link #UNKNOWN} and the caller asks RE2J.
 */
final class MatchEnd {
  /** No match starts at the position. */
  static final int NONE = -1;
  /** The cache was full and has started over: ask RE2J this time. */
  static final int UNKNOWN = -2;

  static final int MAX_STATES = 4096;
  static final int MAX_WIDE = 8192;

  // RE2J's assertion bits (ProgramView#assertion).
  private static final int BEGIN_LINE = 1;
  private static final int END_LINE = 2;
  private static final int BEGIN_TEXT = 4;
  private static final int END_TEXT = 8;
  private static final int WORD_BOUNDARY = 16;
  private static final int NO_WORD_BOUNDARY = 32;

  // What came before a position, for the assertions.
  private static final int BEGIN = 0;
  private static final int NEWLINE = 1;
  private static final int WORD = 2;
  private static final int OTHER = 3;

  private final ProgramView program;
  /** Class of each ASCII char: read alike by every instruction, and of one kind. */
  private final int[] asciiClass;
  /** Kind (NEWLINE, WORD or OTHER) of each class. */
  private final int[] classKind;
  /** One ASCII char of each class, to step the instructions with. */
  private final int[] classChar;
  private final SlotPool<Dfa> dfas;

  private MatchEnd(ProgramView program) {
    this.program = program;
    int[] byProgram = program.asciiClasses();
    Map<Long, Integer> refined = new HashMap<>();
    this.asciiClass = new int[128];
    int[] kinds = new int[128];
    int[] chars = new int[128];
    for (int c = 0; c < 128; c++) {
      int kind = kindOf(c);
      int k = refined.computeIfAbsent((long) byProgram[c] << 2 | kind, key -> refined.size());
      asciiClass[c] = k;
      kinds[k] = kind;
      chars[k] = c;
    }
    this.classKind = Arrays.copyOf(kinds, refined.size());
    this.classChar = Arrays.copyOf(chars, refined.size());
    this.dfas = new SlotPool<>(Dfa::new);
  }

  /**
   * The DFA of {@code pattern}, which must be anchored ({@code ^(?:…)}), or null when the RE2J on
   * the class path is not one whose internals {@link ProgramView} can read (an app embedding the
   * SDK may bring another version): then every try goes to RE2J.
   */
  static MatchEnd of(Pattern pattern) {
    try {
      return new MatchEnd(ProgramView.of(pattern));
    } catch (LinkageError e) {
      return null;
    }
  }

  /**
   * End (relative to {@code from}) of the match RE2J finds at the start of {@code text[from,
   * to)}, {@link #NONE}, or {@link #UNKNOWN}.
   */
  int end(CharSequence text, int from, int to) {
    Dfa dfa = dfas.borrow();
    try {
      return dfa.end(text, from, to);
    } finally {
      dfas.giveBack(dfa);
    }
  }

  /** States the DFA this thread would be lent has built so far (for tests). */
  int states() {
    Dfa dfa = dfas.borrow();
    dfas.giveBack(dfa);
    return dfa.count;
  }

  /** Transitions on non-ASCII code points that DFA keeps (for tests). */
  int wideTransitions() {
    Dfa dfa = dfas.borrow();
    dfas.giveBack(dfa);
    return dfa.wide.size();
  }

  /** As RE2J's {@code isWordRune}: ASCII letters, digits and '_'. */
  private static int kindOf(int c) {
    if (c == '\n') {
      return NEWLINE;
    }
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
        ? WORD : OTHER;
  }

  /**
   * The code point at {@code at} as RE2J reads {@code text} up to {@code to}: a surrogate pair cut
   * by {@code to}, or an unpaired surrogate, is read as the char it is.
   */
  static int codePointAt(CharSequence text, int at, int to) {
    char c = text.charAt(at);
    if (Character.isHighSurrogate(c) && at + 1 < to
        && Character.isLowSurrogate(text.charAt(at + 1))) {
      return Character.toCodePoint(c, text.charAt(at + 1));
    }
    return c;
  }

  /** RE2J's {@code emptyOpContext} at {@code at} when {@code text[from, to)} is the input. */
  static int context(CharSequence text, int from, int to, int at) {
    int before = at == from ? BEGIN : kindOf(text.charAt(at - 1));
    return at == to ? context(before, OTHER, true)
        : context(before, kindOf(text.charAt(at)), false);
  }

  /** RE2J's {@code emptyOpContext} between a char of kind {@code before} and {@code next}. */
  private static int context(int before, int next, boolean atEnd) {
    int flags = 0;
    if (before == BEGIN) {
      flags |= BEGIN_LINE | BEGIN_TEXT;
    } else if (before == NEWLINE) {
      flags |= BEGIN_LINE;
    }
    if (atEnd) {
      flags |= END_LINE | END_TEXT;
    } else if (next == NEWLINE) {
      flags |= END_LINE;
    }
    boolean wordBefore = before == WORD;
    boolean wordNext = !atEnd && next == WORD;
    return flags | (wordBefore != wordNext ? WORD_BOUNDARY : NO_WORD_BOUNDARY);
  }

  /** A lazily built DFA, used by one try at a time. */
  private final class Dfa {
    /** State 0 has no thread left: nothing more can match. */
    private static final int DEAD = 0;
    /** Bit of a transition entry: a match ends before the char read. */
    private static final int MATCHED = 1 << 30;

    /** Per state: the instructions its threads go on from, in priority order. */
    private int[][] targets = new int[16][];
    /** Per state: the kind of the char read last. */
    private int[] before = new int[16];
    /** Per state: 0 not known yet, 1 no match at the end of the input, 2 a match there. */
    private byte[] atEnd = new byte[16];
    /** Per state and ASCII class: MATCHED | next state + 1, or 0 when not built yet. */
    private int[] ascii = new int[16 * classKind.length];
    private int count;
    private int start;
    private final Map<Key, Integer> ids = new HashMap<>();
    /** Transitions on other code points: state << 32 | code point to an entry as in ascii. */
    private final Map<Long, Integer> wide = new HashMap<>();
    private final int[] mark;
    private int stamp;
    private final int[] stack;
    private final int[] queue;
    private final int[] next;

    Dfa() {
      int n = program.size();
      this.mark = new int[n];
      this.stack = new int[2 * n + 2];
      this.queue = new int[n];
      this.next = new int[n];
      reset();
    }

    private void reset() {
      ids.clear();
      wide.clear();
      Arrays.fill(ascii, 0);
      Arrays.fill(atEnd, 0, count, (byte) 0);
      count = 0;
      intern(BEGIN, new int[0], 0); // DEAD
      start = intern(BEGIN, new int[] {program.start()}, 1);
    }

    int end(CharSequence text, int from, int to) {
      int s = start;
      int found = NONE;
      int i = from;
      while (i < to) {
        int cp = codePointAt(text, i, to);
        int width = Character.charCount(cp);
        int entry;
        if (cp < 128) {
          int at = s * classKind.length + asciiClass[cp];
          entry = ascii[at];
          if (entry == 0) {
            entry = step(s, classChar[asciiClass[cp]], classKind[asciiClass[cp]]);
            if (entry < 0) {
              return UNKNOWN;
            }
            ascii[at] = entry;
          }
        } else {
          long key = (long) s << 32 | cp;
          Integer known = wide.get(key);
          if (known == null) {
            entry = step(s, cp, OTHER);
            if (entry < 0) {
              return UNKNOWN;
            }
            wide.put(key, entry);
          } else {
            entry = known;
          }
        }
        if ((entry & MATCHED) != 0) {
          found = i - from;
        }
        s = (entry & ~MATCHED) - 1;
        if (s == DEAD) {
          return found;
        }
        i += width;
      }
      if (atEnd[s] == 0) {
        atEnd[s] = (byte) (closure(s, context(before[s], OTHER, true)) < 0 ? 2 : 1);
      }
      return atEnd[s] == 2 ? to - from : found;
    }

    /**
     * The entry for reading {@code cp} (of {@code kind}) in state {@code s}: RE2J's step over its
     * queue in priority order, which stops at the first thread that has matched. -1 when the
     * cache was full and has started over.
     */
    private int step(int s, int cp, int kind) {
      if (count >= MAX_STATES || wide.size() >= MAX_WIDE) {
        reset();
        return -1;
      }
      int n = closure(s, context(before[s], kind, false));
      boolean matched = n < 0;
      if (matched) {
        n = -n - 1;
      }
      int m = 0;
      for (int k = 0; k < n; k++) {
        int pc = queue[k];
        if (program.matches(pc, cp)) {
          next[m++] = program.out(pc);
        }
      }
      int to = intern(kind, Arrays.copyOf(next, m), m);
      return (matched ? MATCHED : 0) | to + 1;
    }

    /**
     * The threads of state {@code s} under the assertion bits {@code cond}: the reading
     * instructions reached, in RE2J's order, in {@link #queue}. Returns their number, or -(number
     * + 1) when a match instruction came first among the rest (the threads after it are cut).
     */
    private int closure(int s, int cond) {
      if (++stamp == Integer.MAX_VALUE) {
        Arrays.fill(mark, 0);
        stamp = 1;
      }
      int n = 0;
      for (int t : targets[s]) {
        int top = 0;
        stack[top++] = t;
        while (top > 0) {
          int pc = stack[--top];
          if (pc == 0 || mark[pc] == stamp) {
            continue; // pc 0 is RE2J's fail instruction, and its add() skips it too
          }
          mark[pc] = stamp;
          switch (program.kind(pc)) {
            case ProgramView.READ -> queue[n++] = pc;
            case ProgramView.MATCH -> {
              return -n - 1;
            }
            case ProgramView.FORK -> {
              stack[top++] = program.arg(pc);
              stack[top++] = program.out(pc);
            }
            case ProgramView.PASS -> {
              int needs = program.assertion(pc);
              if ((needs & ~cond) == 0) {
                stack[top++] = program.out(pc);
              }
            }
            default -> { }
          }
        }
      }
      return n;
    }

    /** The state of {@code kind} whose threads go on from {@code pcs[0, n)}, without repeats. */
    private int intern(int kind, int[] pcs, int n) {
      int[] set = n == 0 ? pcs : dedupe(pcs, n);
      Key key = new Key(set.length == 0 ? BEGIN : kind, set);
      Integer id = ids.get(key);
      if (id != null) {
        return id;
      }
      if (count == targets.length) {
        targets = Arrays.copyOf(targets, 2 * count);
        before = Arrays.copyOf(before, 2 * count);
        atEnd = Arrays.copyOf(atEnd, 2 * count);
        ascii = Arrays.copyOf(ascii, 2 * count * classKind.length);
      }
      targets[count] = set;
      before[count] = key.before;
      ids.put(key, count);
      return count++;
    }

    /** {@code pcs[0, n)} with later repeats dropped: a repeat adds no thread in RE2J. */
    private int[] dedupe(int[] pcs, int n) {
      int m = 0;
      outer:
      for (int k = 0; k < n; k++) {
        for (int j = 0; j < m; j++) {
          if (pcs[j] == pcs[k]) {
            continue outer;
          }
        }
        pcs[m++] = pcs[k];
      }
      return m == pcs.length ? pcs : Arrays.copyOf(pcs, m);
    }
  }

  /** A state as a map key: the kind of the last char and the threads' instructions. */
  private record Key(int before, int[] pcs) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && before == k.before && Arrays.equals(pcs, k.pcs);
    }

    @Override
    public int hashCode() {
      return 31 * before + Arrays.hashCode(pcs);
    }
  }
}
