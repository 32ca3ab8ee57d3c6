package io.guardstream.guard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardstream.guard.PromptFingerprint;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The detector must hash output shingles exactly as the SDK hashes the registered prompt. */
class PromptLeakWordsTest {

  @Property(tries = 300)
  void shinglesAgreeWithPromptFingerprint(
      @ForAll @StringLength(max = 300) @CharRange(from = ' ', to = '~') @CharRange(from = 'À', to = 'ſ')
          @CharRange(from = 'Ａ', to = 'Ｚ') String text,
      @ForAll @IntRange(min = 1, max = 7) int size) {
    OutputWords words = new OutputWords().of(text);
    long[] expected = PromptFingerprint.shingleHashes(text, size);
    long[] actual = words.count >= size
        ? Arrays.stream(words.shingles(size), 0, words.count - size + 1).distinct().sorted()
            .toArray()
        : new long[] {words.count == 0 ? 0 : words.hash(0, words.count)};
    if (words.count == 0) {
      assertThat(expected).isEmpty();
    } else {
      assertThat(actual).isEqualTo(expected);
    }
    for (int i = 0; i + size <= words.count; i++) {
      assertThat(words.shingles(size)[i]).isEqualTo(words.hash(i, size));
    }
  }
}
