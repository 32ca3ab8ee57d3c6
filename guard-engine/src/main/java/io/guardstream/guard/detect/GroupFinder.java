package io.guardstream.guard.detect;

import com.google.re2j.Pattern;
import com.google.re2j.ProgramView;
import java.util.Arrays;

/**
 * The group spans of an anchored match whose end {@link MatchEnd} has found, by RE2's bit-state
 * search over RE2J's program: a depth-first walk of the threads in priority order that visits each
 * (instruction, position) once, so the first match it reaches is the one RE2J's leftmost-first
 * NFA reports. RE2J's NFA carries every live thread and its captures through the whole match
 * (11-20 µs a matched try of a generic secret format repeated, several times that in mixed
 * traffic, where its instructions are out of the CPU caches); the walk mostly follows the one path
 * that matches (1.5-1.8 µs), and knowing the end it never reads past it.
 */
final class GroupFinder {
  /** Visited bits one search may use (RE2's bit-state bound); larger searches are left to RE2J. */
  static final int MAX_BITS = 256 * 1024;

  private static final SlotPool<Scratch> SCRATCH = new SlotPool<>(Scratch::new);

  private final ProgramView program;
  /** Capture slots RE2J reports: two per group, group 0 included. */
  private final int slots;

  private GroupFinder(ProgramView program, int groups) {
    this.program = program;
    this.slots = 2 * (groups + 1);
  }

  /** The finder of {@code pattern}'s groups, or null when {@link ProgramView} cannot read it. */
  static GroupFinder of(Pattern pattern) {
    try {
      return new GroupFinder(ProgramView.of(pattern), pattern.groupCount());
    } catch (LinkageError e) {
      return null;
    }
  }

  /**
   * Spans {@code [start0, end0, start1, end1, …]} (relative to {@code from}, -1 for a group that
   * took no part) of the match at the start of {@code text[from, to)} that ends at {@code from +
   * end}, as RE2J reports it; null when the search would exceed {@link #MAX_BITS}.
   */
  int[] spans(CharSequence text, int from, int to, int end) {
    int size = program.size();
    if ((long) size * (end + 1) > MAX_BITS) {
      return null;
    }
    Scratch s = SCRATCH.borrow();
    try {
      return walk(s, text, from, to, end, size);
    } finally {
      SCRATCH.giveBack(s);
    }
  }

  private int[] walk(Scratch s, CharSequence text, int from, int to, int end, int size) {
    s.reset(size * (end + 1), slots);
    int[] cap = s.cap;
    s.push(program.start(), 0);
    while (s.top > 0) {
      s.top -= 2;
      int pc = s.stack[s.top];
      int p = s.stack[s.top + 1];
      if (pc < 0) {
        cap[-pc - 1] = p; // undo a capture of the path given up
        continue;
      }
      while (pc != 0) { // pc 0 is RE2J's fail instruction
        int bit = p * size + pc;
        if ((s.visited[bit >>> 6] & 1L << bit) != 0) {
          break;
        }
        s.visited[bit >>> 6] |= 1L << bit;
        int kind = program.kind(pc);
        if (kind == ProgramView.READ) {
          if (p >= end) {
            break;
          }
          int cp = MatchEnd.codePointAt(text, from + p, to);
          int width = Character.charCount(cp);
          if (p + width > end || !program.matches(pc, cp)) {
            break;
          }
          p += width;
          pc = program.out(pc);
        } else if (kind == ProgramView.FORK) {
          s.push(program.arg(pc), p);
          pc = program.out(pc);
        } else if (kind == ProgramView.PASS) {
          int slot = program.capture(pc);
          if (slot >= 0) {
            if (slot < slots) {
              s.push(-slot - 1, cap[slot]);
              cap[slot] = p;
            }
          } else {
            int needs = program.assertion(pc);
            if (needs != 0 && (needs & ~MatchEnd.context(text, from, to, from + p)) != 0) {
              break;
            }
          }
          pc = program.out(pc);
        } else if (kind == ProgramView.MATCH && p == end) {
          int[] spans = Arrays.copyOf(cap, slots);
          spans[0] = 0;
          spans[1] = end;
          return spans;
        } else {
          break;
        }
      }
    }
    return null; // not reached when MatchEnd's end is right; RE2J answers then
  }

  /** The work space of one search, reused by every pattern. */
  private static final class Scratch {
    long[] visited = new long[64];
    int[] stack = new int[64];
    int top;
    int[] cap = new int[8];

    void reset(int bits, int slots) {
      int words = (bits + 63) >>> 6;
      if (visited.length < words) {
        visited = new long[Math.max(words, 2 * visited.length)];
      } else {
        Arrays.fill(visited, 0, words, 0L);
      }
      if (cap.length < slots) {
        cap = new int[slots];
      }
      Arrays.fill(cap, 0, slots, -1);
      top = 0;
    }

    void push(int a, int b) {
      if (top + 2 > stack.length) {
        stack = Arrays.copyOf(stack, 2 * stack.length);
      }
      stack[top++] = a;
      stack[top++] = b;
    }
  }
}
