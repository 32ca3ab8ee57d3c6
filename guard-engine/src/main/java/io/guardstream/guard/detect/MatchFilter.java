package io.guardstream.guard.detect;

import com.google.re2j.Pattern;
import com.google.re2j.ProgramView;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells cheaply that an anchored pattern cannot match at a position. Anchored rules try their
 * pattern at every trigger word, and most tries fail, often only after RE2J's NFA has carried
 * many threads through the window (2–7 µs a failed try on real prompts). This runs the
 * pattern's program as a DFA instead - one state per set of live instructions, built lazily and
 * cached per thread - at a table read per char. Assertions ({@code \b}, {@code $}) are taken as
 * true, so the DFA accepts every text the pattern accepts: "no" is certain, "maybe" goes on to
 * RE2J, and findings do not change.
 */
final class MatchFilter {
  /**
   * States one thread keeps per pattern; when full the cache starts over. The largest default
   * rules settle at about 1,000 on real prompts; a state costs 4 bytes per ASCII char class.
   */
  static final int MAX_STATES = 4096;
  /** Transitions on non-ASCII code points one thread keeps per pattern, as bounded. */
  static final int MAX_WIDE = 8192;

  private final ProgramView program;
  /** Class of each ASCII char: chars of one class are read alike by every instruction. */
  private final int[] asciiClass;
  private final int classes;
  private final ThreadLocal<Dfa> dfa;

  private MatchFilter(ProgramView program) {
    this.program = program;
    this.asciiClass = program.asciiClasses();
    this.classes = Arrays.stream(asciiClass).max().orElse(0) + 1;
    this.dfa = ThreadLocal.withInitial(Dfa::new);
  }

  /**
   * The filter of {@code pattern}, which must be anchored at its start ({@code ^(?:…)}), or null
   * when the RE2J on the class path is not one whose internals {@link ProgramView} can read (an
   * app embedding the SDK may bring another version): then every try goes to RE2J, as before.
   */
  static MatchFilter of(Pattern pattern) {
    try {
      return new MatchFilter(ProgramView.of(pattern));
    } catch (LinkageError e) {
      return null;
    }
  }

  /** False when no match of the pattern starts at {@code from} and ends by {@code to}. */
  boolean mayMatch(CharSequence text, int from, int to) {
    return dfa.get().mayMatch(text, from, to);
  }

  /** States this thread has built so far (for tests). */
  int states() {
    return dfa.get().count;
  }

  /** Transitions on non-ASCII code points this thread keeps (for tests). */
  int wideTransitions() {
    return dfa.get().wide.size();
  }

  /** One thread's lazily built DFA. */
  private final class Dfa {
    private static final int ASCII = 128;
    private static final int ACCEPT = 0;
    private static final int DEAD = 1;

    /** Per state: the READ instructions alive in it, sorted. */
    private int[][] sets = new int[16][];
    /** Per state and ASCII char class: next state + 1, or 0 when not built yet. */
    private int[] ascii = new int[16 * classes];
    private int count;
    private int start;
    private final Map<Key, Integer> ids = new HashMap<>();
    /** Transitions on other code points: state << 32 | code point to next state. */
    private final Map<Long, Integer> wide = new HashMap<>();
    private final int[] mark;
    private int stamp;
    private final int[] stack;
    private final int[] live;

    Dfa() {
      int n = program.size();
      this.mark = new int[n];
      this.stack = new int[2 * n + 2];
      this.live = new int[n];
      reset();
    }

    private void reset() {
      ids.clear();
      wide.clear();
      Arrays.fill(ascii, 0);
      count = 0;
      add(null); // ACCEPT: a match is reachable
      add(new int[0]); // DEAD: no instruction is alive
      ids.put(new Key(new int[0]), DEAD);
      nextStamp();
      int n = close(program.start(), 0);
      start = n < 0 ? ACCEPT : intern(n);
    }

    boolean mayMatch(CharSequence text, int from, int to) {
      int s = start;
      int i = from;
      while (s > DEAD && i < to) {
        char c = text.charAt(i);
        int cp = c;
        int width = 1;
        if (Character.isHighSurrogate(c) && i + 1 < to
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          cp = Character.toCodePoint(c, text.charAt(i + 1));
          width = 2;
        }
        int next;
        if (cp < ASCII) {
          int at = s * classes + asciiClass[cp];
          next = ascii[at] - 1;
          if (next < 0) {
            next = step(s, cp);
            if (next < 0) {
              return true; // cache was full and has started over: let RE2J decide this time
            }
            ascii[at] = next + 1;
          }
        } else {
          long key = (long) s << 32 | cp;
          Integer known = wide.get(key);
          if (known == null) {
            next = step(s, cp);
            if (next < 0) {
              return true;
            }
            wide.put(key, next);
          } else {
            next = known;
          }
        }
        s = next;
        i += width;
      }
      return s == ACCEPT;
    }

    /** The state after reading {@code cp} in state {@code s}, or -1 when the cache was full. */
    private int step(int s, int cp) {
      if (count == MAX_STATES || wide.size() == MAX_WIDE) {
        reset();
        return -1;
      }
      nextStamp();
      int n = 0;
      for (int pc : sets[s]) {
        if (program.matches(pc, cp)) {
          n = close(program.out(pc), n);
          if (n < 0) {
            return ACCEPT;
          }
        }
      }
      return intern(n);
    }

    /** A new mark for {@link #close}'s visits; marks start over before the counter wraps. */
    private void nextStamp() {
      if (++stamp == Integer.MAX_VALUE) {
        Arrays.fill(mark, 0);
        stamp = 1;
      }
    }

    /**
     * Adds the READ instructions reachable from {@code pc} without reading to {@link #live}
     * (from index {@code n}); returns the new count, or -1 when a match is reachable.
     */
    private int close(int pc, int n) {
      int top = 0;
      stack[top++] = pc;
      while (top > 0) {
        int p = stack[--top];
        if (mark[p] == stamp) {
          continue;
        }
        mark[p] = stamp;
        switch (program.kind(p)) {
          case ProgramView.READ:
            live[n++] = p;
            break;
          case ProgramView.FORK:
            stack[top++] = program.arg(p);
            stack[top++] = program.out(p);
            break;
          case ProgramView.PASS:
            stack[top++] = program.out(p);
            break;
          case ProgramView.MATCH:
            return -1;
          default:
            break;
        }
      }
      return n;
    }

    /** The state whose live instructions are {@code live[0, n)}. */
    private int intern(int n) {
      int[] set = Arrays.copyOf(live, n);
      Arrays.sort(set);
      Key key = new Key(set);
      Integer id = ids.get(key);
      if (id != null) {
        return id;
      }
      int s = add(set);
      ids.put(key, s);
      return s;
    }

    private int add(int[] set) {
      if (count == sets.length) {
        sets = Arrays.copyOf(sets, 2 * count);
        ascii = Arrays.copyOf(ascii, 2 * count * classes);
      }
      sets[count] = set;
      return count++;
    }
  }

  /** A set of instructions as a map key. */
  private record Key(int[] pcs) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(pcs, k.pcs);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(pcs);
    }
  }
}
