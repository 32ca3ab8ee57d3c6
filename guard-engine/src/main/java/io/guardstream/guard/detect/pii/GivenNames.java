package io.guardstream.guard.detect.pii;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The common given names of {@code given-names.txt}, looked up by a 64-bit hash of the word's
 * chars in an open-addressing table: a lookup reads the text in place and allocates nothing.
 */
final class GivenNames {
  private GivenNames() {}

  private static final String RESOURCE = "given-names.txt";
  /** Name hashes at their home slot or after it (linear probing); 0 marks a free slot. */
  private static final long[] TABLE = table(load());
  private static final int MASK = TABLE.length - 1;

  /** Whether {@code t[s, e)} is one of the names, as written (capitalised). */
  static boolean contains(CharSequence t, int s, int e) {
    long h = hash(t, s, e);
    for (int i = slot(h, MASK); ; i = (i + 1) & MASK) {
      if (TABLE[i] == h) {
        return true;
      }
      if (TABLE[i] == 0) {
        return false;
      }
    }
  }

  private static int slot(long h, int mask) {
    return (int) (h ^ h >>> 32) & mask;
  }

  private static long[] table(long[] hashes) {
    long[] table = new long[Integer.highestOneBit(hashes.length * 4)]; // at most half full
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

  private static long[] load() {
    try (InputStream in = GivenNames.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource missing: " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return r.lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .mapToLong(l -> hash(l, 0, l.length()))
          .distinct()
          .toArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
