package io.guardstream.guard.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureHasherTest {

  private final FeatureHasher hasher = new FeatureHasher(16, 3, 5, 2);

  private List<Integer> features(String text) {
    List<Integer> out = new ArrayList<>();
    int n = hasher.hash(text.toCharArray(), 0, text.length(), out::add);
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

  @Test
  void aSettledRunGoesOnAsTheRunThatStartedEarlier() {
    // What the classifier relies on to read overlapping windows once.
    String[] atoms = {"ab", "Word", " ", "  ", "\n", ".", "-", "7", "\uD83D\uDE00", "\uD800", "é", "x_y"};
    Random random = new Random(11);
    int settledRuns = 0;
    for (int t = 0; t < 500; t++) {
      StringBuilder b = new StringBuilder();
      while (b.length() < 300) {
        b.append(atoms[random.nextInt(atoms.length)]);
      }
      String s = b.toString();
      char[] text = s.toCharArray();
      int early = random.nextInt(40);
      int later = early + random.nextInt(120);
      if (Character.isLowSurrogate(text[later]) && Character.isHighSurrogate(text[later - 1])) {
        later++; // windows never start inside a code point
      }
      List<Integer> whole = new ArrayList<>();
      hasher.hash(text, later, text.length, whole::add);

      FeatureHasher.State own = new FeatureHasher.State();
      List<Integer> joined = new ArrayList<>();
      hasher.feed(own, text, later, text.length, joined::add, FeatureHasher.Stop.SETTLED);
      if (!own.settled()) {
        continue;
      }
      settledRuns++;
      FeatureHasher.State earlier = new FeatureHasher.State();
      hasher.feed(earlier, text, early, own.at, bucket -> { }, FeatureHasher.Stop.OPEN);
      hasher.feed(earlier, text, own.at, text.length, joined::add, FeatureHasher.Stop.CLOSE);
      assertThat(joined).isEqualTo(whole);
    }
    assertThat(settledRuns).isGreaterThan(400);
  }

  @Test
  void summedWeightsAreTheWeightsOfTheEmittedFeatures() {
    short[] weights = new short[hasher.buckets()];
    Random random = new Random(5);
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (short) random.nextInt();
    }
    for (int t = 0; t < 200; t++) {
      char[] text = randomText(random, 1 + random.nextInt(200));
      long[] emitted = new long[1];
      int count = hasher.hash(text, 0, text.length, bucket -> emitted[0] += weights[bucket]);
      // Read in pieces, as the window chain does: sums carry over between calls.
      FeatureHasher.State st = new FeatureHasher.State();
      int cut = random.nextInt(text.length + 1);
      if (cut > 0 && cut < text.length && Character.isLowSurrogate(text[cut])) {
        cut++; // runs are cut between code points
      }
      int summed = hasher.feedWeights(st, text, 0, cut, weights, FeatureHasher.Stop.OPEN)
          + hasher.feedWeights(st, text, cut, text.length, weights, FeatureHasher.Stop.CLOSE);
      assertThat(summed).isEqualTo(count);
      assertThat(st.weightSum).isEqualTo(emitted[0]);
    }
  }

  private static char[] randomText(Random random, int words) {
    String[] atoms = {"ab", "Word", " ", "  ", "\n", ".", "7", "\uD83D\uDE00", "é", "x_y"};
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      b.append(atoms[random.nextInt(atoms.length)]);
    }
    return b.toString().toCharArray();
  }
}
