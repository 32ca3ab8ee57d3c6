package io.guardstream.guard.detect.pii;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * A list of names from a resource (one per line, {@code #} comments), looked up by a 64-bit hash
 * of the word's chars in an open-addressing table: a lookup reads the text in place and
 * allocates nothing.
 */
final class NameList {
  private static final long OFFSET = 0xcbf29ce484222325L; // FNV-1a
  private static final long PRIME = 0x100000001b3L;
  private static final char[] BASE_LATIN = bases(0xC0, 0x24F);
  private static final char[] BASE_VIETNAMESE = bases(0x1E00, 0x1EFF);

  /** Common given names. */
  static final NameList GIVEN = new NameList("given-names.txt");
  /** Common surnames that are not also English words. */
  static final NameList SURNAMES = new NameList("surnames.txt");

  /** Name hashes at their home slot or after it (linear probing); 0 marks a free slot. */
  private final long[] table;
  private final int mask;
  /**
   * One bit per value of a hash's top 16 bits, set for the names': 8 KB that stay in cache and
   * answer most lookups of words that are no name without touching the larger table.
   */
  private final long[] filter = new long[1 << 10];

  private NameList(String resource) {
    long[] hashes = load(resource);
    this.table = table(hashes);
    this.mask = table.length - 1;
    for (long h : hashes) {
      filter[(int) (h >>> 54)] |= 1L << (h >>> 48);
    }
  }

  /**
   * Whether {@code t[s, e)} is one of the names, as written (capitalised) or with its accents
   * dropped: "José" is listed as "Jose", and text is written either way.
   */
  boolean contains(CharSequence t, int s, int e) {
    long h = OFFSET;
    boolean accented = false;
    for (int k = s; k < e; k++) {
      char c = t.charAt(k);
      accented |= c >= 0xC0;
      h = (h ^ c) * PRIME;
    }
    return containsHash(h) || accented && containsHash(foldedHash(t, s, e, false));
  }

  /** Whether {@code t[s, e)}, a lower-case word, is one of the names once capitalised. */
  boolean containsCapitalised(CharSequence t, int s, int e) {
    char first = Character.toUpperCase(t.charAt(s));
    long h = (OFFSET ^ first) * PRIME;
    boolean accented = first >= 0xC0;
    for (int k = s + 1; k < e; k++) {
      char c = t.charAt(k);
      accented |= c >= 0xC0;
      h = (h ^ c) * PRIME;
    }
    return containsHash(h) || accented && containsHash(foldedHash(t, s, e, true));
  }

  /** The hash of {@code t[s, e)} with accents dropped (and its first letter capitalised). */
  private static long foldedHash(CharSequence t, int s, int e, boolean capitalise) {
    long h = OFFSET;
    for (int k = s; k < e; k++) {
      char c = k == s && capitalise ? Character.toUpperCase(t.charAt(k)) : t.charAt(k);
      h = (h ^ base(c)) * PRIME;
    }
    return h;
  }

  /** The ASCII letter a Latin letter with diacritics is built on ("é" → 'e'), or {@code c}. */
  private static char base(char c) {
    if (c < 0xC0) {
      return c;
    }
    if (c <= 0x24F) {
      return BASE_LATIN[c - 0xC0];
    }
    return c >= 0x1E00 && c <= 0x1EFF ? BASE_VIETNAMESE[c - 0x1E00] : c;
  }

  private static char[] bases(int from, int to) {
    char[] out = new char[to - from + 1];
    for (int c = from; c <= to; c++) {
      String d = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
      char b = d.charAt(0);
      out[c - from] = b < 128 && Character.isLetter(b) ? b : (char) c;
    }
    return out;
  }

  private boolean containsHash(long h) {
    if ((filter[(int) (h >>> 54)] & 1L << (h >>> 48)) == 0) {
      return false;
    }
    for (int i = slot(h, mask); ; i = (i + 1) & mask) {
      if (table[i] == h) {
        return true;
      }
      if (table[i] == 0) {
        return false;
      }
    }
  }

  private static int slot(long h, int mask) {
    return (int) (h ^ h >>> 32) & mask;
  }

  private static long[] table(long[] hashes) {
    long[] table = new long[Integer.highestOneBit(Math.max(16, hashes.length * 4))]; // <= half full
    for (long h : hashes) {
      int i = slot(h, table.length - 1);
      while (table[i] != 0) {
        i = (i + 1) & (table.length - 1);
      }
      table[i] = h;
    }
    return table;
  }

  private static long hash(CharSequence t, int s, int e) {
    long h = OFFSET;
    for (int k = s; k < e; k++) {
      h = (h ^ t.charAt(k)) * PRIME;
    }
    return h;
  }

  private static long[] load(String resource) {
    try (InputStream in = NameList.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource missing: " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return r.lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .mapToLong(l -> hash(l, 0, l.length()))
          .distinct()
          .toArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
