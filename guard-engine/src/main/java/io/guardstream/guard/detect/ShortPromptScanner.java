package io.guardstream.guard.detect;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds a short registered prompt (fewer words than a shingle: an access code, a passphrase, a
 * secret the app keeps in its prompt) in an output, as written or disguised. The fingerprint holds
 * only the hash of the prompt's words, so each candidate the output offers is hashed the same way:
 *
 * <ul>
 *   <li>runs of one to {@code size} words as written (quoted ones may be shorter);
 *   <li>the same runs spelled backwards or rot13 encoded;
 *   <li>letters spelled out one by one ("z e i t g e i s t", "A-C-C-E-S-S G-R-A-N-T-E-D");
 *   <li>short base64, hex, binary and character-code sequences, decoded (longer encoded runs are
 *       decoded by the engine and scanned again).
 * </ul>
 *
 * Translations, synonyms, riddles and hints give no candidate: they cannot be found from a hash.
 */
final class ShortPromptScanner {
  private ShortPromptScanner() {}

  /** Quoted words ('cake', "shire") count from this many chars: quoting marks a value. */
  static final int MIN_QUOTED = 3;
  /** Disguised forms count from this many chars: spelling a word backwards is deliberate. */
  static final int MIN_DISGUISED = 4;

  /** Where the prompt occurs in the output, how, and how sure that is. */
  record Match(int start, int end, String how, double confidence) {}

  /**
   * The first occurrence of the prompt whose hash is {@code prompt} in the output {@code text}
   * (already split into {@code words}), or null. {@code lengths}: the lengths in chars (spaces
   * not counted) the prompt may have, sorted; runs of words of other lengths are not hashed.
   * Empty when unknown.
   */
  static Match find(OutputWords w, CharSequence text, long prompt, int size,
      int minChars, int[] lengths) {
    Match m = asWritten(w, text, prompt, size, minChars, lengths);
    if (m == null) {
      m = disguised(w, prompt, size, lengths);
    }
    if (m == null) {
      m = spelledOut(w, text, prompt);
    }
    if (m == null) {
      m = encoded(text, prompt, size);
    }
    return m;
  }

  private static Match asWritten(OutputWords w, CharSequence text, long prompt,
      int size, int minChars, int[] lengths) {
    boolean known = lengths.length > 0;
    int longest = known ? lengths[lengths.length - 1] : Integer.MAX_VALUE;
    for (int i = 0; i < w.count; i++) {
      long h = OutputWords.offset();
      int chars = 0;
      for (int len = 1; len <= size && i + len <= w.count; len++) {
        int j = i + len - 1;
        chars += w.length(j);
        if (chars > longest) {
          break;
        }
        if (known) {
          // Hashing every run is most of the work; a run of another length cannot match.
          if (Arrays.binarySearch(lengths, chars) < 0) {
            continue;
          }
          h = w.hash(i, len);
        } else {
          for (int k = 0; k < w.length(j); k++) {
            h = OutputWords.step(h, w.charAt(j, k));
          }
          h = OutputWords.endWord(h);
        }
        int s = w.start[i];
        int e = w.end[j];
        if (h == prompt && (e - s >= minChars || e - s >= MIN_QUOTED && quoted(text, s, e))) {
          return new Match(s, e, "as written", 0.95);
        }
      }
    }
    return null;
  }

  /**
   * The first run of one to {@code size} words, by start then length, that is the prompt spelled
   * backwards or rot13 encoded (backwards first). Each hash extends the previous one by a word:
   * rot13 runs grow from their start, backwards runs from their end (their last word is hashed
   * first), so the search is linear in the words times {@code size}.
   */
  private static Match disguised(OutputWords w, long prompt, int size, int[] lengths) {
    boolean known = lengths.length > 0;
    int longest = known ? lengths[lengths.length - 1] : Integer.MAX_VALUE;
    long best = Long.MAX_VALUE; // start * (size + 1) + length, times 2, + 1 for rot13
    for (int e = 0; e < w.count; e++) {
      long h = OutputWords.offset();
      int chars = 0;
      for (int len = 1; len <= size && e - len + 1 >= 0; len++) {
        int i = e - len + 1;
        chars += w.length(i);
        if (chars > longest) {
          break;
        }
        if (!known) {
          h = w.backwardsWord(h, i);
        } else if (Arrays.binarySearch(lengths, chars) >= 0) {
          h = OutputWords.offset();
          for (int j = e; j >= i; j--) {
            h = w.backwardsWord(h, j);
          }
        } else {
          continue;
        }
        if (h == prompt && w.end[e] - w.start[i] >= MIN_DISGUISED) {
          best = Math.min(best, 2L * (i * (size + 1L) + len));
        }
      }
    }
    for (int i = 0; i < w.count && 2L * i * (size + 1L) < best; i++) {
      long h = OutputWords.offset();
      int chars = 0;
      for (int len = 1; len <= size && i + len <= w.count; len++) {
        chars += w.length(i + len - 1);
        if (chars > longest) {
          break;
        }
        if (!known) {
          h = w.rot13Word(h, i + len - 1);
        } else if (Arrays.binarySearch(lengths, chars) >= 0) {
          h = OutputWords.offset();
          for (int j = i; j < i + len; j++) {
            h = w.rot13Word(h, j);
          }
        } else {
          continue;
        }
        if (h == prompt && w.end[i + len - 1] - w.start[i] >= MIN_DISGUISED) {
          best = Math.min(best, 2L * (i * (size + 1L) + len) + 1);
          break;
        }
      }
    }
    if (best == Long.MAX_VALUE) {
      return null;
    }
    long key = best / 2;
    int i = (int) (key / (size + 1L));
    int len = (int) (key % (size + 1L));
    return new Match(w.start[i], w.end[i + len - 1],
        best % 2 == 0 ? "spelled backwards" : "rot13-encoded", 0.9);
  }

  /**
   * Runs of at least three one-letter words a char or two apart: all letters joined into one
   * word, or grouped into words where the separator differs from the usual one ("A-C-C-E-S-S
   * G-R-A-N-T-E-D"); forwards and backwards.
   */
  private static Match spelledOut(OutputWords w, CharSequence text, long prompt) {
    int i = 0;
    while (i < w.count) {
      int j = i;
      // Letters one or two chars apart ("a-b", "a, b"), words up to three ("a - b", "a / b").
      while (j < w.count && w.length(j) == 1
          && (j == i || w.start[j] - w.end[j - 1] <= 3)) {
        j++;
      }
      if (j - i >= 3) {
        Match m = spelledRun(w, text, prompt, i, j);
        if (m == null && j - i >= 4 && w.start[i] > 0 && text.charAt(w.start[i] - 1) == '\'') {
          m = spelledRun(w, text, prompt, i + 1, j); // "it's p-a-s-s": the "s" is not spelled
        }
        if (m != null) {
          return m;
        }
      }
      i = Math.max(j, i + 1);
    }
    return null;
  }

  private static Match spelledRun(OutputWords w, CharSequence text, long prompt,
      int a, int b) {
    char usual = usualSeparator(w, text, a, b);
    int minGap = Integer.MAX_VALUE;
    for (int k = a; k + 1 < b; k++) {
      minGap = Math.min(minGap, w.start[k + 1] - w.end[k]);
    }
    long joined = OutputWords.offset();
    long joinedBack = OutputWords.offset();
    long grouped = OutputWords.offset();
    long group = OutputWords.offset(); // the current word alone
    int groupStart = a;
    for (int k = a; k < b; k++) {
      joined = OutputWords.step(joined, w.charAt(k, 0));
      joinedBack = OutputWords.step(joinedBack, w.charAt(a + b - 1 - k, 0));
      grouped = OutputWords.step(grouped, w.charAt(k, 0));
      group = OutputWords.step(group, w.charAt(k, 0));
      // A different separator or a wider gap ends a word: "p-a-s-s w-o-r-d", "p a s s   w o r d".
      if (k + 1 == b || separator(w, text, k) != usual || w.start[k + 1] - w.end[k] > minGap) {
        if (OutputWords.endWord(group) == prompt && (k + 1 < b || groupStart > a)) {
          return new Match(w.start[groupStart], w.end[k], "spelled out letter by letter", 0.9);
        }
        grouped = k + 1 < b ? OutputWords.endWord(grouped) : grouped;
        group = OutputWords.offset();
        groupStart = k + 1;
      }
    }
    int s = w.start[a];
    int e = w.end[b - 1];
    if (OutputWords.endWord(joined) == prompt
        || OutputWords.endWord(grouped) == prompt) {
      return new Match(s, e, "spelled out letter by letter", 0.9);
    }
    if (OutputWords.endWord(joinedBack) == prompt) {
      return new Match(s, e, "spelled backwards letter by letter", 0.9);
    }
    return null;
  }

  /** The first char between one-letter word {@code k} and the next. */
  private static char separator(OutputWords w, CharSequence text, int k) {
    return text.charAt(w.end[k]);
  }

  private static char usualSeparator(OutputWords w, CharSequence text, int a,
      int b) {
    char best = ' ';
    int bestCount = 0;
    for (int k = a; k + 1 < b; k++) {
      char c = separator(w, text, k);
      int count = 0;
      for (int q = a; q + 1 < b; q++) {
        if (separator(w, text, q) == c) {
          count++;
        }
      }
      if (count > bestCount) {
        best = c;
        bestCount = count;
      }
    }
    return best;
  }

  /** Quotes, backticks or emphasis right around [s, e). */
  private static boolean quoted(CharSequence text, int s, int e) {
    if (s == 0 || e >= text.length()) {
      return false;
    }
    char open = text.charAt(s - 1);
    char close = text.charAt(e);
    return (open == '"' || open == '\'' || open == '`' || open == '*' || open == '\u201C'
        || open == '\u2018' || open == '\u00AB')
        && (close == '"' || close == '\'' || close == '`' || close == '*' || close == '\u201D'
        || close == '\u2019' || close == '\u00BB');
  }

  // --- encoded forms

  private static final int MIN_ENCODED = 6;
  private static final int MAX_ENCODED = 64;

  /**
   * Short encoded tokens (base64, hex, a run of 8-bit binary groups, hex pairs or decimal
   * character codes separated by spaces or commas), decoded and hashed as words.
   */
  private static Match encoded(CharSequence text, long prompt, int size) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isToken(text.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      while (i < n && isToken(text.charAt(i))) {
        i++;
      }
      if (i - s >= MIN_ENCODED && i - s <= MAX_ENCODED) {
        String decoded = decodeToken(text, s, i);
        if (decoded != null && hashesTo(decoded, prompt, size)) {
          return new Match(s, i, "encoded", 0.9);
        }
      }
      int seqEnd = codeSequenceEnd(text, s, n);
      if (seqEnd > 0) {
        String decoded = decodeSequence(text, s, seqEnd);
        if (decoded != null && hashesTo(decoded, prompt, size)) {
          return new Match(s, seqEnd, "as character codes", 0.9);
        }
      }
    }
    return null;
  }

  private static boolean isToken(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+'
        || c == '/' || c == '=' || c == '-' || c == '_';
  }

  /** Hex (even length) or base64 of printable text, else null. */
  private static String decodeToken(CharSequence t, int s, int e) {
    int len = e - s;
    boolean hex = (len & 1) == 0;
    for (int i = s; i < e && hex; i++) {
      hex = Character.digit(t.charAt(i), 16) >= 0;
    }
    if (hex) {
      StringBuilder b = new StringBuilder(len / 2);
      for (int i = s; i < e; i += 2) {
        b.append((char) (Character.digit(t.charAt(i), 16) << 4 | Character.digit(t.charAt(i + 1), 16)));
      }
      return printable(b);
    }
    if (len % 4 != 0) {
      return null;
    }
    try {
      byte[] bytes = java.util.Base64.getDecoder().decode(
          t.subSequence(s, e).toString().replace('-', '+').replace('_', '/'));
      StringBuilder b = new StringBuilder(bytes.length);
      for (byte x : bytes) {
        b.append((char) (x & 0xff));
      }
      return printable(b);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /**
   * End of a run of at least three numeric tokens (two hex digits, up to three decimal digits,
   * or eight binary digits) separated by single spaces or commas starting at {@code s}; else -1.
   */
  private static int codeSequenceEnd(CharSequence t, int s, int n) {
    int tokens = 0;
    int i = s;
    int end = -1;
    while (i < n) {
      int ts = i;
      while (i < n && Character.digit(t.charAt(i), 16) >= 0) {
        i++;
      }
      int len = i - ts;
      if (len < 1 || len > 3 && len != 8) {
        break;
      }
      tokens++;
      end = i;
      if (i < n && t.charAt(i) == ',') {
        i++;
      }
      if (i < n && t.charAt(i) == ' ') {
        i++;
      }
      if (i == end) {
        break;
      }
    }
    return tokens >= 3 ? end : -1;
  }

  /** Hex pairs, decimal codes or binary octets of printable ASCII, else null. */
  private static String decodeSequence(CharSequence t, int s, int e) {
    String[] parts = t.subSequence(s, e).toString().split("[ ,]+");
    for (int radix : new int[] {2, 16, 10}) {
      StringBuilder b = new StringBuilder(parts.length);
      for (String p : parts) {
        int v;
        try {
          v = radix == 2 && p.length() != 8 || radix == 16 && p.length() != 2
              ? -1 : Integer.parseInt(p, radix);
        } catch (NumberFormatException notThisRadix) {
          v = -1;
        }
        if (v < 32 || v > 126) {
          b = null;
          break;
        }
        b.append((char) v);
      }
      if (b != null) {
        return printable(b);
      }
    }
    return null;
  }

  private static String printable(StringBuilder b) {
    int letters = 0;
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (c < 32 || c > 126) {
        return null;
      }
      if (Character.isLetterOrDigit(c)) {
        letters++;
      }
    }
    return letters >= 3 ? b.toString() : null;
  }

  /** Whether a run of one to {@code size} words of {@code decoded} hashes to the prompt. */
  private static boolean hashesTo(String decoded, long prompt, int size) {
    String[] words = WORD_SEPARATORS.splitAsStream(decoded.toLowerCase(Locale.ROOT))
        .filter(word -> !word.isEmpty()).toArray(String[]::new);
    for (int i = 0; i < words.length; i++) {
      long h = OutputWords.offset();
      for (int len = 1; len <= size && i + len <= words.length; len++) {
        String word = words[i + len - 1];
        for (int k = 0; k < word.length(); k++) {
          h = OutputWords.step(h, word.charAt(k));
        }
        h = OutputWords.endWord(h);
        if (h == prompt) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
}
