package io.guardstream.guard.text;

/**
 * The matching view of a text: lower-case, folded, invisible characters dropped, hidden tag
 * characters decoded, leetspeak and letter spacing undone, words separated by single spaces.
 * Every char remembers the range of original chars it came from, so spans found here map back
 * to the original text.
 */
public final class NormalizedText implements CharSequence {
  // Written only by TextNormalizer, which refills a reused instance (see TextNormalizer.normalize
  // with a target): one buffer per thread instead of three arrays per scanned text.
  char[] chars;
  int length;
  int[] srcStart;
  int[] srcEnd;
  int invisibleChars;
  int tagChars;
  int bidiControls;
  int mixedScriptWords;
  /** Scratch for the normaliser: words to revisit for leetspeak. */
  int[] leetWords = new int[16];

  /**
   * An empty view for {@link TextNormalizer#normalize(CharSequence, int, NormalizedText)} to fill
   * and refill.
   */
  public NormalizedText() {
    this(new char[64], 0, new int[64], new int[64], 0, 0, 0, 0);
  }

  NormalizedText(
      char[] chars, int length, int[] srcStart, int[] srcEnd, int invisibleChars, int tagChars,
      int bidiControls, int mixedScriptWords) {
    this.chars = chars;
    this.length = length;
    this.srcStart = srcStart;
    this.srcEnd = srcEnd;
    this.invisibleChars = invisibleChars;
    this.tagChars = tagChars;
    this.bidiControls = bidiControls;
    this.mixedScriptWords = mixedScriptWords;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (index >= length) {
      throw new IndexOutOfBoundsException(index);
    }
    return chars[index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new String(chars, start, end - start);
  }

  @Override
  public String toString() {
    return new String(chars, 0, length);
  }

  /** The backing array (valid up to {@link #length()}); for linear scanners, do not modify. */
  public char[] array() {
    return chars;
  }

  /** Start of the original range that normalised char {@code index} came from. */
  public int originalStart(int index) {
    return srcStart[index];
  }

  /** End (exclusive) of the original range of the normalised range ending at {@code end}. */
  public int originalEnd(int end) {
    return srcEnd[end - 1];
  }

  /** Zero-width and other format characters that were dropped (tag characters excluded). */
  public int invisibleChars() {
    return invisibleChars;
  }

  /** Unicode tag characters (U+E0000–E007F) outside emoji flag sequences: hidden ASCII. */
  public int tagChars() {
    return tagChars;
  }

  /** Bidirectional override / isolate controls. */
  public int bidiControls() {
    return bidiControls;
  }

  /** Words mixing Latin letters with look-alike letters from other scripts (homoglyph spoofing). */
  public int mixedScriptWords() {
    return mixedScriptWords;
  }
}
