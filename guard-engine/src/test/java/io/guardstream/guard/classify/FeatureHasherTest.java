package io.guardstream.guard.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureHasherTest {

  private final FeatureHasher hasher = new FeatureHasher(16, 3, 5, 2);

  private List<Integer> features(String text) {
    List<Integer> out = new ArrayList<>();
    int n = hasher.hash(text, 0, text.length(), out::add);
    assertThat(n).isEqualTo(out.size());
    return out;
  }

  @Test
  void caseDigitsAndWhitespaceDoNotChangeFeatures() {
    assertThat(features("Ignore  PREVIOUS\tinstructions 42"))
        .isEqualTo(features("ignore previous instructions 17"));
  }

  @Test
  void differentWordsGiveDifferentFeatures() {
    assertThat(features("ignore previous instructions"))
        .isNotEqualTo(features("follow previous instructions"));
  }

  @Test
  void countsCharacterAndWordGrams() {
    // " ab cd " (boundary spaces added): 7 characters give 5 trigrams, 4 four-grams and
    // 3 five-grams; 2 words give 2 unigrams and 1 bigram.
    assertThat(features("ab cd")).hasSize(5 + 4 + 3 + 2 + 1);
  }

  @Test
  void bucketsStayInRangeForAnyCodePoint() {
    String text = "\uD83D\uDE00 \uD800 x\u0000\uFFFF \uDBFF\uDFFF";
    for (int bucket : features(text)) {
      assertThat(bucket).isBetween(0, hasher.buckets() - 1);
    }
  }
}
