package io.guardstream.guard.detect.pii;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A list of names from a resource (one per line, {@code #} comments), looked up by a 64-bit hash
 * of the word's chars in an open-addressing table: a lookup reads the text in place and
 * allocates nothing.
 */
final class NameList {
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

  /** Whether {@code t[s, e)} is one of the names, as written (capitalised). */
  boolean contains(CharSequence t, int s, int e) {
    return containsHash(hash(t, s, e));
  }

  /** Whether {@code t[s, e)}, a lower-case word, is one of the names once capitalised. */
  boolean containsCapitalised(CharSequence t, int s, int e) {
    long h = (0xcbf29ce484222325L ^ Character.toUpperCase(t.charAt(s))) * 0x100000001b3L;
    for (int k = s + 1; k < e; k++) {
      h = (h ^ t.charAt(k)) * 0x100000001b3L;
    }
    return containsHash(h);
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
    long h = 0xcbf29ce484222325L;
    for (int k = s; k < e; k++) {
      h = (h ^ t.charAt(k)) * 0x100000001b3L;
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
