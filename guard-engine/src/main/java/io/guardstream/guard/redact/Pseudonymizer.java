package io.guardstream.guard.redact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: HMAC-SHA256 of a value under a secret key, first 48 bits in hex. The same
 * value always gets the same token, so analysts can correlate without seeing it; without the key
 * the token reveals nothing. Thread-safe (one Mac per thread).
 */
public final class Pseudonymizer {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final ThreadLocal<Mac> mac;

  public Pseudonymizer(byte[] key) {
    SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.mac = ThreadLocal.withInitial(() -> {
      try {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(spec);
        return m;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 unavailable", e);
      }
    });
  }

  /** 12 hex chars identifying {@code value} under this key. */
  public String token(CharSequence value) {
    byte[] h = mac.get().doFinal(value.toString().getBytes(StandardCharsets.UTF_8));
    char[] out = new char[12];
    for (int i = 0; i < 6; i++) {
      out[2 * i] = HEX[(h[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[h[i] & 0xf];
    }
    return new String(out);
  }
}
