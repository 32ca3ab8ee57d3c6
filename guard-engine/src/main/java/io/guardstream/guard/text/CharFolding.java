package io.guardstream.guard.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds one code point to the lower-case ASCII-like form attackers try to hide from matchers:
 * compatibility forms (full-width, mathematical letters, ligatures) via NFKD, diacritics
 * stripped, and Cyrillic / Greek look-alikes mapped to the Latin letter they imitate.
 */
public final class CharFolding {
  private CharFolding() {}

  // Look-alike letters (lower case) and the Latin letter they imitate.
  private static final String CONFUSABLE_FROM =
      "аАвВеЕёЁкКмМнНоОрРсСтТуУхХѕЅіІїЇјЈԁԛԝһӏɑɡıαβεικνορτυχγ";
  private static final String CONFUSABLE_TO =
      "aabbeeeekkmmhhooppccttyyxxssiiiijjdqwhlagiabeikvoptuxy";

  private static final String[] BMP = new String[65536];

  /** Folded form of {@code cp}: may be empty (a mark) or several chars (a ligature). */
  public static String fold(int cp) {
    if (cp < 128) {
      return ASCII[cp];
    }
    if (cp < 65536) {
      String cached = BMP[cp];
      if (cached == null) {
        // Benign race: every thread computes the same immutable value.
        cached = compute(cp);
        BMP[cp] = cached;
      }
      return cached;
    }
    return compute(cp);
  }

  /** Whether {@code cp} is one of the non-Latin look-alikes folded to a Latin letter. */
  public static boolean isConfusable(int cp) {
    return cp < 65536 && cp >= 128 && CONFUSABLE_FROM.indexOf(cp) >= 0;
  }

  private static final String[] ASCII = new String[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII[c] = String.valueOf(Character.toLowerCase((char) c));
    }
  }

  private static String compute(int cp) {
    String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
    StringBuilder b = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK) {
        continue;
      }
      String low = new String(Character.toChars(c)).toLowerCase(Locale.ROOT);
      for (int j = 0; j < low.length(); j++) {
        char ch = low.charAt(j);
        int k = CONFUSABLE_FROM.indexOf(ch);
        b.append(k >= 0 ? CONFUSABLE_TO.charAt(k) : ch);
      }
    }
    return b.toString();
  }
}
