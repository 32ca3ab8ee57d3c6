package io.guardstream.guard.detect;

/**
 * Type {@code adversarial_suffix}: optimised adversarial suffixes (GCG-style) - runs of tokens
 * that no person writes: brackets that never close, lone {@code !} or backslashes, symbols glued
 * between letters ({@code giving**ONE}) or several kinds of punctuation in one word
 * ({@code ]=set^{+size}), words run together or with case flips ({@code similarlyNow},
 * {@code whatIT}, {@code FooBarBAZqux}). A statistic of token shapes, not a list of known
 * suffixes, so new suffixes are found as well.
 *
 * <p>Per line, a window of {@code window} consecutive whitespace-separated tokens is reported when
 * at least {@code min_odd} of them are unusual, at least {@code min_words} are plain words (the
 * suffix is mixed into language, unlike ASCII art or bracket floods) and the window shows no sign
 * of source code ({@code " = "}, {@code ";"}, {@code "()"}, {@code "//"}, {@code "return "} ...),
 * where glued punctuation is normal. Brackets count as unusual only when they stay unmatched on
 * their line, so {@code (x1, y1)}, {@code [link](url)} and {@code - [ ] task} do not count.
 * Linear in the text; one hit per line (its best window).
 */
public final class AdversarialSuffixDetector implements Detector {

  /** Signs of source code: inside such a window glued punctuation is ordinary. */
  private static final String[] CODE_SIGNS = {
      " = ", " == ", " != ", " => ", " -> ", " :: ", " && ", " || ", " += ", " -= ", " := ",
      "; ", "()", "//", "/*", "#include", "def ", "return ", "function", "import ", "console.",
      "print(", "public ", "private ", "static ", "class ", "new ", "void ", "const ", "<>"};
  /** Characters that, alone or in short runs, form an unusual token. */
  private static final String LONE_SYMBOLS = "!\\`^~@$";
  /** Symbols that no word has between its letters. */
  private static final String GLUE = "*=^|~$+\\";
  private static final int SPACE = 0;
  private static final int LOWER = 1;
  private static final int UPPER = 2;
  /** Letters without case (CJK, Arabic ...). */
  private static final int LETTER = 3;
  /** Digits and {@link #WORD_PUNCTUATION}. */
  private static final int PLAIN = 4;
  private static final int SYMBOL = 5;
  /** Class of every UTF-16 code unit (64 KiB): the hot loop does one array read per char. */
  private static final byte[] CHAR_CLASS = new byte[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      CHAR_CLASS[c] = (byte) slowClassOf((char) c);
    }
  }

  /** Punctuation ordinary in words ("don't", "e.g.,", "well-known", "note:", "why?"). */
  private static final String WORD_PUNCTUATION = "'\",.-:?";

  private final int window;
  private final int minOdd;
  private final int minWords;

  AdversarialSuffixDetector(int window, int minOdd, int minWords) {
    this.window = window;
    this.minOdd = minOdd;
    this.minWords = minWords;
  }

  /** The {@code adversarial_suffix} detector type. */
  public static final class Type implements DetectorType {
    @Override
    public String name() {
      return "adversarial_suffix";
    }

    @Override
    public Detector compile(Params p) {
      int window = p.integer("window", 12, 4, 64);
      int minOdd = p.integer("min_odd", 4, 2, 64);
      int minWords = p.integer("min_words", 2, 0, 64);
      p.rejectUnknown();
      if (minOdd > window || minWords > window) {
        p.error("min_odd", "min_odd and min_words must not exceed window (" + window + ")");
        return null;
      }
      return new AdversarialSuffixDetector(window, minOdd, minWords);
    }
  }

  @Override
  public View view() {
    return View.RAW;
  }

  @Override
  public void detect(ScanContext ctx, Hits out) {
    CharSequence text = ctx.text();
    Line line = Line.POOL.borrow().of(text);
    try {
      scanLines(line, text, out);
    } finally {
      line.text = null; // the reused buffers must not keep the event's text alive
      Line.POOL.giveBack(line);
    }
  }

  private void scanLines(Line line, CharSequence text, Hits out) {
    int start = 0;
    int length = text.length();
    while (start < length) {
      int end = start;
      // Count the chars that can make a token a candidate (a symbol, or a capital after a
      // lower-case letter) on the way to the line end: most lines have too few to tokenize.
      int marks = 0;
      int previous = SPACE;
      char c;
      while (end < length && (c = text.charAt(end)) != '\n' && c != '\r') {
        int cls = classOf(c);
        if (cls == SYMBOL || cls == UPPER && previous == LOWER) {
          marks++;
        }
        previous = cls;
        end++;
      }
      if (end - start >= 2 * minOdd && marks >= minOdd) {
        scanLine(line, start, end, out);
      }
      start = end + 1;
    }
  }

  private void scanLine(Line line, int from, int to, Hits out) {
    line.tokenize(from, to);
    int n = line.count;
    if (n < minOdd || line.candidates < minOdd) {
      return; // too few tokens with brackets, symbols or case flips to ever reach min_odd
    }
    line.markUnmatchedBrackets();
    boolean[] odd = line.odd;
    boolean[] word = line.word;
    for (int t = 0; t < n; t++) {
      odd[t] = line.unmatched[t]
          || line.candidate[t] && unusual(line.text, line.start[t], line.end[t]);
    }
    int bestOdd = 0;
    int bestFrom = -1;
    int bestTo = -1;
    int oddInWindow = 0;
    int wordsInWindow = 0;
    for (int t = 0; t < n; t++) {
      oddInWindow += odd[t] ? 1 : 0;
      wordsInWindow += word[t] ? 1 : 0;
      int first = t - window + 1;
      if (first > 0) {
        oddInWindow -= odd[first - 1] ? 1 : 0;
        wordsInWindow -= word[first - 1] ? 1 : 0;
      }
      boolean full = first >= 0 || t == n - 1;
      if (!full || oddInWindow < minOdd || oddInWindow <= bestOdd || wordsInWindow < minWords) {
        continue;
      }
      int lo = Math.max(0, first);
      if (looksLikeCode(line.text, line.start[lo], line.end[t])) {
        continue;
      }
      int a = lo;
      while (!odd[a]) {
        a++;
      }
      int b = t;
      while (!odd[b]) {
        b--;
      }
      bestOdd = oddInWindow;
      bestFrom = line.start[a];
      bestTo = line.end[b];
    }
    if (bestOdd > 0) {
      out.add(bestFrom, bestTo, null, 1.0,
          bestOdd + " unusual tokens within " + window + " (adversarial-suffix shape)");
    }
  }

  /**
   * Whether a token that holds a symbol or an upper-case letter after a lower-case one is unusual
   * on its own (brackets are judged per line, see Line).
   */
  static boolean unusual(CharSequence s, int from, int to) {
    int len = to - from;
    if (len == 1 && s.charAt(from) == '|' || len == 2 && s.charAt(from) == '|'
        && s.charAt(from + 1) == '|') {
      return false; // table borders
    }
    if (contains(s, from, to, "://") || startsWith(s, from, to, "www.")) {
      return false;
    }
    boolean allLone = len <= 3;
    int letters = 0;
    boolean backslash = false;
    long punctLow = 0; // distinct ASCII punctuation seen, as bits
    long punctHigh = 0;
    boolean otherPunct = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      allLone &= LONE_SYMBOLS.indexOf(c) >= 0;
      int cls = classOf(c);
      if (cls == LOWER || cls == UPPER || cls == LETTER) {
        letters++;
      } else if (cls == SYMBOL) {
        backslash |= c == '\\';
        if (c < 64) {
          punctLow |= 1L << c;
        } else if (c < 128) {
          punctHigh |= 1L << (c - 64);
        } else {
          otherPunct = true;
        }
      }
    }
    if (allLone) {
      return true;
    }
    int distinct = Long.bitCount(punctLow) + Long.bitCount(punctHigh) + (otherPunct ? 1 : 0);
    if (letters > 0 && (backslash || distinct >= 3)) {
      return true;
    }
    return glued(s, from, to) || caseChaos(s, from, to);
  }

  /**
   * Symbols glued between two letters: {@code giving**ONE}, {@code lemma=dois} (not e-mail,
   * {@code R&D} or HTML tags).
   */
  static boolean glued(CharSequence s, int from, int to) {
    for (int i = from + 1; i < to - 1; i++) {
      if (GLUE.indexOf(s.charAt(i)) < 0 || !Character.isLetter(s.charAt(i - 1))) {
        continue;
      }
      int j = i;
      while (j < to && GLUE.indexOf(s.charAt(j)) >= 0) {
        j++;
      }
      if (j < to && Character.isLetter(s.charAt(j))) {
        return true;
      }
    }
    return false;
  }
  /**
   * A letter run of 4+ with lower-lower-UPPER-UPPER ({@code whatIT}), two words glued with one
   * capital ({@code similarlyNow}), or two lower-to-upper flips that do not form an ordinary
   * identifier ({@code getElementById} does; {@code FooBarBAZqux} does not). A single token like
   * that is common in code talk; only a run of unusual tokens counts.
   */
  static boolean caseChaos(CharSequence s, int from, int to) {
    int i = from;
    while (i < to) {
      if (!Character.isLetter(s.charAt(i))) {
        i++;
        continue;
      }
      int runStart = i;
      while (i < to && Character.isLetter(s.charAt(i))) {
        i++;
      }
      if (i - runStart >= 4 && chaoticRun(s, runStart, i, runStart == from && i == to)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the letter run {@code [from, to)} is chaotic; {@code wholeToken} says the run is the
   * whole token (no digits or punctuation around it).
   */
  private static boolean chaoticRun(CharSequence s, int from, int to, boolean wholeToken) {
    int flips = 0;
    boolean twoUpperInRow = false;
    for (int k = from + 1; k < to; k++) {
      char prev = s.charAt(k - 1);
      char c = s.charAt(k);
      if (Character.isLowerCase(prev) && Character.isUpperCase(c)) {
        flips++;
        if (k - 2 >= from && Character.isLowerCase(s.charAt(k - 2)) && k + 1 < to
            && Character.isUpperCase(s.charAt(k + 1))) {
          return true; // lower-lower-UPPER-UPPER
        }
      }
      twoUpperInRow |= Character.isUpperCase(prev) && Character.isUpperCase(c);
    }
    boolean identifier = !twoUpperInRow && Character.isLowerCase(s.charAt(to - 1));
    if (flips == 1 && identifier && wholeToken && Character.isLowerCase(s.charAt(from))) {
      // wordNow: two words glued, the second capitalised; not "iPhone", "JavaScript", "key:"
      int flip = from + 1;
      while (!Character.isLowerCase(s.charAt(flip - 1))
          || !Character.isUpperCase(s.charAt(flip))) {
        flip++;
      }
      return flip - from >= 4 && to - flip >= 3;
    }
    return flips >= 2 && !identifier;
  }

  private static int classOf(char c) {
    return CHAR_CLASS[c];
  }

  private static int slowClassOf(char c) {
    if (Character.isWhitespace(c)) {
      return SPACE;
    }
    if (Character.isLetter(c)) {
      return Character.isUpperCase(c) ? UPPER : Character.isLowerCase(c) ? LOWER : LETTER;
    }
    return Character.isDigit(c) || WORD_PUNCTUATION.indexOf(c) >= 0 ? PLAIN : SYMBOL;
  }

  static boolean looksLikeCode(CharSequence s, int from, int to) {
    String segment = s.subSequence(from, to).toString();
    if (segment.endsWith(";") || segment.endsWith("{")) {
      return true;
    }
    for (String sign : CODE_SIGNS) {
      if (segment.contains(sign)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(CharSequence s, int from, int to, String needle) {
    for (int i = from; i + needle.length() <= to; i++) {
      if (startsWith(s, i, to, needle)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(CharSequence s, int from, int to, String prefix) {
    if (to - from < prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (s.charAt(from + k) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The tokens of one line and which of them hold a bracket left unmatched on the line. */
  private static final class Line {
    /** Reused: token arrays grow to the longest line seen instead of per event. */
    static final SlotPool<Line> POOL = new SlotPool<>(Line::new);

    CharSequence text;
    int[] start = new int[64];
    int[] end = new int[64];
    boolean[] unmatched = new boolean[64];
    /** Tokens with a symbol, bracket or lower-to-upper case flip: the only ones that can be odd. */
    boolean[] candidate = new boolean[64];
    boolean[] odd = new boolean[64];
    boolean[] word = new boolean[64];
    int count;
    int candidates;
    /** Open brackets waiting for their closing one: the bracket and its token. */
    private char[] openChar = new char[16];
    private int[] openToken = new int[16];

    Line of(CharSequence text) {
      this.text = text;
      return this;
    }

    /**
     * Splits {@code [from, to)} at whitespace and classifies each token in the same pass: a
     * candidate holds a symbol or a lower-to-upper flip; a plain word is 2+ letters, optionally
     * followed by one sentence mark.
     */
    void tokenize(int from, int to) {
      count = 0;
      candidates = 0;
      int i = from;
      while (i < to) {
        while (i < to && classOf(text.charAt(i)) == SPACE) {
          i++;
        }
        if (i >= to) {
          break;
        }
        int s = i;
        boolean special = false;
        boolean lower = false;
        int letters = 0;
        int others = 0;
        char last = 0;
        while (i < to) {
          char c = text.charAt(i);
          int cls = classOf(c);
          if (cls == SPACE) {
            break;
          }
          if (cls == LOWER || cls == UPPER || cls == LETTER) {
            special |= lower && cls == UPPER;
            lower = cls == LOWER;
            letters++;
          } else {
            special |= cls == SYMBOL;
            lower = false;
            others++;
          }
          last = c;
          i++;
        }
        boolean plain = letters >= 2 && (others == 0
            || others == 1 && ".,!?".indexOf(last) >= 0);
        if (count == start.length) {
          int size = count * 2;
          start = java.util.Arrays.copyOf(start, size);
          end = java.util.Arrays.copyOf(end, size);
          candidate = java.util.Arrays.copyOf(candidate, size);
          word = java.util.Arrays.copyOf(word, size);
          unmatched = new boolean[size];
          odd = new boolean[size];
        }
        start[count] = s;
        end[count] = i;
        candidate[count] = special;
        word[count] = plain;
        candidates += special ? 1 : 0;
        count++;
      }
    }

    void markUnmatchedBrackets() {
      java.util.Arrays.fill(unmatched, 0, count, false);
      int depth = 0;
      for (int t = 0; t < count; t++) {
        if (!candidate[t]) {
          continue; // a token without symbols holds no bracket
        }
        for (int i = start[t]; i < end[t]; i++) {
          char c = text.charAt(i);
          if (c == '(' || c == '[' || c == '{') {
            if (depth == openChar.length) {
              openChar = java.util.Arrays.copyOf(openChar, depth * 2);
              openToken = java.util.Arrays.copyOf(openToken, depth * 2);
            }
            openChar[depth] = c;
            openToken[depth] = t;
            depth++;
          } else if (c == ')' || c == ']' || c == '}') {
            char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
            if (depth > 0 && openChar[depth - 1] == expected) {
              depth--;
            } else {
              unmatched[t] = true;
            }
          }
        }
      }
      for (int k = 0; k < depth; k++) {
        unmatched[openToken[k]] = true;
      }
    }
  }
}
