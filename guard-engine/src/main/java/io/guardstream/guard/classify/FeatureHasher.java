package io.guardstream.guard.classify;

import java.util.function.IntConsumer;

/**
 * Turns text into hashed feature indices: character n-grams and word n-grams over a canonical form
 * of the text (letters lower-cased, digits folded to {@code 0}, whitespace runs collapsed to one
 * space). Hashes are computed while walking the text, so no substring or token is ever allocated.
 *
 * <p>Character n-grams capture spelling variants and sub-word cues ("ignor", "jailbr"); word
 * unigrams and bigrams capture phrasing ("previous instructions", "developer mode").
 */
final class FeatureHasher {

  /** Multiplier of the polynomial n-gram hash; odd, so it is a bijection modulo 2^64. */
  private static final long P = 0x100000001B3L * 0x9E3779B1L | 1L;
  /** Fibonacci-hashing multiplier that spreads polynomial hashes over the buckets. */
  private static final long SPREAD = 0x9E3779B97F4A7C15L;
  private static final long WORD_SALT = 0x5DEECE66DL;
  private static final long BIGRAM_SALT = 0x2545F4914F6CDD1DL;
  private static final long TRIGRAM_SALT = 0x62A9D9ED799705F5L;

  /** Longest character n-gram the hasher supports; bounds the per-character work. */
  static final int MAX_CHAR_N = 6;
  /** Separates n-grams of different lengths that happen to share a polynomial hash. */
  private static final long SALT_STEP = 0xC2B2AE3D27D4EB4FL;
  private static final long[] CHAR_SALT = new long[MAX_CHAR_N + 1];
  /** CHAR_SALT[1..6] as constants, for the per-char loop. */
  private static final long SALT1 = SALT_STEP;
  private static final long SALT2 = 2 * SALT_STEP;
  private static final long SALT3 = 3 * SALT_STEP;
  private static final long SALT4 = 4 * SALT_STEP;
  private static final long SALT5 = 5 * SALT_STEP;
  private static final long SALT6 = 6 * SALT_STEP;
  /** {@link #canonical} and word-character class of ASCII, looked up on the hot path. */
  private static final int[] ASCII_CANON = new int[128];
  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (int n = 1; n <= MAX_CHAR_N; n++) {
      CHAR_SALT[n] = n * SALT_STEP;
    }
    for (int c = 0; c < 128; c++) {
      ASCII_CANON[c] = canonical(c);
      ASCII_WORD[c] = ASCII_CANON[c] != ' ' && Character.isLetterOrDigit(ASCII_CANON[c]);
    }
  }

  private final int bits;
  private final int charMin;
  private final int charMax;
  private final int wordMax;

  FeatureHasher(int bits, int charMin, int charMax, int wordMax) {
    if (bits < 10 || bits > 24) {
      throw new IllegalArgumentException("bits must be in [10, 24]: " + bits);
    }
    if (charMin < 1 || charMax < charMin || charMax > MAX_CHAR_N) {
      throw new IllegalArgumentException(
          "character n-gram range must satisfy 1 <= min <= max <= " + MAX_CHAR_N);
    }
    if (wordMax < 0 || wordMax > 3) {
      throw new IllegalArgumentException("word n-gram order must be in [0, 3]: " + wordMax);
    }
    this.bits = bits;
    this.charMin = charMin;
    this.charMax = charMax;
    this.wordMax = wordMax;
  }

  int buckets() {
    return 1 << bits;
  }

  /**
   * Emits the bucket of every feature of {@code text[from, to)} to {@code sink}, in text order
   * (repeats included), and returns how many were emitted. Text is a char array because this
   * loop runs on every char of every input: array reads are markedly faster than charAt.
   */
  int hash(char[] text, int from, int to, IntConsumer sink) {
    return feed(new State(), text, from, to, sink, Stop.CLOSE);
  }

  /** Where {@link #feed} stops. */
  enum Stop {
    /** At the end of the range, which then ends the text (closes the last word and n-grams). */
    CLOSE,
    /** At the end of the range; the run can go on with the chars after it. */
    OPEN,
    /** As OPEN, or earlier as soon as the run is {@link State#settled() settled}. */
    SETTLED
  }

  /**
   * Reads code points from {@code from} on with the run {@code st} (fresh: a text starting at
   * {@code from}), emitting features to {@code sink}; returns how many were emitted. The index
   * where reading stopped is left in {@link State#at}.
   */
  int feed(State st, char[] text, int from, int to, IntConsumer sink, Stop stop) {
    return run(st, text, from, to, null, sink, stop);
  }

  /**
   * As {@link #feed}, adding the weight of each feature to {@link State#weightSum} instead of
   * emitting it: the scoring path, where a sum kept in a local runs about a fifth faster than
   * one kept in the sink's field.
   */
  int feedWeights(State st, char[] text, int from, int to, short[] weights, Stop stop) {
    return run(st, text, from, to, weights, null, stop);
  }

  /** {@link #feed} with {@code sink}, or {@link #feedWeights} with {@code weights} (not null). */
  private int run(State st, char[] text, int from, int to, short[] weights, IntConsumer sink,
      Stop stop) {
    final int shift = 64 - bits;
    long weightSum = 0;
    // hN is the polynomial hash of the N canonical code points ending at the current one; a
    // fresh run reads the text as if it started after a space, so word-initial n-grams are marked.
    long h1 = st.h1;
    long h2 = st.h2;
    long h3 = st.h3;
    long h4 = st.h4;
    long h5 = st.h5;
    long h6 = st.h6;
    int seen = st.seen;
    boolean lastSpace = st.lastSpace;
    long word = st.word;
    boolean inWord = st.inWord;
    long prevWord = st.prevWord;
    long prevPrevWord = st.prevPrevWord;
    int words = st.words;
    final boolean untilSettled = stop == Stop.SETTLED;
    boolean settled = false;
    final int last = stop == Stop.CLOSE ? to : to - 1; // index to == the closing space
    int count = 0;
    final boolean emit1 = charMin <= 1;
    final boolean emit2 = charMin <= 2 && charMax >= 2;
    final boolean emit3 = charMin <= 3 && charMax >= 3;
    final boolean emit4 = charMin <= 4 && charMax >= 4;
    final boolean emit5 = charMin <= 5 && charMax >= 5;
    final boolean hashSix = charMax >= 6;
    final int perChar = charMax - charMin + 1;
    int i = from;
    while (i <= last && !settled) {
      int cp;
      if (i == to) {
        cp = ' '; // closes the last word and the last character n-grams at a boundary
        i++;
      } else {
        char ch = text[i++];
        cp = ch;
        if (Character.isHighSurrogate(ch) && i < to && Character.isLowSurrogate(text[i])) {
          cp = Character.toCodePoint(ch, text[i++]);
        } // an unpaired surrogate is hashed as the code unit it is
      }
      int canon;
      boolean wordChar;
      if (cp < ASCII_CANON.length) {
        canon = ASCII_CANON[cp];
        wordChar = ASCII_WORD[cp];
      } else {
        canon = canonical(cp);
        wordChar = canon != ' ' && Character.isLetterOrDigit(canon);
      }
      boolean space = canon == ' ';
      if (space && lastSpace) {
        continue;
      }
      lastSpace = space;
      if (wordChar) {
        word = inWord ? word * P + canon : canon + WORD_SALT;
        inWord = true;
      } else if (inWord) {
        inWord = false;
        words++;
        if (wordMax >= 1) {
          weightSum = emit(weightSum, weights, sink, (int) ((word * SPREAD) >>> shift));
          count++;
        }
        if (wordMax >= 2 && words >= 2) {
          long h = (prevWord * P + word) ^ BIGRAM_SALT;
          weightSum = emit(weightSum, weights, sink, (int) (h * SPREAD >>> shift));
          count++;
        }
        if (wordMax >= 3 && words >= 3) {
          long h = ((prevPrevWord * P + prevWord) * P + word) ^ TRIGRAM_SALT;
          weightSum = emit(weightSum, weights, sink, (int) (h * SPREAD >>> shift));
          count++;
        }
        prevPrevWord = prevWord;
        prevWord = word;
        // Only a word end can settle a run; by the third one seen is full as well.
        settled = untilSettled && words >= State.SETTLE_WORDS && seen == MAX_CHAR_N;
      }
      // The n-gram ending here is the (n-1)-gram ending one step back, extended by this point.
      if (hashSix) {
        h6 = h5 * P + canon;
      }
      h5 = h4 * P + canon;
      h4 = h3 * P + canon;
      h3 = h2 * P + canon;
      h2 = h1 * P + canon;
      h1 = canon;
      if (seen < MAX_CHAR_N) {
        seen++;
        count += emitShort(st, weights, sink, seen, h1, h2, h3, h4, h5, h6, shift);
        continue;
      }
      // The usual case, every n-gram length in range. Unrolled on purpose: one loop-invariant
      // (so always predicted) test per length and constant salts, no loop over lengths.
      if (emit1) {
        weightSum = emit(weightSum, weights, sink, (int) (((h1 ^ SALT1) * SPREAD) >>> shift));
      }
      if (emit2) {
        weightSum = emit(weightSum, weights, sink, (int) (((h2 ^ SALT2) * SPREAD) >>> shift));
      }
      if (emit3) {
        weightSum = emit(weightSum, weights, sink, (int) (((h3 ^ SALT3) * SPREAD) >>> shift));
      }
      if (emit4) {
        weightSum = emit(weightSum, weights, sink, (int) (((h4 ^ SALT4) * SPREAD) >>> shift));
      }
      if (emit5) {
        weightSum = emit(weightSum, weights, sink, (int) (((h5 ^ SALT5) * SPREAD) >>> shift));
      }
      if (hashSix) {
        weightSum = emit(weightSum, weights, sink, (int) (((h6 ^ SALT6) * SPREAD) >>> shift));
      }
      count += perChar;
    }
    st.weightSum += weightSum;
    st.h1 = h1;
    st.h2 = h2;
    st.h3 = h3;
    st.h4 = h4;
    st.h5 = h5;
    st.h6 = h6;
    st.seen = seen;
    st.lastSpace = lastSpace;
    st.word = word;
    st.inWord = inWord;
    st.prevWord = prevWord;
    st.prevPrevWord = prevPrevWord;
    st.words = words;
    st.at = Math.min(i, to);
    return count;
  }

  /**
   * A run of {@link #feed} between two code points. A run started later in a text than another
   * is in the same state as that one once it is {@link #settled()}: each n-gram hash then spans
   * only points both runs read, the runs collapse whitespace alike after their first char, and
   * the words in the word n-grams began after a boundary both runs saw. From there on both emit
   * the same features, so the later run can take the earlier one's.
   */
  static final class State {
    /** Word ends after which the current, previous and next-to-previous words are whole. */
    static final int SETTLE_WORDS = 3;

    long h1 = ' ';
    long h2;
    long h3;
    long h4;
    long h5;
    long h6;
    int seen = 1;
    boolean lastSpace = true;
    long word;
    boolean inWord;
    long prevWord;
    long prevPrevWord;
    int words;
    /** Index where the last feed stopped. */
    int at;
    /** Sum of the weights of the features {@link #feedWeights} read so far. */
    long weightSum;

    /**
     * Whether the hashes of the last {@code MAX_CHAR_N - 1} points (all the next n-grams extend)
     * hold only points this run read, and the word n-grams only whole words.
     */
    boolean settled() {
      return seen == MAX_CHAR_N && words >= SETTLE_WORDS;
    }

    State copyOf() {
      State c = new State();
      c.h1 = h1;
      c.h2 = h2;
      c.h3 = h3;
      c.h4 = h4;
      c.h5 = h5;
      c.h6 = h6;
      c.seen = seen;
      c.lastSpace = lastSpace;
      c.word = word;
      c.inWord = inWord;
      c.prevWord = prevWord;
      c.prevPrevWord = prevPrevWord;
      c.words = words;
      c.at = at;
      c.weightSum = weightSum;
      return c;
    }
  }

  /** Adds the weight of {@code bucket} to {@code sum} when there are weights, else emits it. */
  private static long emit(long sum, short[] weights, IntConsumer sink, int bucket) {
    if (weights != null) {
      return sum + weights[bucket];
    }
    sink.accept(bucket);
    return sum;
  }

  /** Emits the n-grams of the first {@code seen} points of a run (shorter ones only). */
  private int emitShort(State st, short[] weights, IntConsumer sink, int seen, long h1, long h2,
      long h3, long h4, long h5, long h6, int shift) {
    int count = 0;
    for (int n = Math.max(charMin, 1); n <= Math.min(charMax, seen); n++) {
      long h = n == 1 ? h1 : n == 2 ? h2 : n == 3 ? h3 : n == 4 ? h4 : n == 5 ? h5 : h6;
      int bucket = (int) (((h ^ CHAR_SALT[n]) * SPREAD) >>> shift);
      st.weightSum = emit(st.weightSum, weights, sink, bucket);
      count++;
    }
    return count;
  }

  /** Case, digit and whitespace folding: differences that rarely change what a text asks for. */
  static int canonical(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return ' ';
    }
    if (Character.isDigit(cp)) {
      return '0';
    }
    return Character.toLowerCase(cp);
  }
}
