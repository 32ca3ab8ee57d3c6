package io.guardstream.guard;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A registered system prompt reduced to hashes of its word shingles and of the secret values it
 * states ({@link PromptSecrets}), plus the canary tokens the app planted in it. The prompt text
 * itself is not kept. A hash of a short value can be guessed from a dictionary, so fingerprints
 * are for the guard's own topics, not for publishing.
 *
 * @param tenant tenant the prompt applies to, or null for all tenants of the app
 * @param appName application that registered it
 * @param promptId app-chosen id of the prompt
 * @param shingleSize words per shingle
 * @param shingleHashes sorted, distinct 64-bit hashes of the normalised prompt's shingles
 * @param secretHashes sorted, distinct hashes of the secret values the prompt states ("the
 *     password is ..."), each hashed as a prompt shorter than a shingle is
 * @param secretLengths sorted, distinct lengths in chars of those values' hashed words; empty
 *     when unknown (fingerprints registered before they were kept)
 * @param canaries canary tokens planted in the prompt
 */
public record PromptFingerprint(
    String tenant,
    String appName,
    String promptId,
    int shingleSize,
    long[] shingleHashes,
    long[] secretHashes,
    int[] secretLengths,
    List<String> canaries) {

  public static final int DEFAULT_SHINGLE_SIZE = 5;

  public PromptFingerprint {
    Objects.requireNonNull(appName, "appName");
    Objects.requireNonNull(promptId, "promptId");
    if (shingleSize < 1) {
      throw new IllegalArgumentException("shingleSize must be at least 1, was " + shingleSize);
    }
    shingleHashes = distinctSorted(shingleHashes == null ? new long[0] : shingleHashes);
    secretHashes = distinctSorted(secretHashes == null ? new long[0] : secretHashes);
    secretLengths = secretLengths == null ? new int[0]
        : Arrays.stream(secretLengths).distinct().sorted().toArray();
    canaries = canaries == null ? List.of() : List.copyOf(canaries);
  }

  /** Fingerprints a prompt; the same text always yields the same hashes (SDK and engine agree). */
  public static PromptFingerprint of(
      String tenant, String appName, String promptId, String prompt, List<String> canaries) {
    List<String> secrets = secretValues(prompt, DEFAULT_SHINGLE_SIZE, canaries);
    return new PromptFingerprint(
        tenant, appName, promptId, DEFAULT_SHINGLE_SIZE,
        shingleHashes(prompt, DEFAULT_SHINGLE_SIZE),
        secrets.stream().mapToLong(value -> shingleHashes(value, DEFAULT_SHINGLE_SIZE)[0]).toArray(),
        secrets.stream().mapToInt(value -> hashedLength(value, DEFAULT_SHINGLE_SIZE)).toArray(),
        canaries);
  }

  /** The secret values {@code prompt} states, leaving out the canaries: they are found as such. */
  private static List<String> secretValues(String prompt, int size, List<String> canaries) {
    List<String> planted = canaries == null ? List.of()
        : canaries.stream().map(c -> String.join(" ", words(c))).toList();
    return PromptSecrets.values(prompt, size).stream()
        .filter(value -> !planted.contains(value))
        .toList();
  }

  /** Chars of the words {@link #shingleHashes} hashes for a value shorter than a shingle. */
  private static int hashedLength(String value, int size) {
    return words(value).stream().limit(size).mapToInt(String::length).sum();
  }

  /** Hashes of every run of {@code size} consecutive normalised words (all words if fewer). */
  public static long[] shingleHashes(String text, int size) {
    List<String> words = words(text);
    if (words.isEmpty()) {
      return new long[0];
    }
    int n = Math.max(1, words.size() - size + 1);
    long[] hashes = new long[n];
    for (int i = 0; i < n; i++) {
      long h = FNV_OFFSET;
      for (int j = i; j < Math.min(words.size(), i + size); j++) {
        h = fnv(h, words.get(j));
        h = (h ^ ' ') * FNV_PRIME;
      }
      hashes[i] = h;
    }
    return distinctSorted(hashes);
  }

  /** Lower-cased NFKC words: runs of letters or digits. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i < folded.length(); i++) {
      boolean wordChar = Character.isLetterOrDigit(folded.charAt(i));
      if (wordChar && start < 0) {
        start = i;
      } else if (!wordChar && start >= 0) {
        words.add(folded.substring(start, i));
        start = -1;
      }
    }
    if (start >= 0) {
      words.add(folded.substring(start));
    }
    return words;
  }

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private static long fnv(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      h = (h ^ (c & 0xff)) * FNV_PRIME;
      h = (h ^ (c >>> 8)) * FNV_PRIME;
    }
    return h;
  }

  private static long[] distinctSorted(long[] values) {
    return Arrays.stream(values).distinct().sorted().toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PromptFingerprint p
        && Objects.equals(tenant, p.tenant)
        && appName.equals(p.appName)
        && promptId.equals(p.promptId)
        && shingleSize == p.shingleSize
        && Arrays.equals(shingleHashes, p.shingleHashes)
        && Arrays.equals(secretHashes, p.secretHashes)
        && Arrays.equals(secretLengths, p.secretLengths)
        && canaries.equals(p.canaries);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenant, appName, promptId, shingleSize, Arrays.hashCode(shingleHashes),
        Arrays.hashCode(secretHashes), Arrays.hashCode(secretLengths), canaries);
  }

  @Override
  public String toString() {
    return "PromptFingerprint[" + appName + "/" + promptId + ", " + shingleHashes.length
        + " shingles, " + secretHashes.length + " secrets, " + canaries.size() + " canaries]";
  }
}
