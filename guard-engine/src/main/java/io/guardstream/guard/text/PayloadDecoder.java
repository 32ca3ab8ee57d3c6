package io.guardstream.guard.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds base64, hex and URL-encoded runs in a text and decodes those that turn out to be
 * printable text, and texts written in rot13 or backwards as a whole, so smuggled instructions or
 * secrets are scanned in clear. Work is linear in
 * the input and each decoded payload is capped by the caller's budget.
 */
public final class PayloadDecoder {
  private PayloadDecoder() {}

  /** Shortest base64 run worth decoding (16 bytes of payload: shorter runs are mostly ids). */
  static final int MIN_BASE64 = 20;
  /** Shortest hex run worth decoding (8 bytes). */
  static final int MIN_HEX = 16;
  /** Fewest %XX escapes for a URL-encoded run. */
  static final int MIN_URL_ESCAPES = 3;
  /** Shortest decoded text that counts as a payload. */
  static final int MIN_DECODED = 6;

  /**
   * Decodes the encoded runs of {@code text[0, end)}, stopping once {@code budget} decoded chars
   * have been produced. With {@code wholeText}, a text that reads as rot13 or as written
   * backwards as a whole ({@link InstructionWords}) is one more payload, decoded whole: the same
   * pass reads its words.
   */
  public static List<EncodedPayload> find(CharSequence text, int end, int budget,
      boolean wholeText) {
    return find(text.toString().toCharArray(), end, budget, wholeText);
  }

  /** {@link #find(CharSequence, int, int, boolean)} over a char array, which it reads faster. */
  public static List<EncodedPayload> find(char[] text, int end, int budget, boolean wholeText) {
    List<EncodedPayload> found = null;
    InstructionWords rot13 = wholeText ? InstructionWords.rot13() : null;
    InstructionWords backwards = wholeText ? InstructionWords.backwards() : null;
    int produced = 0;
    int i = 0;
    while (i < end) {
      char c = text[i];
      if (!isTokenChar(c)) {
        i++;
        continue;
      }
      int start = i;
      int escapes = 0;
      long word = 0;
      long back = 0;
      int letters = 0;
      // One read and one table look-up per char: this loop runs over every word of every event.
      for (; i < end; i++) {
        char t = text[i];
        byte kind = t < 128 ? KIND[t] : NOT_TOKEN;
        if (kind == LETTER) {
          word = InstructionWords.code(word, t);
          back = InstructionWords.backwardsCode(back, t, letters);
          letters++;
          continue;
        }
        if (kind == NOT_TOKEN) {
          break;
        }
        if (letters > 0 && rot13 != null) {
          rot13.add(word, letters);
          backwards.add(back, letters);
        }
        word = 0;
        back = 0;
        letters = 0;
        if (t == '%' && i + 2 < end && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
          escapes++;
        }
      }
      if (letters > 0 && rot13 != null) {
        rot13.add(word, letters);
        backwards.add(back, letters);
      }
      if (i - start < MIN_HEX && escapes < MIN_URL_ESCAPES || produced >= budget) {
        continue; // too short to be a payload: most words end here
      }
      EncodedPayload p = decodeRun(CharBuffer.wrap(text, 0, end), start, i, escapes,
          budget - produced);
      if (p != null) {
        found = add(found, p);
        produced += p.decoded().length();
      }
    }
    if (rot13 != null && rot13.encoded()) {
      found = add(found, new EncodedPayload(0, end, "rot13", Rot13.of(new String(text, 0, end))));
    }
    if (backwards != null && backwards.encoded()) {
      found = add(found, new EncodedPayload(0, end, "reversed",
          new StringBuilder(end).append(text, 0, end).reverse().toString()));
    }
    return found == null ? List.of() : found;
  }

  private static List<EncodedPayload> add(List<EncodedPayload> found, EncodedPayload p) {
    List<EncodedPayload> list = found == null ? new ArrayList<>(2) : found;
    list.add(p);
    return list;
  }

  private static final boolean[] TOKEN = new boolean[128];
  private static final byte NOT_TOKEN = 0;
  private static final byte LETTER = 1;
  private static final byte OTHER_TOKEN = 2;
  /** For ASCII chars: an ASCII letter, another char of a token, or none. */
  private static final byte[] KIND = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      TOKEN[c] = Character.isLetterOrDigit(c) || "+/=-_%\\.!~*'()".indexOf(c) >= 0;
      boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
      KIND[c] = letter ? LETTER : TOKEN[c] ? OTHER_TOKEN : NOT_TOKEN;
    }
  }

  private static boolean isTokenChar(char c) {
    return c < 128 && TOKEN[c];
  }

  private static EncodedPayload decodeRun(
      CharSequence text, int start, int end, int escapes, int budget) {
    if (escapes >= MIN_URL_ESCAPES) {
      String decoded = urlDecode(text, start, end, budget);
      return decoded == null ? null : new EncodedPayload(start, end, "url", decoded);
    }
    // Trim characters that can surround but not belong to base64/hex runs.
    while (start < end && !isBase64(text.charAt(start))) {
      start++;
    }
    while (end > start && !isBase64(text.charAt(end - 1)) && text.charAt(end - 1) != '=') {
      end--;
    }
    int len = end - start;
    if (len >= MIN_HEX && allHex(text, start, end) && (len & 1) == 0) {
      String decoded = hexDecode(text, start, end, budget);
      return decoded == null ? null : new EncodedPayload(start, end, "hex", decoded);
    }
    if (len >= MIN_BASE64 && allBase64(text, start, end) && looksLikeBase64(text, start, end)) {
      String decoded = base64Decode(text, start, end, budget);
      return decoded == null ? null : new EncodedPayload(start, end, "base64", decoded);
    }
    return null;
  }

  private static boolean isBase64(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '-' || c == '_');
  }

  private static boolean allBase64(CharSequence t, int s, int e) {
    int i = s;
    while (i < e && isBase64(t.charAt(i))) {
      i++;
    }
    while (i < e && t.charAt(i) == '=') {
      i++;
    }
    return i == e;
  }

  /** Real base64 of text mixes cases; skip words, paths and snake_case identifiers. */
  private static boolean looksLikeBase64(CharSequence t, int s, int e) {
    int upper = 0;
    int lower = 0;
    for (int i = s; i < e; i++) {
      char c = t.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        upper++;
      } else if (c >= 'a' && c <= 'z') {
        lower++;
      }
    }
    return upper >= 2 && lower >= 2;
  }

  private static boolean allHex(CharSequence t, int s, int e) {
    for (int i = s; i < e; i++) {
      if (hex(t.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static String hexDecode(CharSequence t, int s, int e, int budget) {
    int n = Math.min((e - s) / 2, budget);
    byte[] bytes = new byte[n];
    for (int k = 0; k < n; k++) {
      bytes[k] = (byte) (hex(t.charAt(s + 2 * k)) << 4 | hex(t.charAt(s + 2 * k + 1)));
    }
    return printable(bytes, n);
  }

  private static String base64Decode(CharSequence t, int s, int e, int budget) {
    int len = Math.min(e - s, budget * 4 / 3 + 4);
    byte[] bytes = new byte[len * 3 / 4 + 3];
    int n = 0;
    int acc = 0;
    int bits = 0;
    for (int i = s; i < s + len; i++) {
      int v = b64(t.charAt(i));
      if (v < 0) {
        break; // padding
      }
      acc = acc << 6 | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        bytes[n++] = (byte) (acc >> bits);
      }
    }
    return printable(bytes, n);
  }

  private static int b64(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '+' || c == '-') {
      return 62;
    }
    if (c == '/' || c == '_') {
      return 63;
    }
    return -1;
  }

  private static String urlDecode(CharSequence t, int s, int e, int budget) {
    byte[] bytes = new byte[Math.min(e - s, budget * 3)];
    int n = 0;
    for (int i = s; i < e && n < bytes.length; i++) {
      char c = t.charAt(i);
      if (c == '%' && i + 2 < e && hex(t.charAt(i + 1)) >= 0 && hex(t.charAt(i + 2)) >= 0) {
        bytes[n++] = (byte) (hex(t.charAt(i + 1)) << 4 | hex(t.charAt(i + 2)));
        i += 2;
      } else if (c == '+') {
        bytes[n++] = ' ';
      } else {
        bytes[n++] = (byte) c;
      }
    }
    return printable(bytes, n);
  }

  /** UTF-8 text of the bytes if it is valid and almost all printable, else null. */
  private static String printable(byte[] bytes, int n) {
    if (n < MIN_DECODED) {
      return null;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    // Most runs that look encoded are ids and hashes, not UTF-8: a result, not an exception,
    // says so (an exception's stack trace cost 10-40 µs each).
    CharBuffer chars = CharBuffer.allocate(n);
    if (decoder.decode(ByteBuffer.wrap(bytes, 0, n), chars, true).isError()
        || decoder.flush(chars).isError()) {
      return null;
    }
    chars.flip();
    int bad = 0;
    int letters = 0;
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
      } else if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        bad++;
      }
    }
    if (bad * 20 > chars.length() || letters * 2 < chars.length()) {
      return null;
    }
    return chars.toString();
  }
}
