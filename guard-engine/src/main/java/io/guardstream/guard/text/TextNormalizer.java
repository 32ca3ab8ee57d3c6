package io.guardstream.guard.text;

import java.nio.CharBuffer;

/**
 * Builds the {@link NormalizedText} matching view in a few linear passes. Stateless and
 * thread-safe.
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  private static final int BLACK_FLAG = 0x1F3F4;

  /** ASCII classes: 0 separator, 1 lower-case letter, 2 upper-case letter, 3 digit, '@' or '$'. */
  private static final byte[] ASCII_CLASS = new byte[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII_CLASS[c] = 1;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      ASCII_CLASS[c] = 2;
    }
    for (char c = '0'; c <= '9'; c++) {
      ASCII_CLASS[c] = 3;
    }
    ASCII_CLASS['@'] = 3;
    ASCII_CLASS['$'] = 3;
  }

  /** Normalises {@code text[0, end)} into a new view. */
  public static NormalizedText normalize(CharSequence text, int end) {
    return normalize(text, end, new NormalizedText(new char[end + 16], 0, new int[end + 16],
        new int[end + 16], 0, 0, 0, 0));
  }

  /**
   * Normalises {@code text[0, end)} into {@code into}, reusing (and growing) its buffers; returns
   * {@code into}. Any view previously held in {@code into} is overwritten.
   */
  public static NormalizedText normalize(CharSequence text, int end, NormalizedText into) {
    int cap = end + 16;
    if (into.chars.length < cap) {
      into.chars = new char[cap];
      into.srcStart = new int[cap];
      into.srcEnd = new int[cap];
    }
    char[] out = into.chars;
    int[] from = into.srcStart;
    int[] to = into.srcEnd;
    int n = 0;
    int invisible = 0;
    int tags = 0;
    int bidi = 0;
    int confusableInWord = 0;
    int latinInWord = 0;
    int mixedWords = 0;
    boolean inFlag = false;
    // Words holding leetspeak candidates ("1gn0r3"), as [start, end) pairs in out: only they are
    // revisited after this pass.
    int[] leetWords = into.leetWords;
    int leetWordsEnd = 0;
    boolean wordHasLeet = false;
    int wordLength = 0;
    int sepLength = 0;
    int singleRun = 0;
    boolean spacedLetters = false;
    for (int i = 0; i < end; ) {
      char ch = text.charAt(i);
      if (ch < 128) {
        // ASCII fast path: most text is ASCII, and it needs no table look-up beyond this.
        if (n + 2 >= out.length) {
          int grow = out.length * 2;
          out = java.util.Arrays.copyOf(out, grow);
          from = java.util.Arrays.copyOf(from, grow);
          to = java.util.Arrays.copyOf(to, grow);
        }
        byte cls = ASCII_CLASS[ch];
        if (cls != 0) {
          out[n] = cls == 2 ? (char) (ch + 32) : ch;
          from[n] = i;
          to[n] = i + 1;
          n++;
          if (wordLength == 0) {
            // A new word: extend a run of single letters split by one separator char?
            singleRun = sepLength == 1 ? singleRun : 0;
          }
          sepLength = 0;
          wordLength++;
          if (cls != 3) {
            latinInWord++;
            // The rest of a run of lower-case letters changes no state but the counts: copy it in
            // a tight loop (the buffer has room: ASCII never produces more chars than it reads).
            int k = i + 1;
            int room = Math.min(end, i + 1 + out.length - n - 2);
            char c;
            while (k < room && (c = text.charAt(k)) >= 'a' && c <= 'z') {
              out[n] = c;
              from[n] = k;
              to[n] = k + 1;
              n++;
              k++;
            }
            wordLength += k - i - 1;
            latinInWord += k - i - 1;
            i = k;
            inFlag = false;
            continue;
          } else {
            wordHasLeet |= LEET[ch] != 0;
          }
        } else {
          if (wordHasLeet) {
            leetWords = addWord(leetWords, leetWordsEnd, out, n);
            leetWordsEnd += 2;
            wordHasLeet = false;
          }
          if (wordLength == 1) {
            spacedLetters |= ++singleRun >= 3;
          } else if (wordLength > 1) {
            singleRun = 0;
          }
          wordLength = 0;
          sepLength++;
          if (latinInWord > 0 && confusableInWord > 0) {
            mixedWords++;
          }
          latinInWord = 0;
          confusableInWord = 0;
          if (n > 0 && out[n - 1] == ' ') {
            to[n - 1] = i + 1;
          } else if (n > 0) {
            out[n] = ' ';
            from[n] = i;
            to[n] = i + 1;
            n++;
          }
        }
        inFlag = false;
        i++;
        continue;
      }
      int cp = Character.codePointAt(text, i);
      int next = i + Character.charCount(cp);
      spacedLetters = true; // non-ASCII text takes the general path through the compaction pass
      if (next > end) {
        next = end;
      }
      String folded;
      if (cp >= 0xE0000 && cp <= 0xE007F) {
        // Tag characters spell ASCII invisibly; decode them so what they hide is scanned.
        if (!inFlag) {
          tags++;
        }
        folded = cp >= 0xE0020 && cp <= 0xE007E ? CharFolding.fold(cp - 0xE0000) : "";
        if (cp == 0xE007F) {
          inFlag = false;
        }
      } else if (isInvisible(cp)) {
        if (cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069) {
          bidi++;
        } else if (cp != 0x200D) {
          invisible++;
        }
        folded = "";
      } else {
        inFlag = cp == BLACK_FLAG;
        if (cp < 128) {
          char c = (char) cp;
          folded = CharFolding.fold(cp);
          if (Character.isLetter(c)) {
            latinInWord++;
          }
        } else {
          folded = CharFolding.fold(cp);
          if (CharFolding.isConfusable(cp)) {
            confusableInWord++;
          }
        }
      }
      for (int k = 0; k < folded.length(); k++) {
        char f = folded.charAt(k);
        boolean word = Character.isLetterOrDigit(f) || f == '@' || f == '$';
        if (n + 2 >= out.length) {
          int grow = out.length * 2;
          out = java.util.Arrays.copyOf(out, grow);
          from = java.util.Arrays.copyOf(from, grow);
          to = java.util.Arrays.copyOf(to, grow);
        }
        if (word) {
          out[n] = f;
          from[n] = i;
          to[n] = next;
          n++;
          wordHasLeet |= f < 128 && LEET[f] != 0;
        } else {
          if (wordHasLeet) {
            leetWords = addWord(leetWords, leetWordsEnd, out, n);
            leetWordsEnd += 2;
            wordHasLeet = false;
          }
          if (latinInWord > 0 && confusableInWord > 0) {
            mixedWords++;
          }
          latinInWord = 0;
          confusableInWord = 0;
          if (n > 0 && out[n - 1] == ' ') {
            to[n - 1] = next; // extend the separator run
          } else if (n > 0) {
            out[n] = ' ';
            from[n] = i;
            to[n] = next;
            n++;
          }
        }
      }
      i = next;
    }
    if (latinInWord > 0 && confusableInWord > 0) {
      mixedWords++;
    }
    if (wordLength == 1) {
      spacedLetters |= ++singleRun >= 3;
    }
    if (wordHasLeet) {
      leetWords = addWord(leetWords, leetWordsEnd, out, n);
      leetWordsEnd += 2;
    }
    into.leetWords = leetWords;
    boolean spacesAdded = false;
    for (int k = 0; k < leetWordsEnd; k += 2) {
      spacesAdded |= undoLeet(out, leetWords[k], leetWords[k + 1]);
    }
    if (spacedLetters || spacesAdded) {
      n = joinSpacedLetters(text, out, from, to, n);
    }
    if (n > 0 && out[n - 1] == ' ') {
      n--;
    }
    into.chars = out;
    into.srcStart = from;
    into.srcEnd = to;
    into.length = n;
    into.invisibleChars = invisible;
    into.tagChars = tags;
    into.bidiControls = bidi;
    into.mixedScriptWords = mixedWords;
    return into;
  }

  /**
   * Light fold for readers that want punctuation kept: letters folded as in the matching view
   * (case, compatibility forms, confusables), invisible characters dropped, tag characters
   * decoded; everything else unchanged.
   */
  public static String fold(CharSequence text, int end) {
    return foldedView(text, end, new char[end + 2]).toString();
  }

  /**
   * {@link #fold} without a new string: a view of {@code buffer}, or of a larger new array when
   * the fold does not fit (the view's array from index 0 either way), for readers that reuse it.
   */
  public static CharBuffer foldedView(CharSequence text, int end, char[] buffer) {
    char[] b = buffer;
    if (b.length < end + 2) {
      b = new char[Math.max(end + 2, 2 * b.length)];
    }
    // Copied whole, then lower-cased in place up to the first non-ASCII char (most texts have
    // none): a tight loop over the array rather than a branchy one over the text.
    if (text instanceof String s) {
      s.getChars(0, end, b, 0);
    } else {
      for (int k = 0; k < end; k++) {
        b[k] = text.charAt(k);
      }
    }
    int i = 0;
    for (; i < end; i++) {
      char ch = b[i];
      if (ch >= 128) {
        break;
      }
      if (ch >= 'A' && ch <= 'Z') {
        b[i] = (char) (ch + 32);
      }
    }
    int n = i;
    while (i < end) {
      char ch = text.charAt(i);
      if (ch < 128) {
        b[n++] = ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
        i++;
        continue;
      }
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      String folded;
      if (cp >= 0xE0020 && cp <= 0xE007E) {
        folded = CharFolding.fold(cp - 0xE0000);
      } else if (cp >= 0xE0000 && cp <= 0xE007F || isInvisible(cp)) {
        continue;
      } else if (cp < 128 || Character.isLetterOrDigit(cp)) {
        folded = CharFolding.fold(cp);
      } else {
        folded = null;
      }
      int need = n + (folded == null ? 2 : folded.length()) + (end - i) + 2;
      if (need > b.length) {
        b = java.util.Arrays.copyOf(b, Math.max(need, 2 * b.length));
      }
      if (folded == null) {
        n += Character.toChars(cp, b, n);
      } else {
        folded.getChars(0, folded.length(), b, n);
        n += folded.length();
      }
    }
    return CharBuffer.wrap(b, 0, n);
  }

  /** Format characters and fillers that render as nothing. */
  static boolean isInvisible(int cp) {
    if (cp < 0xAD) {
      return false;
    }
    if (Character.getType(cp) == Character.FORMAT) {
      return true;
    }
    return cp >= 0xFE00 && cp <= 0xFE0F
        || cp >= 0xE0100 && cp <= 0xE01EF
        || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0
        || cp == 0x180E;
  }

  /** Appends the word that ends at {@code end} of {@code out} as a [start, end) pair. */
  private static int[] addWord(int[] words, int used, char[] out, int end) {
    int start = end;
    while (start > 0 && out[start - 1] != ' ') {
      start--;
    }
    if (used + 2 > words.length) {
      words = java.util.Arrays.copyOf(words, 2 * words.length);
    }
    words[used] = start;
    words[used + 1] = end;
    return words;
  }

  /**
   * Folds leetspeak ("1gn0r3" → "ignore") in the word out[start, end) if it mixes letters and
   * look-alike digits, leaving numbers and trailing version digits ("gpt4", "2024") alone. '@' and
   * '$' become letters in such words and separators elsewhere. Returns whether separators were
   * added.
   */
  private static boolean undoLeet(char[] out, int start, int end) {
    int letters = 0;
    int leet = 0;
    boolean letterAfterLeet = false;
    for (int i = start; i < end; i++) {
      char c = out[i];
      if (c >= 'a' && c <= 'z' || c >= 128 && Character.isLetter(c)) {
        letters++;
        letterAfterLeet |= leet > 0;
      } else if (c < 128 && LEET[c] != 0) {
        leet++;
      }
    }
    // One letter is enough among two look-alikes ("4r3", "7h15"): "3d", "4k" and "5g" stay.
    boolean fold = letterAfterLeet && (letters >= 2 || letters + leet >= 3);
    boolean added = false;
    for (int k = start; k < end; k++) {
      char c = out[k];
      if (c < 128 && LEET[c] != 0) {
        if (fold) {
          out[k] = LEET[c];
        } else if (c == '@' || c == '$') {
          out[k] = ' ';
          added = true;
        }
      }
    }
    return added;
  }

  /** Leetspeak digits and symbols and the letters they stand for. */
  private static final char[] LEET = new char[128];

  static {
    LEET['0'] = 'o';
    LEET['1'] = 'i';
    LEET['3'] = 'e';
    LEET['4'] = 'a';
    LEET['5'] = 's';
    LEET['7'] = 't';
    LEET['@'] = 'a';
    LEET['$'] = 's';
  }

  /**
   * Compacts the buffer: collapses double spaces left by {@link #undoLeet} and joins runs of
   * three or more single letters each separated by one original character ("i g n o r e").
   */
  private static int joinSpacedLetters(CharSequence text, char[] out, int[] from, int[] to,
      int n) {
    int w = 0;
    int r = 0;
    while (r < n) {
      char c = out[r];
      if (c == ' ') {
        if (w == 0 || out[w - 1] == ' ') {
          r++;
          continue;
        }
        copy(out, from, to, r, w++);
        r++;
        continue;
      }
      // A single-letter token followed by a one-char separator and another single letter?
      int runEnd = spacedRunEnd(text, out, from, to, n, r);
      if (runEnd > 0) {
        for (int k = r; k < runEnd; k++) {
          if (out[k] != ' ') {
            copy(out, from, to, k, w++);
          }
        }
        r = runEnd;
        continue;
      }
      copy(out, from, to, r, w++);
      r++;
    }
    return w;
  }

  /**
   * End of a run of >= 3 spaced single letters starting at r, or -1. Letters joined by another
   * char than a space ("I.g.n.o.r.e a.l.l") end their run at a space: that is a word boundary.
   */
  private static int spacedRunEnd(CharSequence text, char[] out, int[] from, int[] to, int n,
      int r) {
    if (!isSingle(out, n, r)) {
      return -1;
    }
    int count = 1;
    int k = r + 1;
    char joiner = 0;
    while (k + 1 < n && out[k] == ' ' && to[k] - from[k] == 1 && isSingle(out, n, k + 1)) {
      char sep = text.charAt(from[k]);
      if (joiner == 0) {
        joiner = sep;
      } else if (sep == ' ' && joiner != ' ') {
        break;
      }
      count++;
      k += 2;
    }
    return count >= 3 ? k : -1;
  }

  private static boolean isSingle(char[] out, int n, int i) {
    // Cheapest tests first: inside a word the one before is no space.
    return (i == 0 || out[i - 1] == ' ') && (i + 1 >= n || out[i + 1] == ' ') && out[i] != ' '
        && Character.isLetter(out[i]);
  }

  private static void copy(char[] out, int[] from, int[] to, int r, int w) {
    out[w] = out[r];
    from[w] = from[r];
    to[w] = to[r];
  }
}
