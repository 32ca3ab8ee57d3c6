package io.guardstream.guard;

import java.util.Arrays;

/**
 * Bounds and settings of a {@link GuardEngine}. Every bound caps the work done for one event;
 * when one is reached the result says so in {@link GuardResult#limitsHit()}.
 */
public final class GuardOptions {
  /** Limit names reported in {@link GuardResult#limitsHit()}. */
  public static final String MAX_SCAN_CHARS = "max_scan_chars";
  public static final String MAX_DECODE_DEPTH = "max_decode_depth";
  public static final String MAX_DECODED_CHARS = "max_decoded_chars";
  public static final String MAX_FINDINGS = "max_findings";
  public static final String MAX_TRIGGER_HITS = "max_trigger_hits";

  private final int maxScanChars;
  private final int maxDecodeDepth;
  private final int maxDecodedChars;
  private final int maxFindings;
  private final int maxTriggerHits;
  private final double promptAttackThreshold;
  private final byte[] pseudonymKey;

  private GuardOptions(int maxScanChars, int maxDecodeDepth, int maxDecodedChars,
      int maxFindings, int maxTriggerHits, double promptAttackThreshold, byte[] pseudonymKey) {
    if (maxScanChars < 1 || maxDecodeDepth < 0 || maxDecodedChars < 0 || maxFindings < 1
        || maxTriggerHits < 1) {
      throw new IllegalArgumentException("guard bounds must be positive");
    }
    if (!(promptAttackThreshold > 0 && promptAttackThreshold <= 1)) {
      throw new IllegalArgumentException("promptAttackThreshold must be in (0, 1]");
    }
    if (pseudonymKey != null && pseudonymKey.length < 16) {
      throw new IllegalArgumentException("pseudonym key must have at least 16 bytes");
    }
    this.maxScanChars = maxScanChars;
    this.maxDecodeDepth = maxDecodeDepth;
    this.maxDecodedChars = maxDecodedChars;
    this.maxFindings = maxFindings;
    this.maxTriggerHits = maxTriggerHits;
    this.promptAttackThreshold = promptAttackThreshold;
    this.pseudonymKey = pseudonymKey == null ? null : pseudonymKey.clone();
  }

  /**
   * Defaults: 64 Ki chars scanned per field, decoding 2 levels deep and at most 16 Ki decoded
   * chars per event, 256 findings, 4096 trigger occurrences per field, prompt_attack threshold
   * 0.5, typed masks (no pseudonym key).
   */
  public static GuardOptions defaults() {
    return new GuardOptions(65_536, 2, 16_384, 256, 4_096, 0.5, null);
  }

  public GuardOptions withMaxScanChars(int v) {
    return new GuardOptions(v, maxDecodeDepth, maxDecodedChars, maxFindings, maxTriggerHits,
        promptAttackThreshold, pseudonymKey);
  }

  public GuardOptions withMaxDecodeDepth(int v) {
    return new GuardOptions(maxScanChars, v, maxDecodedChars, maxFindings, maxTriggerHits,
        promptAttackThreshold, pseudonymKey);
  }

  public GuardOptions withMaxDecodedChars(int v) {
    return new GuardOptions(maxScanChars, maxDecodeDepth, v, maxFindings, maxTriggerHits,
        promptAttackThreshold, pseudonymKey);
  }

  public GuardOptions withMaxFindings(int v) {
    return new GuardOptions(maxScanChars, maxDecodeDepth, maxDecodedChars, v, maxTriggerHits,
        promptAttackThreshold, pseudonymKey);
  }

  public GuardOptions withMaxTriggerHits(int v) {
    return new GuardOptions(maxScanChars, maxDecodeDepth, maxDecodedChars, maxFindings, v,
        promptAttackThreshold, pseudonymKey);
  }

  /** Score at or above which an input counts as a prompt attack. */
  public GuardOptions withPromptAttackThreshold(double v) {
    return new GuardOptions(maxScanChars, maxDecodeDepth, maxDecodedChars, maxFindings,
        maxTriggerHits, v, pseudonymKey);
  }

  /**
   * Key for keyed pseudonyms ({@code [EMAIL:1a2b3c4d5e6f]}, HMAC-SHA256); null for typed masks
   * ({@code [EMAIL]}).
   */
  public GuardOptions withPseudonymKey(byte[] key) {
    return new GuardOptions(maxScanChars, maxDecodeDepth, maxDecodedChars, maxFindings,
        maxTriggerHits, promptAttackThreshold, key);
  }

  public int maxScanChars() {
    return maxScanChars;
  }

  public int maxDecodeDepth() {
    return maxDecodeDepth;
  }

  public int maxDecodedChars() {
    return maxDecodedChars;
  }

  public int maxFindings() {
    return maxFindings;
  }

  public int maxTriggerHits() {
    return maxTriggerHits;
  }

  public double promptAttackThreshold() {
    return promptAttackThreshold;
  }

  /** A copy of the pseudonym key, or null. */
  public byte[] pseudonymKey() {
    return pseudonymKey == null ? null : pseudonymKey.clone();
  }

  @Override
  public String toString() {
    return "GuardOptions[maxScanChars=" + maxScanChars + ", maxDecodeDepth=" + maxDecodeDepth
        + ", maxDecodedChars=" + maxDecodedChars + ", maxFindings=" + maxFindings
        + ", maxTriggerHits=" + maxTriggerHits + ", promptAttackThreshold="
        + promptAttackThreshold + ", pseudonyms=" + (pseudonymKey != null) + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GuardOptions g && g.maxScanChars == maxScanChars
        && g.maxDecodeDepth == maxDecodeDepth && g.maxDecodedChars == maxDecodedChars
        && g.maxFindings == maxFindings && g.maxTriggerHits == maxTriggerHits
        && g.promptAttackThreshold == promptAttackThreshold
        && Arrays.equals(g.pseudonymKey, pseudonymKey);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new double[] {maxScanChars, maxDecodeDepth, maxDecodedChars,
        maxFindings, maxTriggerHits, promptAttackThreshold}) * 31 + Arrays.hashCode(pseudonymKey);
  }
}
