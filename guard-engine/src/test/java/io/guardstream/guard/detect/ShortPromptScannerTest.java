package io.guardstream.guard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardstream.guard.PromptFingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The disguised-prompt search against the plain one it replaced (every run hashed anew), with and
 * without the lengths a fingerprint keeps.
 */
class ShortPromptScannerTest {

  private static final String[] VOCAB = {"blue", "moon", "eulb", "noom", "oyhr", "zbba", "cake",
      "the", "a", "of", "shire", "erihs", "zeitgeist", "tsiegtiez", "x", "yo"};

  @Test
  void findsTheSameRunAsHashingEveryRunAnew() {
    Random random = new Random(7);
    int found = 0;
    for (int round = 0; round < 3000; round++) {
      String secret = VOCAB[random.nextInt(VOCAB.length)]
          + (random.nextBoolean() ? " " + VOCAB[random.nextInt(VOCAB.length)] : "");
      int size = 2 + random.nextInt(4);
      long prompt = PromptFingerprint.shingleHashes(secret, size)[0];
      List<String> words = new ArrayList<>();
      for (int k = random.nextInt(30); k > 0; k--) {
        words.add(VOCAB[random.nextInt(VOCAB.length)]);
      }
      String text = String.join(" ", words);
      OutputWords w = new OutputWords().of(text);
      ShortPromptScanner.Match expected = naive(w, prompt, size);
      ShortPromptScanner.Match actual =
          ShortPromptScanner.find(w, text, prompt, size, 1000, new int[0]);
      // The fingerprint's lengths (the secret's, among others) only skip runs that cannot match.
      int length = secret.replace(" ", "").length();
      int[] lengths = java.util.stream.IntStream.of(Math.max(1, length - 2), length, length + 3)
          .distinct().sorted().toArray();
      assertThat(ShortPromptScanner.find(w, text, prompt, size, 1000, lengths))
          .as(text + " / " + secret).isEqualTo(actual);
      if (expected != null) {
        found++;
        assertThat(actual).as(text + " / " + secret).isEqualTo(expected);
      } else if (actual != null) {
        assertThat(actual.how()).as(text + " / " + secret)
            .doesNotContain("backwards").doesNotContain("rot13");
      }
    }
    assertThat(found).isGreaterThan(300);
  }

  /** Every run, by start then length, hashed from scratch; backwards before rot13. */
  private static ShortPromptScanner.Match naive(OutputWords w, long prompt, int size) {
    for (int i = 0; i < w.count; i++) {
      for (int len = 1; len <= size && i + len <= w.count; len++) {
        int s = w.start[i];
        int e = w.end[i + len - 1];
        if (e - s < ShortPromptScanner.MIN_DISGUISED) {
          continue;
        }
        long back = OutputWords.offset();
        long rot = OutputWords.offset();
        for (int n = 0; n < len; n++) {
          int j = i + len - 1 - n;
          for (int k = w.length(j) - 1; k >= 0; k--) {
            back = OutputWords.step(back, w.charAt(j, k));
          }
          back = OutputWords.endWord(back);
          for (int k = 0; k < w.length(i + n); k++) {
            rot = OutputWords.step(rot, OutputWords.rot13(w.charAt(i + n, k)));
          }
          rot = OutputWords.endWord(rot);
        }
        if (back == prompt) {
          return new ShortPromptScanner.Match(s, e, "spelled backwards", 0.9);
        }
        if (rot == prompt) {
          return new ShortPromptScanner.Match(s, e, "rot13-encoded", 0.9);
        }
      }
    }
    return null;
  }
}
