package io.guardstream.guard.classify;

/**
 * Which parts of a text the classifier reads. A text up to {@code windowChars} long is read whole.
 * A longer one is read as windows of {@code windowChars} overlapping by half, so an injection
 * buried in a long document is not diluted by the text around it; beyond {@code maxScanChars}
 * only the first and the last {@code maxScanChars / 2} characters are read, which bounds the work
 * on huge input (attacks sit at the start or the end of a message far more often than deep inside).
 */
final class TextWindows {

  /** Receives one window {@code [from, to)}. */
  @FunctionalInterface
  interface WindowSink {
    void accept(int from, int to);
  }

  private TextWindows() {}

  static void forEach(CharSequence text, int windowChars, int maxScanChars, WindowSink sink) {
    int length = text.length();
    if (length <= windowChars) {
      sink.accept(0, length);
      return;
    }
    if (length <= maxScanChars) {
      slide(text, 0, length, windowChars, sink);
    } else {
      int half = maxScanChars / 2;
      slide(text, 0, half, windowChars, sink);
      slide(text, align(text, length - half), length, windowChars, sink);
    }
  }

  private static void slide(CharSequence text, int from, int to, int windowChars, WindowSink sink) {
    int stride = Math.max(1, windowChars / 2);
    for (int start = from; ; start += stride) {
      int end = Math.min(to, start + windowChars);
      sink.accept(align(text, start), align(text, end));
      if (end >= to) {
        return;
      }
    }
  }

  /** Moves a boundary off the low half of a surrogate pair so no window splits a code point. */
  private static int align(CharSequence text, int index) {
    if (index > 0 && index < text.length()
        && Character.isLowSurrogate(text.charAt(index))
        && Character.isHighSurrogate(text.charAt(index - 1))) {
      return index + 1;
    }
    return index;
  }
}
