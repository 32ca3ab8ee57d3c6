package com.google.re2j;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Read-only view of the instructions RE2J compiled a pattern to. RE2J runs them only as an NFA
 * and keeps them package-private; guardstream's {@code MatchEnd} runs them as a lazy DFA that
 * answers "does a match start here, and where does it end" far faster. This class lives in RE2J's
 * package for that access alone: each method mirrors what RE2J's {@code Machine} does with an
 * instruction (re2j 1.8).
 */
public final class ProgramView {
  /** A step that reads one code point: {@link #matches} tells which. */
  public static final int READ = 0;
  /** A fork to {@link #out} and {@link #arg}. */
  public static final int FORK = 1;
  /** A step that reads nothing and goes on at {@link #out} (captures, assertions, no-ops). */
  public static final int PASS = 2;
  /** The pattern has matched. */
  public static final int MATCH = 3;
  /** A dead end. */
  public static final int FAIL = 4;

  private final Inst[] inst;
  private final int start;

  private ProgramView(Prog prog) {
    this.inst = Arrays.copyOf(prog.inst, prog.numInst());
    this.start = prog.start;
  }

  /** The program of {@code pattern}. */
  public static ProgramView of(Pattern pattern) {
    return new ProgramView(pattern.re2().prog);
  }

  public int size() {
    return inst.length;
  }

  public int start() {
    return start;
  }

  /**
   * What instruction {@code pc} does. Captures and assertions ({@code ^ $ \b \B}) are
   * {@link #PASS}; {@link #assertion} tells what an assertion asks for.
   */
  public int kind(int pc) {
    switch (inst[pc].op) {
      case Inst.RUNE:
      case Inst.RUNE1:
      case Inst.RUNE_ANY:
      case Inst.RUNE_ANY_NOT_NL:
        return READ;
      case Inst.ALT:
      case Inst.ALT_MATCH:
        return FORK;
      case Inst.CAPTURE:
      case Inst.EMPTY_WIDTH:
      case Inst.NOP:
        return PASS;
      case Inst.MATCH:
        return MATCH;
      default:
        return FAIL;
    }
  }

  /**
   * Classes of the ASCII chars that no instruction tells apart (class 0 up to the returned
   * maximum), so a DFA needs a table column per class rather than per char. Distinct instructions
   * are few even in a large program: each is asked about each char once.
   */
  public int[] asciiClasses() {
    // Per distinct reading instruction, the set of ASCII chars it accepts (two words of bits).
    Map<Reader, long[]> accepted = new HashMap<>();
    for (int pc = 0; pc < inst.length; pc++) {
      if (kind(pc) != READ) {
        continue;
      }
      Inst i = inst[pc];
      int at = pc;
      accepted.computeIfAbsent(new Reader(i.op, i.arg, i.runes), r -> {
        long[] bits = new long[2];
        for (int c = 0; c < 128; c++) {
          if (matches(at, c)) {
            bits[c >> 6] |= 1L << c;
          }
        }
        return bits;
      });
    }
    // A char's signature: which of those sets hold it. Equal signatures, one class.
    long[][] sets = accepted.values().toArray(new long[0][]);
    Map<Reader, Integer> classOfSignature = new HashMap<>();
    int[] classes = new int[128];
    for (int c = 0; c < 128; c++) {
      int[] signature = new int[(sets.length + 31) / 32];
      for (int k = 0; k < sets.length; k++) {
        if ((sets[k][c >> 6] & 1L << c) != 0) {
          signature[k >> 5] |= 1 << k;
        }
      }
      classes[c] = classOfSignature.computeIfAbsent(new Reader(0, 0, signature),
          k -> classOfSignature.size());
    }
    return classes;
  }

  /** What a reading instruction compares with, as a map key (also reused for signatures). */
  private record Reader(int op, int arg, int[] runes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Reader r && op == r.op && arg == r.arg && Arrays.equals(runes, r.runes);
    }

    @Override
    public int hashCode() {
      return (31 * op + arg) * 31 + Arrays.hashCode(runes);
    }
  }

  /**
   * The conditions an assertion {@code pc} asks for, as RE2J's {@code EMPTY_*} bits (begin line 1,
   * end line 2, begin text 4, end text 8, word boundary 16, no word boundary 32); 0 for any other
   * instruction. {@link #kind} calls an assertion {@link #PASS}.
   */
  public int assertion(int pc) {
    return inst[pc].op == Inst.EMPTY_WIDTH ? inst[pc].arg : 0;
  }

  /**
   * The capture slot a {@link #PASS} instruction {@code pc} records (2g: group g starts, 2g+1:
   * it ends), or -1 for any other instruction.
   */
  public int capture(int pc) {
    return inst[pc].op == Inst.CAPTURE ? inst[pc].arg : -1;
  }

  public int out(int pc) {
    return inst[pc].out;
  }

  /** The second branch of a {@link #FORK}. */
  public int arg(int pc) {
    return inst[pc].arg;
  }

  /** Whether the {@link #READ} instruction {@code pc} accepts {@code codePoint}, as RE2J does. */
  public boolean matches(int pc, int codePoint) {
    Inst i = inst[pc];
    switch (i.op) {
      case Inst.RUNE:
        return i.matchRune(codePoint);
      case Inst.RUNE1:
        return codePoint == i.runes[0];
      case Inst.RUNE_ANY:
        return true;
      case Inst.RUNE_ANY_NOT_NL:
        return codePoint != '\n';
      default:
        return false;
    }
  }
}
