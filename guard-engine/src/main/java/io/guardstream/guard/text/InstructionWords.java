package io.guardstream.guard.text;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Tells whether a text is written in a disguise - rot13, or backwards - from its words, fed as
 * they are read by a scan that walks the text anyway ({@link PayloadDecoder}). Words of
 * instructions and credentials in disguise ("vtaber", "erongi" for "ignore") hardly occur in
 * English, so two distinct ones, or one and two distinct disguised function words, mark a text
 * worth decoding whole. Words are codes of five bits a letter, case ignored ({@link #code}).
 */
public final class InstructionWords {

  private static final List<String> STRONG_WORDS = List.of("ignore", "disregard", "forget",
      "previous", "instructions", "instruction", "prompt", "system", "reveal", "rules", "password",
      "secret", "override", "pretend", "restrictions", "assistant", "developer", "jailbreak",
      "print", "repeat", "above");
  private static final List<String> FUNCTION_WORDS = List.of("the", "and", "your", "you", "all",
      "for", "this", "that", "with", "are", "not", "from", "what");

  /** Lists for one disguise: codes of the disguised words, sorted, and a filter over both. */
  private record Lists(long[] strong, long[] weak, long[] filter) {
    static Lists of(UnaryOperator<String> disguise, List<String> weakWords) {
      long[] strong = codes(STRONG_WORDS, disguise);
      long[] weak = codes(weakWords, disguise);
      long[] filter = new long[16];
      for (long[] list : new long[][] {strong, weak}) {
        for (long h : list) {
          filter[filterIndex(h)] |= filterBit(h);
        }
      }
      return new Lists(strong, weak, filter);
    }
  }

  private static final Lists ROT13 = Lists.of(Rot13::of, FUNCTION_WORDS);
  /**
   * Backwards, a word is compared as written with the word read from its end, so these lists hold
   * plain words. "era", "ton" and "dna" are English words themselves: their function words are
   * left out.
   */
  private static final Lists BACKWARDS = Lists.of(w -> w, FUNCTION_WORDS.stream()
      .filter(w -> !List.of("are", "not", "and").contains(w)).toList());

  private final Lists lists;
  private long strong;
  private long weak;
  private int weakCount;
  private boolean hasStrong;
  private boolean encoded;

  private InstructionWords(Lists lists) {
    this.lists = lists;
  }

  /** Reads a text's words for rot13: feed {@link #code}s. */
  public static InstructionWords rot13() {
    return new InstructionWords(ROT13);
  }

  /** Reads a text's words for backwards writing: feed {@link #backwardsCode}s. */
  public static InstructionWords backwards() {
    return new InstructionWords(BACKWARDS);
  }

  /** {@code code} of a word extended by the ASCII letter {@code c}: five bits a letter. */
  public static long code(long code, char c) {
    return code << 5 | c & 31;
  }

  /**
   * The code of a word read from its end, extended by its next ASCII letter {@code c} after
   * {@code letters} letters: the letter goes in front. Exact up to 12 letters.
   */
  public static long backwardsCode(long code, char c, int letters) {
    return code | (long) (c & 31) << 5 * letters;
  }

  /** One word: its code and its length (words of 3 to 12 letters count). */
  public void add(long code, int length) {
    if (encoded || length < 3 || length > 12
        || (lists.filter[filterIndex(code)] & filterBit(code)) == 0) {
      return;
    }
    if (Arrays.binarySearch(lists.strong, code) >= 0) {
      encoded = hasStrong && code != strong;
      hasStrong = true;
      strong = code;
    } else if (Arrays.binarySearch(lists.weak, code) >= 0 && weakCount < 2
        && (weakCount == 0 || code != weak)) {
      weak = code;
      weakCount++;
    }
    encoded |= hasStrong && weakCount >= 2;
  }

  /** Whether the words so far make the text read as disguised. */
  public boolean encoded() {
    return encoded;
  }

  private static long[] codes(List<String> words, UnaryOperator<String> disguise) {
    long[] h = new long[words.size()];
    for (int i = 0; i < h.length; i++) {
      String r = disguise.apply(words.get(i));
      long x = 0;
      for (int k = 0; k < r.length(); k++) {
        x = code(x, r.charAt(k));
      }
      h[i] = x;
    }
    Arrays.sort(h);
    return h;
  }

  private static int filterIndex(long h) {
    return (int) (h ^ h >>> 17) & 15;
  }

  private static long filterBit(long h) {
    return 1L << (int) ((h ^ h >>> 23 ^ h >>> 41) >>> 4);
  }
}
